// Output cannot forge output (docs/design/escaping.md). Everything a report or message echoes may come
// from the repository being linted: a value, a key, a file name, a rule id in a comment or in
// `.cognito-lint.yaml`. A line break in one would start a line of its own (a fake problem line for a
// problem matcher, or a GitHub workflow command such as `::add-mask::`, which the runner reads from
// stdout and stderr alike); ESC and BEL would drive the terminal. Text output and every message on
// stderr pass values through here. JSON and SARIF need nothing more: JSON encoding escapes them.

/**
 * C0 controls (tab and line breaks included), DEL, C1 controls (0x9B is a one-byte CSI), and the Unicode
 * line and paragraph separators, which some readers take for line breaks.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** `text` with each control character written as a `\u001b`-style escape. */
export function escapeControls(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A value that starts a line of output (a file name heading the text report's group): its controls
 * escaped, and `./` before one that starts with `::`, so that it cannot be read as a workflow command.
 */
export function escapeLineStart(text: string): string {
  const escaped = escapeControls(text);
  return escaped.startsWith('::') ? `./${escaped}` : escaped;
}

/**
 * Wraps a writer of whole lines (stderr): each chunk keeps the line break that ends it and has every
 * other control character escaped, so a value inside a message can neither end the line nor start a new
 * one. A chunk that is not one line (two intended lines) must be written as two chunks.
 */
export function lineWriter(write: (text: string) => void): (text: string) => void {
  return (text) => {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    write(escapeLineStart(body) + (body.length < text.length ? '\n' : ''));
  };
}
