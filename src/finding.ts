import type { Region, SourceFile } from './source';
import type { Fix } from './message';
import type { Severity } from './rule';

export type ReportedSeverity = Exclude<Severity, 'off'>;

export interface RelatedLocation {
  file: SourceFile;
  region: Region;
  message: string;
}

/** One result, ready for any formatter: positions resolved, message rendered, severity decided. */
export interface Finding {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  file: SourceFile;
  region: Region;
  related: RelatedLocation[];
  /** The client the finding is about (logical id, Terraform address, request); '' for file-level results. */
  client: string;
  /** Property path inside the client, '' for the client itself. */
  path: string;
  /** Stable identity without line numbers or list indexes: rule, file, client, member, offending value (src/fingerprint.ts). */
  fingerprint: string;
  /** The repair the rule proposes, in API terms (src/message.ts `Fix`). */
  fix?: Fix;
}

export const SEVERITY_RANK: Record<Severity, number> = { off: 0, note: 1, warning: 2, error: 3 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file.path, b.file.path) ||
    a.region.start.line - b.region.start.line ||
    a.region.start.column - b.region.start.column ||
    a.region.end.line - b.region.end.line ||
    a.region.end.column - b.region.end.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  );
}

/** Locale-independent ordering, so output is byte-identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
