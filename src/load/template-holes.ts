// Templates of templates (cookiecutter, Jinja, Helm): a `{{ ... }}` hole is filled in before deployment,
// so its value is unknown. A file that does not parse is parsed again with each hole blanked to a plain
// scalar of the same length, so every position in the file stays where it was.
import type { Value } from '../model';
import type { SourceFile, Span } from '../source';
import type { ScalarNode } from '../parse/syntax';

/**
 * What a blanked hole is made of: a private-use character, valid in a YAML plain scalar and inside a JSON
 * string, one UTF-16 unit like every character it replaces, and never written in a real template, so a
 * string that holds it is known to hold a hole.
 */
export const HOLE = '\uE000';

/** A hole on one line; `{{resolve:...}}` is CloudFormation's own dynamic reference, not a hole. */
const HOLE_PATTERN = /\{\{(?!resolve:)[^\n]*?\}\}/g;

/**
 * The text with every `{{ ... }}` blanked, or undefined when it has none. A hole that stands alone as a
 * value (between `:`, `[`, `,`, a list's `-` or a line start and `,`, `]`, `}` or the line end) becomes a quoted
 * string, which JSON needs for a bare value and YAML reads the same; a hole inside a string or next to
 * other text is blanked without quotes, which would end the string it sits in.
 */
export function blankTemplateHoles(text: string): string | undefined {
  if (!text.includes('{{')) return undefined;
  let found = false;
  const blanked = text.replace(HOLE_PATTERN, (hole: string, at: number) => {
    found = true;
    const before = /(^|[:[,{]|(^|\s)-)[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
    const after = /^[ \t]*([,\]}]|\r?\n|$)/.test(text.slice(at + hole.length, at + hole.length + 3));
    return before && after ? `"${HOLE.repeat(hole.length - 2)}"` : HOLE.repeat(hole.length);
  });
  return found ? blanked : undefined;
}

/** A string that holds a blanked hole: known up to the hole, unknown from there on. */
export function holeValue(text: string, span: Span): Value | undefined {
  const at = text.indexOf(HOLE);
  if (at === -1) return undefined;
  return at === 0 ? { kind: 'unknown', reason: 'template hole', span } : { kind: 'partial', prefix: text.slice(0, at), span };
}

/** A key as the user wrote it: `{{ name }}Client`, not its blanked text. */
export function writtenKey(file: SourceFile, key: ScalarNode, keyText: string): string {
  return keyText.includes(HOLE) ? file.text.slice(key.start, key.end).replace(/^["']|["']$/g, '') : keyText;
}
