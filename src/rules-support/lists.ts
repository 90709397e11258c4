// Lists of values in messages.

/** `"A", "B"` */
export function quoteList(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
