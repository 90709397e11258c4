// Which rules run at which severity, with which options, for which file.
// Precedence, lowest first: preset (extends / --preset) < config `rules` < config `overrides` < --rule.
import path from 'node:path';
import picomatch from 'picomatch';
import type { Rule, Severity } from './rule';
import { findConfigFile, parseRuleFlags, readConfigFile } from './config-file';
import type { ConfigInput, PresetName, RuleEntry } from './config-input';

export { PRESETS, type ConfigInput, type Override, type PresetName, type RuleEntry } from './config-input';

export { SEVERITIES } from './rule';

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export type RuleSettings = Map<string, RuleSetting>;

/** One `rules` entry as written: a severity and/or options. */
/** Severity of a rule in a preset: `strict` raises everything to error; `all` turns off-by-default rules on as warnings. */
export function presetSeverity(preset: PresetName, defaultSeverity: Severity): Severity {
  if (preset === 'strict') return 'error';
  if (preset === 'all' && defaultSeverity === 'off') return 'warning';
  return defaultSeverity;
}

export function settingsForPreset(rules: readonly Rule[], preset: PresetName): RuleSettings {
  const settings: RuleSettings = new Map();
  for (const rule of rules) {
    const presetOptions = preset === 'strict' ? rule.meta.presetOptions?.strict : undefined;
    settings.set(rule.meta.id, { severity: presetSeverity(preset, rule.meta.defaultSeverity), options: { ...(rule.meta.defaultOptions ?? {}), ...(presetOptions ?? {}) } });
  }
  return settings;
}

function applyEntries(settings: RuleSettings, entries: ReadonlyMap<string, RuleEntry>): void {
  for (const [id, entry] of entries) {
    const current = settings.get(id);
    if (!current) continue;
    settings.set(id, { severity: entry.severity, options: entry.options ? { ...current.options, ...entry.options } : current.options });
  }
}

/** The effective configuration of a run: settings per file, and which files are ignored. */
export class EffectiveConfig {
  readonly base: RuleSettings;
  private readonly baseDir: string;
  private readonly overrideMatchers: Array<{ matches: (relative: string) => boolean; rules: Map<string, RuleEntry> }>;
  private readonly ignoreMatcher: ((relative: string) => boolean) | undefined;
  private readonly cache = new Map<string, RuleSettings>();

  constructor(
    private readonly rules: readonly Rule[],
    readonly input: ConfigInput,
    cwd: string,
  ) {
    this.baseDir = input.configFile ? path.dirname(input.configFile) : cwd;
    const base = settingsForPreset(rules, input.preset);
    applyEntries(base, input.rules ?? new Map());
    this.base = base;
    const glob = (patterns: string[]): ((relative: string) => boolean) => picomatch(patterns, { dot: true });
    this.overrideMatchers = (input.overrides ?? []).map((override) => ({ matches: glob(override.files), rules: override.rules }));
    this.ignoreMatcher = input.ignores && input.ignores.length > 0 ? glob(input.ignores) : undefined;
  }

  /** Settings for one file (absolute path): the base, then every matching override in order, then --rule. */
  settingsFor(absolutePath: string): RuleSettings {
    // Without overrides there is nothing to match: no relative path per file.
    if (this.overrideMatchers.length === 0) return this.compose([]);
    const relative = this.relative(absolutePath);
    return this.compose(this.overrideMatchers.filter((override) => override.matches(relative)));
  }

  /** Settings when no override applies (what SARIF describes as each rule's default configuration). */
  settingsWithoutOverrides(): RuleSettings {
    return this.compose([]);
  }

  /** Ids of rules that are on for at least one file: base, any override, or --rule. */
  enabledRuleIds(): Set<string> {
    const enabled = new Set<string>();
    for (const overrides of [[], ...this.overrideMatchers.map((override) => [override])]) {
      for (const [id, setting] of this.compose(overrides)) if (setting.severity !== 'off') enabled.add(id);
    }
    return enabled;
  }

  private compose(overrides: Array<{ rules: Map<string, RuleEntry> }>): RuleSettings {
    const key = overrides.map((override) => this.overrideMatchers.findIndex((candidate) => candidate.rules === override.rules)).join(',');
    let settings = this.cache.get(key);
    if (!settings) {
      settings = new Map([...this.base].map(([id, setting]) => [id, { ...setting }]));
      for (const override of overrides) applyEntries(settings, override.rules);
      applyEntries(settings, this.input.cliRules ?? new Map());
      this.cache.set(key, settings);
    }
    return settings;
  }

  isIgnored(absolutePath: string): boolean {
    return this.ignoreMatcher ? this.ignoreMatcher(this.relative(absolutePath)) : false;
  }

  /** --print-config: the effective rule settings for one file. */
  describe(absolutePath: string): { configFile: string | null; extends: PresetName; rules: Record<string, [Severity, Record<string, unknown>] | [Severity]> } {
    const settings = this.settingsFor(absolutePath);
    const rules: Record<string, [Severity, Record<string, unknown>] | [Severity]> = {};
    for (const rule of [...this.rules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))) {
      const setting = settings.get(rule.meta.id)!;
      rules[rule.meta.id] = Object.keys(setting.options).length > 0 ? [setting.severity, setting.options] : [setting.severity];
    }
    return { configFile: this.input.configFile ?? null, extends: this.input.preset, rules };
  }

  private relative(absolutePath: string): string {
    return path.relative(this.baseDir, absolutePath).split(path.sep).join('/');
  }
}

/**
 * The configuration of a run from `cwd`: preset < config file `rules` < `overrides` < --rule, with
 * --preset replacing the file's `extends`. The config file is `configFlag`, or the nearest one from `cwd`
 * up to the repository root. Throws ConfigError for a file that is not valid.
 */
export function resolveConfig(rules: readonly Rule[], cwd: string, configFlag?: string, presetFlag?: PresetName, ruleFlags: readonly string[] = []): EffectiveConfig {
  const configFile = configFlag !== undefined ? path.resolve(cwd, configFlag) : findConfigFile(cwd);
  const content = configFile ? readConfigFile(configFile, rules, cwd) : {};
  return new EffectiveConfig(
    rules,
    {
      preset: presetFlag ?? content.extends ?? 'recommended',
      ...(configFile ? { configFile } : {}),
      ...(content.rules ? { rules: content.rules } : {}),
      ...(content.overrides ? { overrides: content.overrides } : {}),
      ...(content.ignores ? { ignores: content.ignores } : {}),
      cliRules: parseRuleFlags(ruleFlags, rules),
    },
    cwd,
  );
}
