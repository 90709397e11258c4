// Shared test helpers: lint a text as a file of a given name and compare results as plain rows.
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadRule } from '../rules';
import type { RuleSettings } from '../src/config';
import type { Finding } from '../src/finding';

export interface Row {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export function toRow(finding: Finding): Row {
  const { start, end } = finding.region;
  return { ruleId: finding.ruleId, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: finding.message };
}

/** Runs one rule (whatever its default severity) over `text` loaded as `path`. */
export function runRule(ruleId: string, path: string, text: string, options?: Record<string, unknown>): Row[] {
  return lintFindings(ruleId, path, text, options).map(toRow);
}

/** The findings of one rule (whatever its default severity) over `text` loaded as `path`, fix slot included. */
export function lintFindings(ruleId: string, path: string, text: string, options?: Record<string, unknown>): Finding[] {
  const rule = loadRule(ruleId);
  const settings: RuleSettings = new Map([[ruleId, { severity: 'error', options: { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) } }]]);
  return evaluate([loadFile(new SourceFile(path, text))], [rule], settings);
}

/** Like runRule, but only positions and rule id: for table-driven tests where the message is checked elsewhere. */
export function positions(ruleId: string, path: string, text: string, options?: Record<string, unknown>): Array<Omit<Row, 'message'>> {
  return runRule(ruleId, path, text, options).map(({ message: _message, ...rest }) => rest);
}

/**
 * Lints `text` through evaluate and the filter stage (suppressions) with every rule of the recommended
 * preset: what the CLI does for one file. Returns the rows of the given rule only.
 */
export function runWithSuppressions(ruleId: string, path: string, text: string, today = '2026-11-23', inlineSuppressions = true): Row[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadAllRules } = require('../rules') as typeof import('../rules');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { settingsForPreset } = require('../src/config') as typeof import('../src/config');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { filterFile, finishFilter } = require('../src/filter') as typeof import('../src/filter');
  const rules = loadAllRules();
  const settings = settingsForPreset(rules, 'recommended');
  const loaded = loadFile(new SourceFile(path, text));
  const options = { rules, unusedSeverity: () => 'warning' as const, inlineSuppressions, today };
  const file = filterFile(loaded, evaluate([loaded], rules, settings), options);
  const filtered = finishFilter(file.kept, file.unused, file.suppressed, options);
  return filtered.findings.filter((finding) => finding.ruleId === ruleId).map(toRow);
}
