// Text edits and the line arithmetic the syntax modules share. Offsets are UTF-16 indexes into a
// file's text, as Span uses; an edit replaces [start, end) with `text` (start === end: an insertion).

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Why a fix could not be turned into edits: said to the user, so in whole words. */
export class NotFixable extends Error {}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break (`\r\n` or `\n`). */
export function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** The line break the line holding `offset` ends with; the file's first one when it is the last line. */
export function lineBreakAt(text: string, offset: number): string {
  const end = lineEnd(text, offset);
  if (end < text.length) return text[end] === '\r' ? '\r\n' : '\n';
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** Where the value written in [start, end) really ends: YAML block spans take the trailing line break along. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && /\s/.test(text[at - 1]!)) at--;
  return at;
}

/** True when only blanks, and a comment of `comment`'s markers, follow `offset` on its line. */
export function restOfLineIsFree(text: string, offset: number, comment: RegExp): boolean {
  const rest = text.slice(offset, lineEnd(text, offset));
  return /^\s*$/.test(rest) || comment.test(rest.trimStart());
}

/** Edits applied in one pass over the text (linear in its length); callers have made sure none overlap. */
export function applyEdits(text: string, edits: readonly Edit[], base = 0): string {
  const ordered = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of ordered) {
    parts.push(text.slice(at, edit.start - base), edit.text);
    at = edit.end - base;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function sameEdit(a: Edit, b: Edit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/** Two edits touch the same bytes (two insertions at one point count: their order would matter). */
export function overlaps(a: Edit, b: Edit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return a.start < b.end && b.start < a.end;
}
