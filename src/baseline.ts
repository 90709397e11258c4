// Baselines: accept today's findings, fail only on new ones. Entries are keyed by the finding's
// fingerprint (src/fingerprint.ts: rule, repository-relative file, client, member, offending value; no
// line numbers or list indexes), so moving lines or reordering a list keeps a baseline valid.
import { readFileSync } from 'node:fs';
import type { Finding } from './finding';
import { compareText } from './finding';
import { ConfigError } from './config-file';
import { fingerprintFile, memberOf } from './fingerprint';

/** Version 1 keyed list members by index; version 2 by value. */
const BASELINE_VERSION = 2;

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
  client: string;
  path: string;
  /** How many findings share this fingerprint. */
  count: number;
}

export interface BaselineFile {
  version: typeof BASELINE_VERSION;
  tool: string;
  entries: BaselineEntry[];
}

export function buildBaseline(findings: readonly Finding[], tool: string): BaselineFile {
  const entries = new Map<string, BaselineEntry>();
  for (const finding of findings) {
    const existing = entries.get(finding.fingerprint);
    if (existing) existing.count++;
    else entries.set(finding.fingerprint, { fingerprint: finding.fingerprint, ruleId: finding.ruleId, file: fingerprintFile(finding.fingerprint), client: finding.client, path: memberOf(finding.path), count: 1 });
  }
  return { version: BASELINE_VERSION, tool, entries: [...entries.values()].sort((a, b) => compareText(a.fingerprint, b.fingerprint)) };
}

export function serializeBaseline(baseline: BaselineFile): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

export function readBaseline(file: string, shown: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the baseline (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); create it with --write-baseline ${shown}`);
  }
  const baseline = data as Partial<Omit<BaselineFile, 'version'>> & { version?: unknown };
  if (baseline.version === 1) {
    throw new ConfigError(`${shown}: written by an older cognito-lint whose entries depend on the order of list items; recreate it with --write-baseline ${shown}`);
  }
  if (baseline.version !== BASELINE_VERSION || !Array.isArray(baseline.entries) || baseline.entries.some((e) => typeof e?.fingerprint !== 'string' || typeof e.count !== 'number')) {
    throw new ConfigError(`${shown}: not a cognito-lint baseline (expected {"version": ${BASELINE_VERSION}, "entries": [{"fingerprint", "count", ...}]}); recreate it with --write-baseline ${shown}`);
  }
  return baseline as BaselineFile;
}

/** Removes findings the baseline accepts; returns what is left and the entries that matched nothing. */
export function applyBaseline(findings: readonly Finding[], baseline: BaselineFile): { findings: Finding[]; stale: BaselineEntry[]; accepted: number } {
  const remaining = new Map(baseline.entries.map((entry) => [entry.fingerprint, entry.count]));
  const kept: Finding[] = [];
  let accepted = 0;
  for (const finding of findings) {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left > 0) {
      remaining.set(finding.fingerprint, left - 1);
      accepted++;
    } else kept.push(finding);
  }
  // An entry is stale for the findings it no longer matches (fixed, or its client/property renamed).
  const stale = baseline.entries.filter((entry) => (remaining.get(entry.fingerprint) ?? 0) > 0).map((entry) => ({ ...entry, count: remaining.get(entry.fingerprint)! }));
  return { findings: kept, stale, accepted };
}
