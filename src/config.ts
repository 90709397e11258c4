// Which rules run at which severity, with which options: presets now, configuration files later.
import type { Rule, Severity } from './rule';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export type RuleSettings = Map<string, RuleSetting>;

/** Severity of a rule in a preset: `strict` raises everything to error; `all` turns off-by-default rules on as warnings. */
export function presetSeverity(preset: PresetName, defaultSeverity: Severity): Severity {
  if (preset === 'strict') return 'error';
  if (preset === 'all' && defaultSeverity === 'off') return 'warning';
  return defaultSeverity;
}

export function settingsForPreset(rules: readonly Rule[], preset: PresetName): RuleSettings {
  const settings: RuleSettings = new Map();
  for (const rule of rules) {
    settings.set(rule.meta.id, { severity: presetSeverity(preset, rule.meta.defaultSeverity), options: { ...(rule.meta.defaultOptions ?? {}) } });
  }
  return settings;
}
