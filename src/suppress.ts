// Suppressions: comment directives in YAML and HCL files, and CloudFormation Metadata entries.
//   <value> # cognito-lint-disable-line <id>[, <id>] -- reason
//   # cognito-lint-disable-next-line <id>[, <id>] -- reason
//   # cognito-lint-disable-file <id>[, <id>] -- reason
//   Metadata: { cognito-lint: { ignore: [ { rule: <id>, reason: "...", expires: YYYY-MM-DD } ] } }
// A comment may carry `expires: YYYY-MM-DD` after its rule ids. An expired suppression stops suppressing.
// Directives are read from the comments the file's parser found (LoadedFile.comments), never from the
// raw text: a directive-like line inside a string or block scalar is data. A comment that starts with
// another `cognito-lint-` word is kept as an unknown directive, which the filter stage reports.
import type { LoadedFile } from './model';
import type { SourceFile, Span } from './source';
import type { Finding } from './finding';

export type SuppressionKind = 'line' | 'next-line' | 'file' | 'metadata' | 'unknown-directive';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule ids as written (possibly unknown ones). */
  rules: string[];
  reason: string | undefined;
  expires: string | undefined;
  span: Span;
  /** For line and next-line: the 1-based line it covers. For metadata: the client name and the client's extent. */
  line?: number;
  /** For unknown-directive: the word as written, e.g. `cognito-lint-disable-nextline`. */
  directive?: string;
  client?: string;
  extent?: { startLine: number; endLine: number };
}

/** The directive words and what each covers. */
export const DIRECTIVES: Readonly<Record<string, SuppressionKind>> = {
  'cognito-lint-disable-line': 'line',
  'cognito-lint-disable-next-line': 'next-line',
  'cognito-lint-disable-file': 'file',
};
/** A comment's marker, then a `cognito-lint-` word, then the body (ids, reason, expiry); a block comment's closing is not body. */
const DIRECTIVE = /^(?:#|\/\/|\/\*)[ \t]*(cognito-lint-[\w-]+)(.*?)(?:\*\/)?$/s;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function findSuppressions(loaded: LoadedFile, includeInline: boolean): Suppression[] {
  const suppressions: Suppression[] = [];
  if (!includeInline) return suppressions;
  const { file } = loaded;
  for (const comment of loaded.comments ?? []) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const word = match[1]!;
    const { rules, reason, expires } = parseDirectiveBody(match[2]!);
    const kind = DIRECTIVES[word] ?? 'unknown-directive';
    const suppression: Suppression = { kind, rules, reason, expires, span: comment.span };
    // A trailing comment covers its own line; a block comment over several lines, the line after its end.
    if (kind === 'line') suppression.line = file.positionAt(comment.span.start).line;
    if (kind === 'next-line') suppression.line = file.positionAt(comment.span.end).line + 1;
    if (kind === 'unknown-directive') suppression.directive = word;
    suppressions.push(suppression);
  }
  for (const client of loaded.clients) {
    for (const entry of client.metadataSuppressions ?? []) {
      // Fn::If variants of one resource share its Metadata: keep one suppression per entry.
      if (suppressions.some((s) => s.kind === 'metadata' && s.span.start === entry.span.start)) continue;
      suppressions.push({
        kind: 'metadata',
        rules: entry.rule === undefined ? [] : [entry.rule],
        reason: entry.reason,
        expires: entry.expires,
        span: entry.span,
        client: client.name,
        extent: { startLine: file.positionAt(client.extent.start).line, endLine: file.positionAt(client.extent.end).line },
      });
    }
  }
  return suppressions;
}

/** `id, id2 -- reason text; expires: 2027-01-31` */
export function parseDirectiveBody(body: string): { rules: string[]; reason: string | undefined; expires: string | undefined } {
  const [idsPart, ...reasonParts] = body.split(/\s--\s?|\s--$/);
  let reason = reasonParts.length > 0 ? reasonParts.join(' -- ').trim() : undefined;
  let idsText = idsPart ?? '';
  let expires: string | undefined;
  const expiry = /\bexpires:?\s*(\S+)/;
  for (const where of ['ids', 'reason'] as const) {
    const text = where === 'ids' ? idsText : reason ?? '';
    const match = expiry.exec(text);
    if (!match) continue;
    expires = match[1]!.replace(/[;,.]$/, '');
    if (where === 'ids') idsText = text.replace(match[0], '');
    else reason = withoutTrailingSeparators(text.replace(match[0], '')).trim() || undefined;
  }
  const rules = idsText
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return { rules, reason: reason || undefined, expires };
}

/**
 * `text` without the spaces, `;` and `,` at its end. Not `replace(/[\s;,]+$/, '')`: the engine tries
 * that at every position of every such run and fails at each run that does not end the text, quadratic
 * in a long run.
 */
function withoutTrailingSeparators(text: string): string {
  const separator = /[\s;,]/;
  let end = text.length;
  while (end > 0 && separator.test(text[end - 1]!)) end--;
  return text.slice(0, end);
}

export function isValidDate(text: string): boolean {
  return DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** True when the suppression covers the finding (rule and place), expiry aside. */
export function covers(suppression: Suppression, finding: Finding): boolean {
  if (finding.file !== suppression.span.file) return false;
  if (!suppression.rules.includes(finding.ruleId)) return false;
  switch (suppression.kind) {
    case 'file':
      return true;
    case 'line':
    case 'next-line':
      return finding.region.start.line === suppression.line;
    case 'unknown-directive':
      return false;
    case 'metadata':
      return finding.client === suppression.client || (finding.client === '' && finding.region.start.line >= suppression.extent!.startLine && finding.region.end.line <= suppression.extent!.endLine);
  }
}

/** Suppressions that cover the same findings: marked used together, and suppressing when any is unexpired. */
interface CoverGroup {
  suppressions: Suppression[];
  unexpired: boolean;
  marked: boolean;
}

/**
 * One file's suppressions by the rule and place they cover, so that matching a finding costs a few map
 * look-ups whatever the number of suppressions or of rule ids in them (checking every suppression, and
 * every id of each, for every finding multiplies the findings by the comments' length).
 */
export class SuppressionIndex {
  /** `rule \n line` for line and next-line suppressions, `rule` for file ones, `rule \n client` for Metadata. */
  private readonly groups = new Map<string, CoverGroup>();
  /** Metadata suppressions by rule: a finding outside any client is covered by those whose client extent holds it. */
  private readonly metadataByRule = new Map<string, Suppression[]>();

  /** `suppressions` are those of `file` (Suppression.span.file), which covers only findings in that file. */
  constructor(
    private readonly file: SourceFile,
    suppressions: readonly Suppression[],
    private readonly isExpired: (suppression: Suppression) => boolean,
  ) {
    for (const suppression of suppressions) {
      for (const rule of new Set(suppression.rules)) {
        switch (suppression.kind) {
          case 'line':
          case 'next-line':
            this.add(`L${rule}\n${suppression.line}`, suppression);
            break;
          case 'file':
            this.add(`F${rule}`, suppression);
            break;
          case 'metadata':
            this.add(`M${rule}\n${suppression.client}`, suppression);
            if (this.metadataByRule.has(rule)) this.metadataByRule.get(rule)!.push(suppression);
            else this.metadataByRule.set(rule, [suppression]);
            break;
          case 'unknown-directive':
            break;
        }
      }
    }
  }

  private add(key: string, suppression: Suppression): void {
    let group = this.groups.get(key);
    if (!group) this.groups.set(key, (group = { suppressions: [], unexpired: false, marked: false }));
    group.suppressions.push(suppression);
    if (!this.isExpired(suppression)) group.unexpired = true;
  }

  /**
   * Adds the suppressions that cover `finding` to `used` (each group once) and tells whether an unexpired
   * one does. Gives the same answers as testing covers() on every suppression.
   */
  match(finding: Finding, used: Set<Suppression>): boolean {
    if (finding.file !== this.file) return false;
    let suppressed = false;
    const visit = (group: CoverGroup | undefined): void => {
      if (!group) return;
      if (!group.marked) {
        for (const suppression of group.suppressions) used.add(suppression);
        group.marked = true;
      }
      if (group.unexpired) suppressed = true;
    };
    const rule = finding.ruleId;
    visit(this.groups.get(`L${rule}\n${finding.region.start.line}`));
    visit(this.groups.get(`F${rule}`));
    if (finding.client !== '') visit(this.groups.get(`M${rule}\n${finding.client}`));
    else {
      for (const suppression of this.metadataByRule.get(rule) ?? []) {
        if (!covers(suppression, finding)) continue;
        used.add(suppression);
        if (!this.isExpired(suppression)) suppressed = true;
      }
    }
    return suppressed;
  }
}
