// Bracketed collections: JSON arrays and objects, and the same shapes where YAML (flow style) and HCL
// (lists) write them. A new item or member copies the separator its neighbours use (`, ` on one line,
// `,\n    ` one per line), so the layout of the collection stays as it is.
import type { Member, Value } from '../model';
import { NotFixable, trimmedEnd, type Edit } from './text';

/** The next character that is not a blank, looking backwards (-1) or forwards (1) from `offset`. */
function neighbour(text: string, offset: number, direction: -1 | 1): string {
  let at = direction === -1 ? offset - 1 : offset;
  while (at >= 0 && at < text.length && /\s/.test(text[at]!)) at += direction;
  return text[at] ?? '';
}

/** Items written directly between `[`, `,` and `]`, nothing else (no comment) between them. */
export function checkBracketItems(text: string, items: readonly Value[]): void {
  for (const item of items) {
    if (!'[,'.includes(neighbour(text, item.span.start, -1)) || !',]'.includes(neighbour(text, item.span.end, 1))) {
      throw new NotFixable('the list is not written as plain items between brackets (a comment or an expression sits between them)');
    }
  }
}

/** What goes before a new item appended after `items[index]`: the separator the list already uses. */
function separatorAfter(text: string, listStart: number, items: readonly Value[], index: number): string {
  if (index > 0) return text.slice(items[index - 1]!.span.end, items[index]!.span.start);
  // One item: `["a"]` becomes `["a", "b"]`; a list written one item per line keeps that layout.
  const before = text.slice(listStart + 1, items[0]!.span.start);
  return before.includes('\n') ? `,${before}` : ', ';
}

export function insertAfterBracketItem(text: string, listStart: number, items: readonly Value[], index: number, rendered: readonly string[]): Edit {
  const separator = separatorAfter(text, listStart, items, index);
  const at = items[index]!.span.end;
  return { start: at, end: at, text: rendered.map((value) => separator + value).join('') };
}

/** The item and one separator: the one before it, or for the first item the one after it. */
export function removeBracketItem(items: readonly Value[], index: number): Edit {
  const item = items[index]!;
  if (index > 0) return { start: items[index - 1]!.span.end, end: item.span.end, text: '' };
  const next = items[index + 1];
  return next ? { start: item.span.start, end: next.span.start, text: '' } : { start: item.span.start, end: item.span.end, text: '' };
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
