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
import type { Span } from './source';
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
    else reason = text.replace(match[0], '').replace(/[\s;,]+$/, '').trim() || undefined;
  }
  const rules = idsText
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  return { rules, reason: reason || undefined, expires };
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
