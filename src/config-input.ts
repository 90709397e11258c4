// What a configuration says before it is resolved: presets, rule entries, overrides. A leaf shared by the
// config file reader (config-file.ts) and the resolved configuration (config.ts), so neither imports the other.
import type { Severity } from './rule';

export type PresetName = 'recommended' | 'strict' | 'all';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict', 'all'];
export interface RuleEntry {
  severity: Severity;
  options?: Record<string, unknown>;
}

export interface Override {
  /** Globs relative to `baseDir` (the config file's directory). */
  files: string[];
  rules: Map<string, RuleEntry>;
}

export interface ConfigInput {
  preset: PresetName;
  /** The config file, when one was found or given; its directory anchors `ignores` and `overrides`. */
  configFile?: string;
  rules?: Map<string, RuleEntry>;
  overrides?: Override[];
  ignores?: string[];
  /** --rule id=severity flags. */
  cliRules?: Map<string, RuleEntry>;
}
