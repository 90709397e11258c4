// Terraform's JSON syntax (`*.tf.json`, `*.tofu.json`, CDK for Terraform's `cdk.tf.json`) to the same
// HclBody the HCL parser produces, so that one Terraform loader reads both. Following Terraform's JSON
// configuration syntax:
//   { "resource": { "<type>": { "<name>": { ... } } }, "variable": { "<name>": { ... } },
//     "module": { "<name>": { ... } }, "locals": { ... } }
// A block body is an object (or a list of objects, one block each); inside a resource, the nested
// blocks the loader reads (token_validity_units, refresh_token_rotation, ..., `dynamic`) are objects.
// A string is a template: `"http://${var.host}/cb"` is parsed as the HCL template it spells (its
// offsets are the JSON string's own), and `"${var.x}"` alone is the expression `var.x`, as in Terraform.
// A variable's `default` is a literal value: no interpolation there. Keys named "//" are comments.
import { parseJson } from './json';
import { parseHcl, type BlockFilter, type HclAttribute, type HclBlock, type HclBody, type HclExpr, type HclParseResult, type HclRange } from './hcl';
import type { MappingNode, SyntaxNode } from './syntax';

/** Block types whose first level of keys are labels (`resource` and `data` have two). */
const LABELS: Record<string, number> = { resource: 2, data: 2, variable: 1, module: 1, output: 1, provider: 0, locals: 0 };

/** Nested blocks of a resource body (the others are arguments). */
const NESTED_BLOCKS = new Set(['token_validity_units', 'analytics_configuration', 'refresh_token_rotation', 'lifecycle', 'timeouts', 'content']);

export function parseTerraformJson(text: string, wanted?: BlockFilter): HclParseResult {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ...parsed, comments: [] };
  const root = parsed.root;
  const body: HclBody = { attributes: [], blocks: [], start: 0, end: text.length };
  if (root?.type !== 'mapping') return { ok: true, body, comments: [] };
  const converter = new Converter(text);
  for (const pair of root.pairs) {
    const depth = LABELS[pair.keyText];
    if (depth === undefined) continue;
    body.blocks.push(...converter.blocks(pair.keyText, range(pair.key), pair.value, depth, [], wanted));
  }
  return { ok: true, body, comments: [] };
}

class Converter {
  constructor(private readonly text: string) {}

  /** The blocks under a top-level key: one per label path (`resource.<type>.<name>`), and per list element. */
  blocks(type: string, typeKey: HclRange, value: SyntaxNode, depth: number, labels: HclBlock['labels'], wanted: BlockFilter | undefined): HclBlock[] {
    if (labels.length === depth) {
      if (wanted && !wanted(type, labels.map((label) => label.value))) return [];
      return this.bodies(value).map((body) => this.block(type, typeKey, labels, body, value));
    }
    if (value.type !== 'mapping') return [];
    return value.pairs
      .filter((inner) => inner.keyText !== '//')
      .flatMap((inner) => this.blocks(type, typeKey, inner.value, depth, [...labels, { value: inner.keyText, start: inner.key.start, end: inner.key.end }], wanted));
  }

  private block(type: string, typeKey: HclRange, labels: HclBlock['labels'], body: MappingNode, whole: SyntaxNode): HclBlock {
    const end = labels.length > 0 ? whole.end : body.end;
    return { type, typeRange: range(typeKey), labels, body: this.body(body, type === 'variable'), start: labels[0]?.start ?? typeKey.start, end };
  }

  /** A block body written as an object, or a list of objects (one block each). */
  private bodies(node: SyntaxNode): MappingNode[] {
    if (node.type === 'mapping') return [node];
    if (node.type === 'sequence') return node.items.filter((item): item is MappingNode => item.type === 'mapping');
    return [];
  }

  private body(node: MappingNode, literal: boolean): HclBody {
    const out: HclBody = { attributes: [], blocks: [], start: node.start, end: node.end };
    for (const pair of node.pairs) {
      if (pair.keyText === '//') continue;
      if (pair.keyText === 'dynamic' && pair.value.type === 'mapping') {
        for (const inner of pair.value.pairs) {
          for (const body of this.bodies(inner.value)) out.blocks.push({ type: 'dynamic', typeRange: range(pair.key), labels: [{ value: inner.keyText, start: inner.key.start, end: inner.key.end }], body: this.body(body, false), start: inner.key.start, end: inner.value.end });
        }
        continue;
      }
      if (NESTED_BLOCKS.has(pair.keyText) && (pair.value.type === 'mapping' || pair.value.type === 'sequence')) {
        for (const body of this.bodies(pair.value)) out.blocks.push({ type: pair.keyText, typeRange: range(pair.key), labels: [], body: this.body(body, false), start: pair.key.start, end: body.end });
        continue;
      }
      const attribute: HclAttribute = { name: pair.keyText, nameRange: range(pair.key), expr: this.expr(pair.value, literal && pair.keyText === 'default'), start: pair.key.start, end: pair.value.end };
      out.attributes.push(attribute);
    }
    return out;
  }

  private expr(node: SyntaxNode, literal: boolean): HclExpr {
    if (node.type === 'sequence') return { kind: 'tuple', items: node.items.map((item) => this.expr(item, literal)), ...range(node) };
    if (node.type === 'mapping') {
      return { kind: 'object', items: node.pairs.map((pair) => ({ key: { kind: 'literal', value: pair.keyText, ...range(pair.key) }, value: this.expr(pair.value, literal), start: pair.key.start, end: pair.value.end })), ...range(node) };
    }
    if (typeof node.value === 'string' && !literal && /[$%]\{/.test(node.value)) return this.template(node.start, node.end) ?? { kind: 'other', text: node.value, ...range(node) };
    return { kind: 'literal', value: node.value, ...range(node) };
  }

  /** A JSON string holding `${...}`: its raw text (escapes included, which HCL shares) parsed as an HCL template. */
  private template(start: number, end: number): HclExpr | undefined {
    const prefix = 'x = "';
    const parsed = parseHcl(`${prefix}${this.text.slice(start + 1, end - 1)}"\n`);
    const attribute = parsed.ok ? parsed.body.attributes[0] : undefined;
    if (!attribute) return undefined;
    const expr = shift(attribute.expr, start + 1 - prefix.length);
    // `"${var.x}"` alone is the value of var.x, not its text.
    if (expr.kind === 'template' && expr.parts.length === 1 && expr.parts[0]!.kind === 'interpolation') return expr.parts[0]!.expr;
    return expr;
  }
}

function range(node: { start: number; end: number }): HclRange {
  return { start: node.start, end: node.end };
}

/** Moves every range of a parsed expression by `delta`, from the wrapper text to the JSON file. */
function shift<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => shift(item, delta)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = (key === 'start' || key === 'end') && typeof inner === 'number' ? inner + delta : shift(inner, delta);
  }
  return out as T;
}
