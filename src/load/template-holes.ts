// Templates of templates (cookiecutter, Jinja, Helm): a `{{ ... }}` hole is filled in before deployment,
// so its value is unknown. A file that does not parse is parsed again with each hole blanked to a plain
// scalar of the same length, so every position in the file stays where it was.
import type { Value } from '../model';
import type { SourceFile, Span } from '../source';
import type { ScalarNode, SyntaxNode } from '../parse/syntax';

/**
 * What a blanked hole is made of: a private-use character, valid in a YAML plain scalar and inside a JSON
 * string, one UTF-16 unit like every character it replaces, and never written in a real template, so a
 * string that holds it is known to hold a hole.
 */
export const HOLE = '\uE000';

/** A hole on one line; `{{resolve:...}}` is CloudFormation's own dynamic reference, not a hole. */
const HOLE_PATTERN = /\{\{(?!resolve:)[^\n]*?\}\}/g;

/** After a hole that stands alone: spaces, then a separator or the line's end. */
const ALONE_AFTER = /[ \t]*([,\]}]|\r?\n|$)/y;

/**
 * The text with every `{{ ... }}` blanked, or undefined when it has none. A hole that stands alone as a
 * value (after `:`, `[`, `{`, `,`, a list's `-` or a line start, before `,`, `]`, `}` or the line end)
 * becomes a quoted string, which JSON needs for a bare value and YAML reads the same; a hole inside a
 * string or next to other text is blanked without quotes, which would end the string it sits in.
 */
export function blankTemplateHoles(text: string): string | undefined {
  if (!text.includes('{{')) return undefined;
  let found = false;
  const blanked = text.replace(HOLE_PATTERN, (hole: string, at: number) => {
    found = true;
    ALONE_AFTER.lastIndex = at + hole.length;
    return standsAloneAfter(text, at) && ALONE_AFTER.test(text) ? `"${HOLE.repeat(hole.length - 2)}"` : HOLE.repeat(hole.length);
  });
  return found ? blanked : undefined;
}

/** Whether only spaces separate `at` from a line start or a separator before it (scanned back: minified JSON has long lines). */
function standsAloneAfter(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n' || ':[{,'.includes(text[i]!)) return true;
  return text[i] === '-' && (i === 0 || /\s/.test(text[i - 1]!));
}

/** A blanked hole, or one still written in a string of a file that parsed as it is (`- https://{{ d }}/cb`). */
const HOLE_IN_STRING = new RegExp(`${HOLE}|${HOLE_PATTERN.source}`);

/** A string that holds a hole: known up to the hole, unknown from there on. */
export function holeValue(text: string, span: Span): Value | undefined {
  // Most strings have neither: two plain searches before the pattern.
  if (!text.includes('{{') && !text.includes(HOLE)) return undefined;
  const at = text.search(HOLE_IN_STRING);
  if (at === -1) return undefined;
  return at === 0 ? { kind: 'unknown', reason: 'template hole', span } : { kind: 'partial', prefix: text.slice(0, at), span };
}

/** A whole value that is one hole: `{{ pool_id }}`, which YAML reads as a flow mapping holding a flow mapping. */
const WHOLE_HOLE = /^\{\{(?!resolve:)[^\n]*\}\}$/;

/** A hole written where a YAML value stands (`UserPoolId: {{ pool_id }}`, `- {{ url }}`): unknown, as any hole. */
export function holeMapping(file: SourceFile, node: SyntaxNode, span: Span): Value | undefined {
  if (node.type !== 'mapping' || file.text.charCodeAt(node.start) !== 0x7b || file.text.charCodeAt(node.start + 1) !== 0x7b) return undefined;
  return WHOLE_HOLE.test(file.text.slice(node.start, node.end)) ? { kind: 'unknown', reason: 'template hole', span } : undefined;
}

/** A key as the user wrote it: `{{ name }}Client`, not its blanked text. */
export function writtenKey(file: SourceFile, key: ScalarNode, keyText: string): string {
  return keyText.includes(HOLE) ? file.text.slice(key.start, key.end).replace(/^["']|["']$/g, '') : keyText;
}
