// YAML block style: sequence items on `- ` lines and mapping members on their own lines. A new line
// copies the indentation, dash and quoting of the line it follows; comments stay where they are.
import type { Member, Value } from '../model';
import { NotFixable, lineBreakAt, lineEnd, lineStart, restOfLineIsFree, trimmedEnd, type Edit } from './text';

export const YAML_COMMENT = /^#/;

/** `value` written as YAML, quoted as `like` (a neighbour's text) is: plain, 'single' or "double". */
export function yamlScalar(value: string, like: string | undefined): string {
  if (like?.startsWith('"')) return JSON.stringify(value);
  if (like?.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  // A plain scalar that YAML reads back as the same string (or as the boolean the fix means).
  if (/^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/.test(value)) return value;
  return JSON.stringify(value);
}

/** The text before a block sequence item on its line (`    - `); fails for items not written that way. */
function dashPrefix(text: string, item: Value): string {
  const prefix = text.slice(lineStart(text, item.span.start), item.span.start);
  if (!/^\s*-\s+$/.test(prefix)) throw new NotFixable('the list item is not written on its own `- ` line');
  if (!restOfLineIsFree(text, trimmedEnd(text, item.span.start, item.span.end), YAML_COMMENT)) throw new NotFixable('the list item shares its line with other text');
  return prefix;
}

export function checkBlockItems(text: string, items: readonly Value[]): void {
  for (const item of items) dashPrefix(text, item);
}

export function insertAfterBlockItem(text: string, item: Value, rendered: readonly string[]): Edit {
  const prefix = dashPrefix(text, item);
  const at = lineEnd(text, item.span.start);
  const eol = lineBreakAt(text, at);
  return { start: at, end: at, text: rendered.map((value) => eol + prefix + value).join('') };
}

/** The item's whole line; a comment after it stays, as a comment line at the item's indentation. */
export function removeBlockItem(text: string, item: Value): Edit {
  const prefix = dashPrefix(text, item);
  const start = lineStart(text, item.span.start);
  const end = lineEnd(text, item.span.start);
  const after = text.slice(trimmedEnd(text, item.span.start, item.span.end), end);
  if (/^\s*#/.test(after)) {
    const indent = /^\s*/.exec(prefix)![0];
    return { start, end, text: indent + after.trimStart() };
  }
  return { start, end: end === text.length ? end : end + lineBreakAt(text, end).length, text: '' };
}

/** A `Key: value` line after the last member, at its indentation, the key quoted as that member's is. */
export function insertBlockMember(text: string, last: Member, key: string, value: string): Edit {
  const indent = text.slice(lineStart(text, last.keySpan.start), last.keySpan.start);
  if (!/^\s*$/.test(indent)) throw new NotFixable('the last member of the client does not start its line');
  const valueEnd = trimmedEnd(text, last.value.span.start, last.value.span.end);
  if (!restOfLineIsFree(text, valueEnd, YAML_COMMENT)) throw new NotFixable('the last member of the client shares its line with other text');
  const keyText = text.slice(last.keySpan.start, last.keySpan.end);
  const quoted = keyText.startsWith('"') ? JSON.stringify(key) : keyText.startsWith("'") ? `'${key}'` : key;
  const at = lineEnd(text, valueEnd);
  return { start: at, end: at, text: `${lineBreakAt(text, at)}${indent}${quoted}: ${value}` };
}
