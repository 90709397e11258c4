// HCL (Terraform) with positions, via tree-sitter: the tree-sitter-hcl grammar's Terraform dialect,
// compiled to WebAssembly (vendored in vendor/tree-sitter-hcl/ from the npm package
// @tree-sitter-grammars/tree-sitter-hcl, see its README), run by web-tree-sitter. No native build,
// no install script, nothing downloaded.
//
// The WebAssembly runtime starts asynchronously, so it is loaded once, on demand, by `loadHclParser()`
// (src/formats/index.ts `parserStartFor` calls it before the first Terraform file a run loads); parsing itself is synchronous.
// A run without Terraform never loads it.
//
// Offsets are UTF-16 code units, as SourceFile positions are: web-tree-sitter reads a JavaScript string
// as UTF-16 and reports indices in code units (tested with non-ASCII and astral characters).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Parser as TsParser, Tree, TreeCursor } from 'web-tree-sitter';
import { COMMENT_MARKER, type CommentRange } from './syntax';

export interface HclRange {
  start: number;
  end: number;
}

export interface HclBody extends HclRange {
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclAttribute extends HclRange {
  name: string;
  nameRange: HclRange;
  expr: HclExpr;
}

export interface HclLabel extends HclRange {
  value: string;
}

export interface HclBlock extends HclRange {
  type: string;
  typeRange: HclRange;
  labels: HclLabel[];
  body: HclBody;
}

export type HclStep =
  | ({ kind: 'attr'; name: string } & HclRange)
  | ({ kind: 'index'; key: HclExpr } & HclRange)
  /** `[*]` or `.*`, with the attribute and index steps the grammar nests in it (applied to each item). */
  | ({ kind: 'splat'; steps: HclStep[] } & HclRange);

export type HclTemplatePart = ({ kind: 'text'; value: string } & HclRange) | ({ kind: 'interpolation'; expr: HclExpr } & HclRange) | ({ kind: 'directive' } & HclRange);

export interface HclObjectItem extends HclRange {
  key: HclExpr;
  value: HclExpr;
}

export type HclExpr =
  /** A number, `true`/`false`, `null`, or a string without interpolation. */
  | ({ kind: 'literal'; value: string | number | boolean | null } & HclRange)
  /** A quoted string or heredoc with `${...}` interpolations or `%{...}` directives. */
  | ({ kind: 'template'; parts: HclTemplatePart[]; heredoc: boolean } & HclRange)
  | ({ kind: 'tuple'; items: HclExpr[] } & HclRange)
  | ({ kind: 'object'; items: HclObjectItem[] } & HclRange)
  /** A name with attribute/index steps: `var.x`, `local.y[0]`, `each.value.z`, `aws_x.y.id`. */
  | ({ kind: 'traversal'; root: string; rootRange: HclRange; steps: HclStep[] } & HclRange)
  /** Steps applied to anything else: `f(x)[0]`, `(a).b`, `{a = 1}.a`. */
  | ({ kind: 'postfix'; target: HclExpr; steps: HclStep[] } & HclRange)
  | ({ kind: 'call'; name: string; args: HclExpr[]; expandLast: boolean } & HclRange)
  | ({ kind: 'for'; object: boolean; keyVar: string | undefined; valueVar: string; collection: HclExpr; keyExpr: HclExpr | undefined; valueExpr: HclExpr; condition: HclExpr | undefined; grouping: boolean } & HclRange)
  | ({ kind: 'conditional'; condition: HclExpr; then: HclExpr; otherwise: HclExpr } & HclRange)
  | ({ kind: 'unary'; op: string; operand: HclExpr } & HclRange)
  | ({ kind: 'binary'; op: string; left: HclExpr; right: HclExpr } & HclRange)
  | ({ kind: 'parens'; inner: HclExpr } & HclRange)
  /** Anything the grammar produced that this module does not model. */
  | ({ kind: 'other'; text: string } & HclRange);

type HclSyntax = { ok: true; body: HclBody } | { ok: false; message: string; start: number; end: number };
/** The body or the first error, and the comments that contain COMMENT_MARKER (./syntax), in text order, in both cases. */
export type HclParseResult = HclSyntax & { comments: CommentRange[] };

/** Which top-level blocks to convert (type and labels); the others are skipped without being walked. */
export type BlockFilter = (type: string, labels: readonly string[]) => boolean;

let parser: TsParser | undefined;
let loading: Promise<void> | undefined;
/** Defined as true by the bundle's build (scripts/bundle.js), whose .wasm files lie beside it. */
declare const COGNITO_LINT_BUNDLE: boolean | undefined;
/** The vendored grammar: beside the bundle, or from dist/src/parse/ in vendor/ (the package root is three levels up). */
const GRAMMAR =
  typeof COGNITO_LINT_BUNDLE === 'boolean' && COGNITO_LINT_BUNDLE
    ? join(__dirname, 'tree-sitter-terraform.wasm')
    : join(__dirname, '..', '..', '..', 'vendor', 'tree-sitter-hcl', 'tree-sitter-terraform.wasm');

/** Node type names and named-ness by type id, read once: one call into WebAssembly per node instead of two. */
let typeNames: string[] = [];
let namedTypes: boolean[] = [];

/** Loads the WebAssembly runtime and the grammar, once per process. */
export function loadHclParser(): Promise<void> {
  loading ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(readFileSync(GRAMMAR));
    const instance = new Parser();
    instance.setLanguage(language);
    typeNames = Array.from({ length: language.nodeTypeCount }, (_, id) => language.nodeTypeForId(id) ?? 'ERROR');
    namedTypes = Array.from({ length: language.nodeTypeCount }, (_, id) => language.nodeTypeIsNamed(id));
    parser = instance;
  })();
  return loading;
}

export function isHclParserLoaded(): boolean {
  return parser !== undefined;
}

/** Parses HCL text; `wanted` limits which top-level blocks are converted (all by default). */
export function parseHcl(text: string, wanted?: BlockFilter): HclParseResult {
  if (!parser) throw new Error('the HCL parser is not loaded: await loadHclParser() (or prepareParsers) first');
  const tree = parser.parse(text);
  if (!tree) return { ok: false, message: 'invalid HCL: the parser gave up', start: 0, end: Math.min(1, text.length), comments: [] };
  try {
    const comments = markedComments(tree, text);
    if (tree.rootNode.hasError) return { ...firstError(tree, text), comments };
    return { ...new Converter(text).file(tree, wanted), comments };
  } finally {
    tree.delete();
  }
}

/**
 * The comment nodes (`#`, `//`, block) that contain the marker, found from the marker's occurrences in
 * the text rather than by walking the tree: one lookup per occurrence, none in a file without one. An
 * occurrence inside a string or heredoc lies in a template node, not a comment.
 */
function markedComments(tree: Tree, text: string): CommentRange[] {
  const comments: CommentRange[] = [];
  const root = tree.rootNode;
  for (let at = text.indexOf(COMMENT_MARKER); at >= 0; at = text.indexOf(COMMENT_MARKER, at + 1)) {
    const node = root.descendantForIndex(at, at + COMMENT_MARKER.length);
    if (node?.type !== 'comment') continue;
    comments.push({ start: node.startIndex, end: node.endIndex });
    at = node.endIndex - 1;
  }
  return comments;
}

// ---- Syntax errors ------------------------------------------------------------------------------

const MISSING_NAMES: Record<string, string> = {
  quoted_template_end: '"',
  block_end: '}',
  object_end: '}',
  tuple_end: ']',
  template_interpolation_end: '}',
  template_directive_end: '}',
  heredoc_identifier: 'the heredoc end marker',
  identifier: 'a name or value',
};
/** For a missing closer: the construct it closes, and that construct's opening token. */
const OPENERS: Record<string, string> = { block: 'block_start', object: 'object_start', tuple: 'tuple_start', for_tuple_expr: 'tuple_start', for_object_expr: 'object_start', function_call: '(', template_interpolation: 'template_interpolation_start' };
const CLOSERS = new Set(['}', ']', ')', 'block_end', 'object_end', 'tuple_end', 'template_interpolation_end']);

/** The first ERROR or MISSING node in document order, as a message and a range. */
function firstError(tree: Tree, text: string): HclSyntax {
  const cursor = tree.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (cursor.nodeIsMissing) {
        const what = MISSING_NAMES[cursor.nodeType] ?? `"${cursor.nodeType}"`;
        const parent = node.parent;
        if (cursor.nodeType === 'quoted_template_end' && parent) {
          return { ok: false, message: `invalid HCL: unterminated string, missing the closing "`, start: parent.startIndex, end: parent.startIndex + 1 };
        }
        // An unclosed bracket is reported where it opens: the end of the file says nothing.
        if (CLOSERS.has(cursor.nodeType)) {
          for (let ancestor = parent; ancestor; ancestor = ancestor.parent) {
            const opener = OPENERS[ancestor.type];
            if (!opener) continue;
            const open = ancestor.children.find((child) => child?.type === opener) ?? ancestor;
            const token = text.slice(open.startIndex, open.endIndex);
            return { ok: false, message: `invalid HCL: "${token}" is not closed (missing ${what})`, start: open.startIndex, end: open.endIndex };
          }
        }
        const at = node.startIndex;
        return { ok: false, message: `invalid HCL: missing ${what}`, start: at, end: Math.min(at + 1, Math.max(at, text.length)) };
      }
      if (cursor.nodeType === 'ERROR') {
        const start = cursor.startIndex;
        const lineEnd = text.indexOf('\n', start);
        const end = Math.max(start + 1, Math.min(cursor.endIndex, lineEnd === -1 ? text.length : lineEnd));
        const shown = text.slice(start, end).trim();
        return { ok: false, message: `invalid HCL: unexpected ${shown ? `"${shown.length > 40 ? shown.slice(0, 40) + '...' : shown}"` : 'end of file'}`, start, end: Math.min(end, text.length) };
      }
      // Descend only where an error is.
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return { ok: false, message: 'invalid HCL', start: 0, end: Math.min(1, text.length) };
      }
    }
  } finally {
    cursor.delete();
  }
}

// ---- Conversion -----------------------------------------------------------------------------------

/** A syntax node copied out of WebAssembly memory: tree-sitter's tree is freed after conversion. */
interface Raw extends HclRange {
  type: string;
  named: boolean;
  children: Raw[];
}

const BINARY_OPERATORS = new Set(['==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '&&', '||']);
const POSTFIX = new Set(['get_attr', 'index', 'splat']);
/** Nesting beyond this is kept as text (`other`): conversion and folding recurse per level. */
const MAX_DEPTH = 256;

class Converter {
  constructor(private readonly text: string) {}

  file(tree: Tree, wanted: BlockFilter | undefined): HclSyntax {
    const cursor = tree.walk();
    try {
      const body: HclBody = { attributes: [], blocks: [], start: 0, end: this.text.length };
      // config_file > body > (attribute | block)*
      if (!cursor.gotoFirstChild()) return { ok: true, body };
      do {
        if (cursor.nodeType !== 'body') continue;
        body.start = cursor.startIndex;
        body.end = cursor.endIndex;
        if (!cursor.gotoFirstChild()) break;
        do {
          const type: string = cursor.nodeType;
          if (type === 'block') {
            if (wanted && !this.blockWanted(cursor, wanted)) continue;
            body.blocks.push(this.block(copySubtree(cursor)));
          } else if (type === 'attribute') {
            body.attributes.push(this.attribute(copySubtree(cursor)));
          }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      } while (cursor.gotoNextSibling());
      return { ok: true, body };
    } finally {
      cursor.delete();
    }
  }

  /** Reads a block's type and labels without walking its body. */
  private blockWanted(cursor: TreeCursor, wanted: BlockFilter): boolean {
    const labels: string[] = [];
    let type = '';
    cursor.gotoFirstChild();
    do {
      const nodeType = cursor.nodeType;
      if (nodeType === 'identifier' && type === '') type = this.text.slice(cursor.startIndex, cursor.endIndex);
      else if (nodeType === 'string_lit') labels.push(unquote(this.text.slice(cursor.startIndex, cursor.endIndex)));
      else if (nodeType === 'identifier') labels.push(this.text.slice(cursor.startIndex, cursor.endIndex));
      else if (nodeType === 'block_start') break;
    } while (cursor.gotoNextSibling());
    cursor.gotoParent();
    return wanted(type, labels);
  }

  private slice(node: HclRange): string {
    return this.text.slice(node.start, node.end);
  }

  private body(node: Raw | undefined, fallback: HclRange): HclBody {
    const body: HclBody = { attributes: [], blocks: [], start: node?.start ?? fallback.start, end: node?.end ?? fallback.end };
    for (const child of node?.children ?? []) {
      if (child.type === 'attribute') body.attributes.push(this.attribute(child));
      else if (child.type === 'block') body.blocks.push(this.block(child));
    }
    return body;
  }

  private attribute(node: Raw): HclAttribute {
    const name = node.children.find((c) => c.type === 'identifier')!;
    const expr = node.children.find((c) => c.type === 'expression');
    return {
      name: this.slice(name),
      nameRange: range(name),
      expr: expr ? this.expression(expr, 0) : { kind: 'other', text: '', start: node.end, end: node.end },
      start: node.start,
      end: node.end,
    };
  }

  private block(node: Raw): HclBlock {
    let type: Raw | undefined;
    const labels: HclLabel[] = [];
    let body: Raw | undefined;
    let open: Raw | undefined;
    for (const child of node.children) {
      if (child.type === 'identifier' && !type) type = child;
      else if (child.type === 'identifier' && !open) labels.push({ value: this.slice(child), ...range(child) });
      else if (child.type === 'string_lit' && !open) labels.push({ value: this.stringLiteral(child), ...range(child) });
      else if (child.type === 'block_start') open = child;
      else if (child.type === 'body') body = child;
    }
    const fallback = open ? { start: open.end, end: open.end } : { start: node.end, end: node.end };
    return { type: type ? this.slice(type) : '', typeRange: type ? range(type) : range(node), labels, body: this.body(body, fallback), start: node.start, end: node.end };
  }

  /** `expression`: a term (or a parenthesized expression) followed by attribute, index and splat steps. */
  private expression(node: Raw, depth: number): HclExpr {
    if (depth > MAX_DEPTH) return { kind: 'other', text: this.slice(node), ...range(node) };
    const children = node.children;
    if (children[0]?.type === '(') {
      const innerNode = children.find((c) => c.type === 'expression');
      const inner: HclExpr = innerNode ? { kind: 'parens', inner: this.expression(innerNode, depth + 1), start: children[0].start, end: children.find((c) => c.type === ')')?.end ?? node.end } : this.other(node);
      const steps = children.filter((c) => POSTFIX.has(c.type));
      return this.withSteps(inner, steps, depth, node);
    }
    return this.sequence(children.filter((c) => c.named), depth, node);
  }

  /** A term followed by steps, as the grammar flattens them inside `expression` and operations. */
  private sequence(nodes: Raw[], depth: number, whole: HclRange): HclExpr {
    const [first, ...rest] = nodes;
    if (!first) return { kind: 'other', text: this.text.slice(whole.start, whole.end), start: whole.start, end: whole.end };
    const steps = rest.filter((c) => POSTFIX.has(c.type));
    if (first.type === 'variable_expr') {
      const name = first.children.find((c) => c.type === 'identifier') ?? first;
      const converted = steps.map((step) => this.step(step, depth));
      const end = steps.length > 0 ? steps[steps.length - 1]!.end : first.end;
      return { kind: 'traversal', root: this.slice(name), rootRange: range(name), steps: converted, start: first.start, end };
    }
    return this.withSteps(this.term(first, depth), steps, depth, whole);
  }

  private withSteps(target: HclExpr, steps: Raw[], depth: number, whole: HclRange): HclExpr {
    if (steps.length === 0) return target;
    return { kind: 'postfix', target, steps: steps.map((step) => this.step(step, depth)), start: target.start, end: Math.max(whole.end, steps[steps.length - 1]!.end) };
  }

  private step(node: Raw, depth: number): HclStep {
    if (node.type === 'get_attr') {
      const name = node.children.find((c) => c.type === 'identifier');
      return { kind: 'attr', name: name ? this.slice(name) : '', ...range(node) };
    }
    if (node.type === 'index') {
      const inner = node.children[0];
      if (inner?.type === 'new_index') {
        const key = inner.children.find((c) => c.type === 'expression');
        return { kind: 'index', key: key ? this.expression(key, depth + 1) : this.other(inner), ...range(node) };
      }
      // Legacy `.0` index.
      const digits = this.slice(node).replace(/^\./, '');
      return { kind: 'index', key: { kind: 'literal', value: Number(digits), start: node.start + 1, end: node.end }, ...range(node) };
    }
    // splat > full_splat|attr_splat > get_attr|index...
    const inner = node.children.find((c) => c.type === 'full_splat' || c.type === 'attr_splat') ?? node;
    return { kind: 'splat', steps: inner.children.filter((c) => c.type === 'get_attr' || c.type === 'index').map((c) => this.step(c, depth + 1)), ...range(node) };
  }

  private term(node: Raw, depth: number): HclExpr {
    if (depth > MAX_DEPTH) return this.other(node);
    switch (node.type) {
      case 'expression':
        return this.expression(node, depth + 1);
      case 'literal_value':
        return this.literal(node);
      case 'collection_value':
        return this.collection(node.children[0] ?? node, depth);
      case 'template_expr':
        return this.template(node.children[0] ?? node, depth);
      case 'function_call':
        return this.call(node, depth);
      case 'for_expr':
        return this.forExpr(node.children[0] ?? node, depth);
      case 'conditional': {
        const [condition, then, otherwise] = node.children.filter((c) => c.type === 'expression');
        if (!condition || !then || !otherwise) return this.other(node);
        return { kind: 'conditional', condition: this.expression(condition, depth + 1), then: this.expression(then, depth + 1), otherwise: this.expression(otherwise, depth + 1), ...range(node) };
      }
      case 'operation':
        return this.operation(node.children[0] ?? node, depth);
      default:
        return this.other(node);
    }
  }

  private literal(node: Raw): HclExpr {
    const inner = node.children[0] ?? node;
    const text = this.slice(inner);
    switch (inner.type) {
      case 'numeric_lit':
        return { kind: 'literal', value: Number(text), ...range(node) };
      case 'bool_lit':
        return { kind: 'literal', value: text.trim() === 'true', ...range(node) };
      case 'null_lit':
        return { kind: 'literal', value: null, ...range(node) };
      case 'string_lit':
        return { kind: 'literal', value: this.stringLiteral(inner), ...range(node) };
      default:
        return this.other(node);
    }
  }

  /** A quoted string without interpolation (its children are not copied): the text between the quotes, escapes resolved. */
  private stringLiteral(node: Raw): string {
    return unquote(this.slice(node));
  }

  private collection(node: Raw, depth: number): HclExpr {
    if (node.type === 'tuple') {
      return { kind: 'tuple', items: node.children.filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1)), ...range(node) };
    }
    if (node.type === 'object') {
      const items: HclObjectItem[] = [];
      for (const elem of node.children) {
        if (elem.type !== 'object_elem') continue;
        const [key, value] = elem.children.filter((c) => c.type === 'expression');
        if (!key || !value) continue;
        items.push({ key: this.expression(key, depth + 1), value: this.expression(value, depth + 1), ...range(elem) });
      }
      return { kind: 'object', items, ...range(node) };
    }
    return this.other(node);
  }

  private template(node: Raw, depth: number): HclExpr {
    const heredoc = node.type === 'heredoc_template';
    const parts: HclTemplatePart[] = [];
    // Literal text is what lies between the delimiters and the interpolations: tree-sitter's
    // template_literal nodes leave out surrounding blanks.
    let textStart: number;
    let textEnd: number;
    let strip = false;
    if (heredoc) {
      const marker = node.children.find((c) => c.type === 'heredoc_identifier');
      const closing = [...node.children].reverse().find((c) => c.type === 'heredoc_identifier');
      strip = this.slice(node).startsWith('<<-');
      const lineEnd = this.text.indexOf('\n', marker?.end ?? node.start);
      textStart = lineEnd === -1 ? node.end : lineEnd + 1;
      // The closing marker's line (its indentation included) is not content.
      const closingLineStart = closing && closing !== marker ? this.text.lastIndexOf('\n', closing.start - 1) + 1 : node.end;
      textEnd = Math.max(textStart, closingLineStart);
    } else {
      textStart = node.children.find((c) => c.type === 'quoted_template_start')?.end ?? node.start;
      textEnd = node.children.find((c) => c.type === 'quoted_template_end')?.start ?? node.end;
    }
    let cursor = textStart;
    const pushText = (end: number): void => {
      if (end <= cursor) return;
      const raw = this.text.slice(cursor, end);
      parts.push({ kind: 'text', value: heredoc ? raw.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{') : unescapeQuoted(raw), start: cursor, end });
    };
    for (const child of node.children) {
      if (child.type !== 'template_interpolation' && child.type !== 'template_directive') continue;
      pushText(child.start);
      if (child.type === 'template_interpolation') {
        const expr = child.children.find((c) => c.type === 'expression');
        parts.push({ kind: 'interpolation', expr: expr ? this.expression(expr, depth + 1) : this.other(child), ...range(child) });
      } else {
        parts.push({ kind: 'directive', ...range(child) });
      }
      cursor = child.end;
    }
    pushText(textEnd);
    if (heredoc && strip) stripIndentation(parts);
    if (parts.every((part) => part.kind === 'text')) {
      const value = parts.map((part) => (part as { value: string }).value).join('');
      return { kind: 'literal', value, ...range(node) };
    }
    return { kind: 'template', parts, heredoc, ...range(node) };
  }

  private call(node: Raw, depth: number): HclExpr {
    const name = node.children.find((c) => c.type === 'identifier');
    const argsNode = node.children.find((c) => c.type === 'function_arguments');
    const args = (argsNode?.children ?? []).filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1));
    const expandLast = (argsNode?.children ?? []).some((c) => c.type === 'ellipsis');
    return { kind: 'call', name: name ? this.slice(name) : '', args, expandLast, ...range(node) };
  }

  private forExpr(node: Raw, depth: number): HclExpr {
    const intro = node.children.find((c) => c.type === 'for_intro');
    if (!intro) return this.other(node);
    const names = intro.children.filter((c) => c.type === 'identifier').map((c) => this.slice(c));
    const collectionNode = intro.children.find((c) => c.type === 'expression');
    const bodies = node.children.filter((c) => c.type === 'expression');
    const conditionNode = node.children.find((c) => c.type === 'for_cond')?.children.find((c) => c.type === 'expression');
    const object = node.type === 'for_object_expr';
    if (!collectionNode || names.length === 0 || bodies.length < (object ? 2 : 1)) return this.other(node);
    const [keyVar, valueVar] = names.length === 2 ? [names[0], names[1]!] : [undefined, names[0]!];
    return {
      kind: 'for',
      object,
      keyVar,
      valueVar,
      collection: this.expression(collectionNode, depth + 1),
      keyExpr: object ? this.expression(bodies[0]!, depth + 1) : undefined,
      valueExpr: this.expression(bodies[object ? 1 : 0]!, depth + 1),
      condition: conditionNode ? this.expression(conditionNode, depth + 1) : undefined,
      grouping: node.children.some((c) => c.type === 'ellipsis'),
      ...range(node),
    };
  }

  private operation(node: Raw, depth: number): HclExpr {
    if (node.type === 'unary_operation') {
      const op = node.children[0];
      const operand = this.sequence(node.children.filter((c) => c.named), depth + 1, { start: op?.end ?? node.start, end: node.end });
      return { kind: 'unary', op: op && !op.named ? this.slice(op) : '', operand, ...range(node) };
    }
    if (node.type === 'binary_operation') {
      const opIndex = node.children.findIndex((c) => !c.named && BINARY_OPERATORS.has(c.type));
      if (opIndex <= 0) return this.other(node);
      const op = node.children[opIndex]!;
      const left = this.sequence(node.children.slice(0, opIndex).filter((c) => c.named), depth + 1, { start: node.start, end: op.start });
      const right = this.sequence(node.children.slice(opIndex + 1).filter((c) => c.named), depth + 1, { start: op.end, end: node.end });
      return { kind: 'binary', op: op.type, left, right, ...range(node) };
    }
    return this.other(node);
  }

  private other(node: HclRange): HclExpr {
    return { kind: 'other', text: this.slice(node), start: node.start, end: node.end };
  }
}

function range(node: HclRange): HclRange {
  return { start: node.start, end: node.end };
}

/**
 * Nodes whose children conversion never reads (their text says it all): not descending into them saves
 * most of the calls into WebAssembly, which dominate conversion time.
 */
const OPAQUE = new Set(['string_lit', 'numeric_lit', 'bool_lit', 'null_lit', 'identifier', 'template_literal', 'heredoc_identifier', 'comment', 'block_start', 'block_end', 'tuple_start', 'tuple_end', 'object_start', 'object_end', 'legacy_index']);

/** Copies the node under the cursor and its subtree into plain objects; the cursor ends where it started. */
function copySubtree(cursor: TreeCursor): Raw {
  const root: Raw = { type: cursor.nodeType, named: cursor.nodeIsNamed, start: cursor.startIndex, end: cursor.endIndex, children: [] };
  const stack: Raw[] = [root];
  if (!cursor.gotoFirstChild()) return root;
  for (;;) {
    const id = cursor.nodeTypeId;
    const type = typeNames[id] ?? 'ERROR';
    const named = namedTypes[id] ?? true;
    const node: Raw = { type, named, start: cursor.startIndex, end: cursor.endIndex, children: [] };
    stack[stack.length - 1]!.children.push(node);
    // Anonymous nodes are tokens: they have no children.
    if (named && !OPAQUE.has(type) && cursor.gotoFirstChild()) {
      stack.push(node);
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      cursor.gotoParent();
      stack.pop();
      if (stack.length === 0) return root;
    }
  }
}

/** `"..."` as written (a block label) to its value. */
function unquote(text: string): string {
  return unescapeQuoted(text.replace(/^"/, '').replace(/"$/, ''));
}

/** HCL quoted-string escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN, and $${ / %%{ for literal ${ / %{. */
export function unescapeQuoted(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/gs, (match, escape: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    switch (escape![0]) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
      case 'U': {
        const code = parseInt(escape!.slice(1), 16);
        return code <= 0x10ffff ? String.fromCodePoint(code) : match;
      }
      default:
        return escape!;
    }
  });
}

/** `<<-` heredocs: the smallest indentation of the content lines is removed from every line. */
function stripIndentation(parts: HclTemplatePart[]): void {
  const content = parts.map((part) => (part.kind === 'text' ? part.value : '\u0000')).join('');
  const lines = content.split('\n').filter((line) => line.trim() !== '');
  const indent = Math.min(...lines.map((line) => /^[ \t]*/.exec(line)![0].length));
  if (!Number.isFinite(indent) || indent === 0) return;
  let atLineStart = true;
  for (const part of parts) {
    if (part.kind !== 'text') {
      atLineStart = false;
      continue;
    }
    part.value = part.value
      .split('\n')
      .map((line, index) => ((index > 0 || atLineStart) ? line.replace(new RegExp(`^[ \\t]{0,${indent}}`), '') : line))
      .join('\n');
    atLineStart = part.value.endsWith('\n');
  }
}
