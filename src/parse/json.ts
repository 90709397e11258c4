// JSON with positions, in strict mode: comments and trailing commas are errors, as they are for
// CloudFormation and the AWS CLI. Valid JSON goes through a small direct parser (parseJsonFast), several
// times faster than building jsonc-parser's tree and converting it; anything it does not accept (every
// invalid text, and absurd nesting) goes through jsonc-parser (the parser behind VS Code and Spectral),
// loaded only then, which reports the error. Both give the same tree for valid JSON
// (test/json-fast.test.ts compares them).
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { collectDuplicateKeys, findDuplicateKeys, type ParseResult, type SyntaxDuplicate, type SyntaxNode, type PairNode, type ScalarNode } from './syntax';

export function parseJson(text: string): ParseResult {
  return parseJsonFast(text) ?? parseJsonWithJsonc(text);
}

/** The reference path: jsonc-parser's tree, converted. Exported for the differential tests. */
export function parseJsonWithJsonc(text: string): ParseResult {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseTree, printParseErrorCode } = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: ParseError[] = [];
  let tree: JsonNode | undefined;
  try {
    tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  } catch (error) {
    // jsonc-parser recurses per nesting level: absurd depth ends here, not in a crash.
    if (error instanceof RangeError) return { ok: false, message: 'JSON nested too deeply to process', start: 0, end: 1, nesting: true };
    throw error;
  }
  const first = errors[0];
  if (first) {
    return { ok: false, message: describeJsonError(printParseErrorCode(first.error)), start: first.offset, end: first.offset + Math.max(first.length, 1) };
  }
  const root = tree ? convert(tree) : undefined;
  return { ok: true, root, duplicates: findDuplicateKeys(root) };
}

function describeJsonError(code: string): string {
  // jsonc-parser codes are PascalCase identifiers such as `CommaExpected`; spell them as words.
  return 'invalid JSON: ' + code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function convert(root: JsonNode): SyntaxNode {
  // Iterative conversion: nesting depth is input-controlled and must not overflow the stack.
  const rootOut = shell(root);
  const work: Array<[JsonNode, SyntaxNode]> = [[root, rootOut]];
  while (work.length > 0) {
    const [node, out] = work.pop()!;
    if (out.type === 'mapping') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode) continue;
        const key: ScalarNode = { type: 'scalar', value: String(keyNode.value), start: keyNode.offset, end: keyNode.offset + keyNode.length };
        const value = valueNode ? shell(valueNode) : ({ type: 'scalar', value: null, start: key.end, end: key.end } as ScalarNode);
        const pair: PairNode = { key, keyText: String(keyNode.value), value };
        out.pairs.push(pair);
        if (valueNode) work.push([valueNode, value]);
      }
    } else if (out.type === 'sequence') {
      for (const child of node.children ?? []) {
        const item = shell(child);
        out.items.push(item);
        work.push([child, item]);
      }
    }
  }
  return rootOut;
}

function shell(node: JsonNode): SyntaxNode {
  const span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object':
      return { type: 'mapping', pairs: [], ...span };
    case 'array':
      return { type: 'sequence', items: [], ...span };
    case 'string':
    case 'number':
    case 'boolean':
      return { type: 'scalar', value: node.value as string | number | boolean, ...span };
    default:
      return { type: 'scalar', value: null, ...span };
  }
}

// ---- Fast path ---------------------------------------------------------------------------------------

/** Deeper documents go to jsonc-parser, which reports them (or parses them) as it always did. */
const MAX_FAST_DEPTH = 500;

class Declined {}
const DECLINED = new Declined();
function decline(): never {
  throw DECLINED;
}

/**
 * Strict JSON (RFC 8259) to our tree, with the spans jsonc-parser gives: objects and arrays from their
 * bracket to their closing bracket, strings including their quotes. Undefined for anything that is not
 * valid JSON, so that jsonc-parser reports the error exactly as before.
 */
export function parseJsonFast(text: string): ParseResult | undefined {
  try {
    const parser = new FastJson(text);
    const root = parser.document();
    return { ok: true, root, duplicates: parser.duplicates.sort((a, b) => a.second.start - b.second.start) };
  } catch (error) {
    if (error === DECLINED || error instanceof RangeError) return undefined;
    throw error;
  }
}

class FastJson {
  readonly duplicates: SyntaxDuplicate[] = [];
  private pos = 0;
  private depth = 0;
  private readonly len: number;

  constructor(private readonly text: string) {
    this.len = text.length;
  }

  document(): SyntaxNode {
    this.skipSpace();
    if (this.pos >= this.len) decline(); // empty content is an error
    const root = this.value();
    this.skipSpace();
    if (this.pos < this.len) decline();
    return root;
  }

  private skipSpace(): void {
    const text = this.text;
    let p = this.pos;
    for (;;) {
      const c = text.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9) p++;
      else break;
    }
    this.pos = p;
  }

  private value(): SyntaxNode {
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    switch (c) {
      case 123: // {
        return this.object();
      case 91: // [
        return this.array();
      case 34: {
        // "
        const value = this.string();
        return { type: 'scalar', value, start, end: this.pos };
      }
      case 116: // t
        return this.literal('true', true);
      case 102: // f
        return this.literal('false', false);
      case 110: // n
        return this.literal('null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number();
        return decline();
    }
  }

  private literal(word: string, value: boolean | null): ScalarNode {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) decline();
    this.pos = start + word.length;
    // jsonc-parser reads `truex` as one unknown token: not ours to handle.
    const next = this.text.charCodeAt(this.pos);
    if ((next >= 97 && next <= 122) || (next >= 65 && next <= 90) || (next >= 48 && next <= 57) || next === 95) decline();
    return { type: 'scalar', value, start, end: this.pos };
  }

  private number(): ScalarNode {
    const text = this.text;
    const start = this.pos;
    let p = start;
    if (text.charCodeAt(p) === 45) p++;
    let c = text.charCodeAt(p);
    if (c === 48) p++;
    else if (c >= 49 && c <= 57) {
      do p++;
      while ((c = text.charCodeAt(p)) >= 48 && c <= 57);
    } else decline();
    if (text.charCodeAt(p) === 46) {
      p++;
      c = text.charCodeAt(p);
      if (!(c >= 48 && c <= 57)) decline();
      do p++;
      while ((c = text.charCodeAt(p)) >= 48 && c <= 57);
    }
    c = text.charCodeAt(p);
    if (c === 101 || c === 69) {
      p++;
      c = text.charCodeAt(p);
      if (c === 43 || c === 45) p++;
      c = text.charCodeAt(p);
      if (!(c >= 48 && c <= 57)) decline();
      do p++;
      while ((c = text.charCodeAt(p)) >= 48 && c <= 57);
    }
    // A digit or letter right after the number (`01`, `1x`) is an error jsonc-parser words its own way.
    c = text.charCodeAt(p);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 95) decline();
    this.pos = p;
    return { type: 'scalar', value: Number(text.slice(start, p)), start, end: p };
  }

  /** A string at `pos` (its opening quote): returns the value, leaves `pos` after the closing quote. */
  private string(): string {
    const text = this.text;
    const start = this.pos + 1;
    let p = start;
    for (;;) {
      if (p >= this.len) decline();
      const c = text.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) return this.escapedString(start);
      if (c < 0x20) decline();
      p++;
    }
    this.pos = p + 1;
    return text.slice(start, p);
  }

  private escapedString(start: number): string {
    const text = this.text;
    let out = '';
    let chunk = start;
    let p = start;
    for (;;) {
      if (p >= this.len) decline();
      const c = text.charCodeAt(p);
      if (c === 34) break;
      if (c < 0x20) decline();
      if (c !== 92) {
        p++;
        continue;
      }
      out += text.slice(chunk, p);
      const e = text.charCodeAt(p + 1);
      switch (e) {
        case 34:
          out += '"';
          break;
        case 92:
          out += '\\';
          break;
        case 47:
          out += '/';
          break;
        case 98:
          out += '\b';
          break;
        case 102:
          out += '\f';
          break;
        case 110:
          out += '\n';
          break;
        case 114:
          out += '\r';
          break;
        case 116:
          out += '\t';
          break;
        case 117: {
          const hex = text.slice(p + 2, p + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) decline();
          out += String.fromCharCode(parseInt(hex, 16));
          p += 4;
          break;
        }
        default:
          decline();
      }
      p += 2;
      chunk = p;
    }
    out += text.slice(chunk, p);
    this.pos = p + 1;
    return out;
  }

  private object(): SyntaxNode {
    if (++this.depth > MAX_FAST_DEPTH) decline();
    const text = this.text;
    const start = this.pos;
    this.pos++;
    const pairs: PairNode[] = [];
    this.skipSpace();
    if (text.charCodeAt(this.pos) === 125) {
      this.pos++;
    } else {
      for (;;) {
        if (text.charCodeAt(this.pos) !== 34) decline();
        const keyStart = this.pos;
        const keyText = this.string();
        const key: ScalarNode = { type: 'scalar', value: keyText, start: keyStart, end: this.pos };
        this.skipSpace();
        if (text.charCodeAt(this.pos) !== 58) decline();
        this.pos++;
        this.skipSpace();
        const value = this.value();
        pairs.push({ key, keyText, value });
        this.skipSpace();
        const c = text.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
          this.skipSpace();
          continue;
        }
        if (c === 125) {
          this.pos++;
          break;
        }
        decline();
      }
    }
    this.depth--;
    if (pairs.length > 1) collectDuplicateKeys(pairs, this.duplicates);
    return { type: 'mapping', pairs, start, end: this.pos };
  }

  private array(): SyntaxNode {
    if (++this.depth > MAX_FAST_DEPTH) decline();
    const text = this.text;
    const start = this.pos;
    this.pos++;
    const items: SyntaxNode[] = [];
    this.skipSpace();
    if (text.charCodeAt(this.pos) === 93) {
      this.pos++;
    } else {
      for (;;) {
        items.push(this.value());
        this.skipSpace();
        const c = text.charCodeAt(this.pos);
        if (c === 44) {
          this.pos++;
          this.skipSpace();
          continue;
        }
        if (c === 93) {
          this.pos++;
          break;
        }
        decline();
      }
    }
    this.depth--;
    return { type: 'sequence', items, start, end: this.pos };
  }
}
