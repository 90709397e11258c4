// Large JSON reports written piece by piece, byte for byte what JSON.stringify(document, null, 2) writes.
import type { Write } from './index';

/** The placeholder for writeJsonWithItems' array. */
export const ITEMS = '\u0000items' as const;

/**
 * `JSON.stringify(document, null, 2) + '\n'`, with the array `items.map(toItem)` in place of the string `ITEMS`,
 * written one item at a time so that the whole document never exists as one string. `ITEMS` must be the
 * document's last string value (only numbers may follow it).
 */
export function writeJsonWithItems<T>(document: unknown, items: readonly T[], toItem: (item: T) => unknown, write: Write): void {
  const whole = JSON.stringify(document, null, 2);
  const placeholder = JSON.stringify(ITEMS);
  const at = whole.lastIndexOf(placeholder);
  const indent = /^ */.exec(whole.slice(whole.lastIndexOf('\n', at) + 1))![0] + '  ';
  write(whole.slice(0, at) + '[');
  let empty = true;
  for (const item of items) {
    write(`${empty ? '' : ','}\n${indent}${JSON.stringify(toItem(item), null, 2).replace(/\n/g, `\n${indent}`)}`);
    empty = false;
  }
  write(`${empty ? '' : `\n${indent.slice(2)}`}]${whole.slice(at + placeholder.length)}\n`);
}
