// Format stage: findings to a report. The formats, listed once: adding one means one file in this
// folder (a Formatter) plus one line here; --format's choices, its validation and --help come from this
// list. A formatter never decides severity. Only the chosen formatter's file is loaded (require on
// use), so a default text run pays for no other format.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { Finding } from '../finding';
import type { Formatter, FormatContext, FormatterInput, Write } from './formatter';

export type { Formatter, FormatContext, FormatterInput, Write } from './formatter';

const FORMATTERS = {
  text: () => (require('./text') as typeof import('./text')).text,
  json: () => (require('./json') as typeof import('./json')).json,
  sarif: () => (require('./sarif') as typeof import('./sarif')).sarif,
  github: () => (require('./github') as typeof import('./github')).github,
  junit: () => (require('./junit') as typeof import('./junit')).junit,
  checkstyle: () => (require('./checkstyle') as typeof import('./checkstyle')).checkstyle,
  gitlab: () => (require('./gitlab') as typeof import('./gitlab')).gitlab,
} satisfies Record<string, () => Formatter<unknown>>;

export type FormatName = keyof typeof FORMATTERS;

/** Every --format value, in --help order. */
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];

/** The formatter of that name, loaded now. */
export function loadFormatter(name: FormatName): Formatter<unknown> {
  return FORMATTERS[name]();
}

/** Pieces are gathered up to this size before they are written: fewer, larger writes. */
const CHUNK = 1 << 16;

/** Writes the report through `write` in chunks of about CHUNK characters, with the formatter's own options. */
export function format(formatter: Formatter<unknown>, findings: readonly Finding[], context: FormatContext, input: FormatterInput, write: Write): void {
  let pending = '';
  const gather: Write = (piece) => {
    pending += piece;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  formatter.write(findings, context, formatter.options(input), gather);
  if (pending) write(pending);
}

/** `text (for people: …), json (…), …`: every format with its description, for --help (loads them all). */
export function describeFormats(): string {
  return FORMAT_NAMES.map((name) => `${name} (${loadFormatter(name).description})`).join(', ');
}
