// Suppressions: comment directives in YAML and HCL files, and CloudFormation Metadata entries.
//   # cognito-lint-disable-next-line <id>[, <id>] -- reason
//   # cognito-lint-disable-file <id>[, <id>] -- reason
//   Metadata: { cognito-lint: { ignore: [ { rule: <id>, reason: "...", expires: YYYY-MM-DD } ] } }
// A comment may carry `expires: YYYY-MM-DD` after its rule ids. An expired suppression stops suppressing.
import type { LoadedFile } from './model';
import type { Span } from './source';
import type { Finding } from './finding';

export type SuppressionKind = 'next-line' | 'file' | 'metadata';

export interface Suppression {
  kind: SuppressionKind;
  /** Rule ids as written (possibly unknown ones). */
  rules: string[];
  reason: string | undefined;
  expires: string | undefined;
  span: Span;
  /** For next-line: the 1-based line it covers. For metadata: the client name and the client's extent. */
  line?: number;
  client?: string;
  extent?: { startLine: number; endLine: number };
}

const DIRECTIVE = /(?:^|[ \t])(?:#|\/\/)[ \t]*cognito-lint-disable(-next-line|-file)\b([^\r\n]*)/g;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Comments exist in YAML and HCL; in JSON a `#` is string content, never a directive. */
function mayHoldCommentDirectives(path: string): boolean {
  return !/\.json$/i.test(path);
}

export function findSuppressions(loaded: LoadedFile, includeInline: boolean): Suppression[] {
  const suppressions: Suppression[] = [];
  if (!includeInline) return suppressions;
  const { file } = loaded;
  if (mayHoldCommentDirectives(file.path) && file.text.includes('cognito-lint-disable')) {
    for (const match of file.text.matchAll(DIRECTIVE)) {
      const start = match.index! + match[0].search(/#|\/\//);
      const span: Span = { file, start, end: match.index! + match[0].length };
      const { rules, reason, expires } = parseDirectiveBody(match[2]!);
      const kind: SuppressionKind = match[1] === '-next-line' ? 'next-line' : 'file';
      const suppression: Suppression = { kind, rules, reason, expires, span };
      if (kind === 'next-line') suppression.line = file.positionAt(start).line + 1;
      suppressions.push(suppression);
    }
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
    case 'next-line':
      return finding.region.start.line === suppression.line;
    case 'metadata':
      return finding.client === suppression.client || (finding.client === '' && finding.region.start.line >= suppression.extent!.startLine && finding.region.end.line <= suppression.extent!.endLine);
  }
}
