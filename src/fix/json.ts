// Bracketed collections: JSON arrays and objects, and the same shapes where YAML (flow style) and HCL
// (lists) write them. A new item or member copies the separator its neighbours use (`, ` on one line,
// `,\n    ` one per line), so the layout of the collection stays as it is.
import type { Member, Value } from '../model';
import { NotFixable, lineBreakAt, lineEnd, lineStart, trimmedEnd, type Edit } from './text';

/** Comments as JSONC, YAML and HCL write them; gaps between list items hold no strings, so no quoting to mind. */
const COMMENT = /(#|\/\/)[^\n]*|\/\*[\s\S]*?\*\//g;

function hasComment(gap: string): boolean {
  return gap.replace(COMMENT, '') !== gap;
}

/** The text between two items, or before the first (after `[`) and after the last (before `]`). */
function gapBefore(text: string, listStart: number, items: readonly Value[], index: number): string {
  return text.slice(index === 0 ? listStart + 1 : items[index - 1]!.span.end, items[index]!.span.start);
}

/** Items written directly between `[`, `,` and `]`, with only blanks and comments around them. */
export function checkBracketItems(text: string, span: { start: number; end: number }, items: readonly Value[]): void {
  const closing = trimmedEnd(text, span.start, span.end) - 1;
  const plain = items.every((_item, index) => /^\s*$|^\s*,\s*$/.test(gapBefore(text, span.start, items, index).replace(COMMENT, '')) && (index > 0) === /,/.test(gapBefore(text, span.start, items, index).replace(COMMENT, '')));
  const after = items.length > 0 ? text.slice(items[items.length - 1]!.span.end, closing).replace(COMMENT, '') : '';
  if (text[closing] !== ']' || !plain || !/^\s*,?\s*$/.test(after)) throw new NotFixable('the list is not written as plain items between brackets (an expression sits between them)');
}

/**
 * New items after `items[index]`, separated as the list's items are: `, "b"` on one line; one per line
 * (before a comment that ends the item's line) in a list written one item per line. `compact` lists
 * (`"Key":["a"]`) get `,` alone.
 */
export function insertAfterBracketItem(text: string, listStart: number, items: readonly Value[], index: number, rendered: readonly string[]): Edit[] {
  const item = items[index]!;
  const gap = gapBefore(text, listStart, items, items.length > 1 ? Math.max(index, 1) : 0);
  if (!gap.includes('\n')) {
    const separator = items.length > 1 ? gap : text[listStart - 1] === ':' ? ',' : ', ';
    return [{ start: item.span.end, end: item.span.end, text: rendered.map((value) => separator + value).join('') }];
  }
  const indent = gap.slice(gap.lastIndexOf('\n'));
  const end = lineEnd(text, item.span.end);
  const trailingComma = /^\s*,/.test(text.slice(item.span.end, end));
  const lines = rendered.map((value, position) => indent + value + (trailingComma || position < rendered.length - 1 ? ',' : '')).join('');
  const eol = lineBreakAt(text, end);
  const newLines = eol === '\r\n' ? lines.replace(/\n/g, '\r\n') : lines;
  if (trailingComma) return [{ start: end, end, text: newLines.replace(/^\r?\n/, eol) }];
  if (end === item.span.end) return [{ start: end, end, text: ',' + newLines.replace(/^\r?\n/, eol) }];
  return [
    { start: item.span.end, end: item.span.end, text: ',' },
    { start: end, end, text: newLines.replace(/^\r?\n/, eol) },
  ];
}

/** The item and one comment-free separator (the one before it, else the one after it); comments stay. */
export function removeBracketItem(text: string, listStart: number, items: readonly Value[], index: number): Edit[] {
  const item = items[index]!;
  const next = items[index + 1];
  if (items.length === 1) return [{ start: item.span.start, end: item.span.end, text: '' }];
  // An item on its own line with a comment after it: the item and its comma go, the comment stays as a
  // comment line at the item's indentation (as in a YAML block list), never as `, # dup`.
  const ownLine = /^[ \t]*$/.test(text.slice(lineStart(text, item.span.start), item.span.start));
  const trailing = /^([ \t]*,?[ \t]*)(?:#|\/\/|\/\*)/.exec(text.slice(item.span.end, lineEnd(text, item.span.end)));
  if (ownLine && trailing) {
    const edits: Edit[] = [{ start: item.span.start, end: item.span.end + trailing[1]!.length, text: '' }];
    // The last item has no comma of its own: the one after the item before it goes instead.
    const comma = text.indexOf(',', items[index - 1]?.span.end ?? item.span.start);
    if (!next && !trailing[1]!.includes(',') && comma !== -1 && comma < item.span.start) edits.push({ start: comma, end: comma + 1, text: '' });
    return edits;
  }
  if (index > 0 && !hasComment(gapBefore(text, listStart, items, index))) return [{ start: items[index - 1]!.span.end, end: item.span.end, text: '' }];
  if (next && !hasComment(gapBefore(text, listStart, items, index + 1))) return [{ start: item.span.start, end: next.span.start, text: '' }];
  // Comments on both sides: the item and its comma go, the comments and line breaks stay.
  if (next) return [{ start: item.span.start, end: text.indexOf(',', item.span.end) + 1, text: '' }];
  const comma = text.indexOf(',', items[index - 1]!.span.end);
  return [
    { start: comma, end: comma + 1, text: '' },
    { start: item.span.start, end: item.span.end, text: '' },
  ];
}

/**
 * A member appended at the end of a `{ ... }` object (`span` ends with its `}`), after the whitespace its
 * last member is preceded by and with that member's key quoting and colon.
 */
export function insertBracketMember(text: string, span: { start: number; end: number }, last: Member, key: string, value: string): Edit {
  const closing = trimmedEnd(text, span.start, span.end) - 1;
  if (text[closing] !== '}') throw new NotFixable('the object does not end with `}`');
  const at = trimmedEnd(text, span.start, closing);
  // Strings aside, a comment marker after the last key would swallow the new member.
  const unquoted = text.slice(last.keySpan.end, closing).replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '');
  if (text[at - 1] === ',' || /(^|\s)#|\/[/*]/.test(unquoted)) throw new NotFixable('a comment or a trailing comma ends the object');
  const indent = /\s*$/.exec(text.slice(0, last.keySpan.start))![0];
  const keyText = text.slice(last.keySpan.start, last.keySpan.end);
  const quote = /^["']/.test(keyText) ? keyText[0]! : '';
  const colon = /^\s*:\s*/.exec(text.slice(last.keySpan.end))?.[0];
  if (!colon) throw new NotFixable('the members of the object are not written as `key: value`');
  return { start: at, end: at, text: `,${indent}${quote}${key}${quote}${colon}${value}` };
}
