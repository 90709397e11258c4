// HCL: a new attribute line in a block, at the indentation of the attribute it follows and with its
// `=` in the same column when that neighbour aligns its `=` (as `terraform fmt` does).
import type { Member } from '../model';
import { NotFixable, lineBreakAt, lineEnd, lineStart, restOfLineIsFree, trimmedEnd, type Edit } from './text';

export const HCL_COMMENT = /^(#|\/\/|\/\*)/;

/** HCL strings are always double-quoted; booleans are bare unless the old value was a quoted string. */
export function hclScalar(value: string, like: string | undefined): string {
  if ((value === 'true' || value === 'false') && !like?.startsWith('"')) return value;
  return JSON.stringify(value);
}

export function insertHclAttribute(text: string, last: Member, name: string, value: string): Edit {
  const start = lineStart(text, last.keySpan.start);
  const indent = text.slice(start, last.keySpan.start);
  if (!/^\s*$/.test(indent)) throw new NotFixable('the last argument of the block does not start its line');
  const valueEnd = trimmedEnd(text, last.value.span.start, last.value.span.end);
  if (!restOfLineIsFree(text, valueEnd, HCL_COMMENT)) throw new NotFixable('the last argument of the block shares its line with other text');
  // `name   = value` on the neighbour's first line: its `=` column, else one space.
  const equals = /^(\s*\S+)(\s*)=/.exec(text.slice(start, lineEnd(text, start)));
  const column = equals ? equals[1]!.length + equals[2]!.length : 0;
  const padding = ' '.repeat(Math.max(1, column - indent.length - name.length));
  const at = lineEnd(text, valueEnd);
  return { start: at, end: at, text: `${lineBreakAt(text, at)}${indent}${name}${padding}= ${value}` };
}
