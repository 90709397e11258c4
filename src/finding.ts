import type { Position, Region } from './source';
import type { Fix } from './message';
import type { FixType, Severity } from './rule';

export type ReportedSeverity = Exclude<Severity, 'off'>;

/**
 * What a finding keeps of a file: its names. A SourceFile is one; once its file is filtered, the run
 * replaces it by a plain FileRef (detach), so the findings it keeps do not keep the file's text alive.
 */
export interface FileRef {
  readonly path: string;
  readonly repositoryPath: string;
}

export interface RelatedLocation {
  file: FileRef;
  region: Region;
  message: string;
}

/** One result, ready for any formatter: positions resolved, message rendered, severity decided. */
export interface Finding {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  file: FileRef;
  region: Region;
  related: RelatedLocation[];
  /** The client the finding is about (logical id, Terraform address, request); '' for file-level results. */
  client: string;
  /**
   * How many further instances of the same Terraform block (`for_each`/`count`) or module call gave this
   * same finding at the same place: it is reported once, for the first instance (`client`).
   */
  otherInstances?: number;
  /** Property path inside the client, '' for the client itself. */
  path: string;
  /** Stable identity without line numbers or list indexes: rule, file, client, member, offending value (src/fingerprint.ts). */
  fingerprint: string;
  /** The repair the rule proposes, in API terms (src/message.ts `Fix`). */
  fix?: Fix;
  /** With `fix`, when --fix may apply it: a fix keeps runtime behaviour, a remediation changes it (RuleMeta.fix). */
  fixType?: FixType;
  /** For a remediation: what changes at runtime (RuleMeta.runtimeChange). */
  runtimeChange?: string;
  /**
   * The edits that apply `fix` to the file (for --fix and SARIF `fixes`), planned while the file was
   * loaded; or why it cannot be applied where the value is written. Absent without `fixType`.
   */
  change?: FixChange | { reason: string };
}

/** A planned fix: the text edits, by offset for --fix and by position for SARIF `fixes`. */
export interface FixChange {
  /** The fix as the source spells it, e.g. `prevent_user_existence_errors = "ENABLED"`. */
  description: string;
  /** In file order; an insertion has start equal to end. */
  replacements: Array<{ start: Position; end: Position; text: string }>;
  /** The same edits as UTF-16 offsets into the file's text. */
  edits: Array<{ start: number; end: number; text: string }>;
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

/**
 * The findings with their files (and related locations' files) reduced to their names (see FileRef), and
 * their texts taken from `pool`, one string per distinct text for the whole run: thousands of findings
 * share a message, and a name sliced from a file's text (a logical id) would keep that whole text alive.
 */
export function detach(findings: readonly Finding[], pool: Map<string, string>): Finding[] {
  const shared = (text: string): string => {
    let kept = pool.get(text);
    if (kept === undefined) pool.set((kept = copy(text)), kept);
    return kept;
  };
  const refs = new Map<FileRef, FileRef>();
  const ref = (file: FileRef): FileRef => {
    let detached = refs.get(file);
    if (!detached) refs.set(file, (detached = { path: shared(file.path), repositoryPath: shared(file.repositoryPath) }));
    return detached;
  };
  return findings.map((finding) => ({
    ...finding,
    message: shared(finding.message),
    file: ref(finding.file),
    related: finding.related.map((related) => ({ file: ref(related.file), region: related.region, message: shared(related.message) })),
    client: shared(finding.client),
    path: shared(finding.path),
  }));
}

/** A copy that does not refer to `text`: V8 represents a slice of a long string by a reference to the whole. */
function copy(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/**
 * A planned fix in one line, its kind first: `fix: remove CallbackURLs[2]`, or for a remediation the
 * runtime change it makes: `remediation: PreventUserExistenceErrors: ENABLED; changes behaviour: ...`.
 */
export function describeChange(finding: Pick<Finding, 'fixType' | 'runtimeChange'>, change: Pick<FixChange, 'description'>): string {
  const changes = finding.fixType === 'remediation' && finding.runtimeChange ? `; changes behaviour: ${finding.runtimeChange}` : '';
  return `${finding.fixType ?? 'fix'}: ${change.description}${changes}`;
}

/** The planned edits of a finding's fix, when it has them. */
export function plannedChange(finding: Finding): FixChange | undefined {
  return finding.change && 'edits' in finding.change ? finding.change : undefined;
}
