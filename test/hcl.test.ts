// The HCL parser wrapper (tree-sitter, WebAssembly): offsets in UTF-16 code units as SourceFile uses,
// the syntax it converts, and the blocks it skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isHclParserLoaded, parseHcl, unescapeQuoted, type HclBody, type HclExpr } from '../src/parse/hcl';
import { positions } from './helpers';
import { at, client, useHclParser } from './terraform-helpers';

useHclParser();

function body(text: string): HclBody {
  const parsed = parseHcl(text);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.message);
  return parsed.body;
}

test('the parser is loaded by the before hook', () => {
  assert.equal(isHclParserLoaded(), true);
});

test('offsets are UTF-16 code units, after non-ASCII and astral characters', () => {
  const text = 'a = ["é😀é", "x"] # ü\nb = 1\n';
  const [a, b] = body(text).attributes;
  const items = (a!.expr as Extract<HclExpr, { kind: 'tuple' }>).items;
  assert.equal(items[1]!.start, text.indexOf('"x"'));
  assert.equal(items[1]!.end, text.indexOf('"x"') + 3);
  assert.equal(b!.nameRange.start, text.indexOf('b = 1'));
  // And a finding after them lands on the right column (UTF-16, as editors count).
  const rows = positions('redirect-uri-https', 'main.tf', client('callback_urls = ["https://é😀.mycompany.com/a", "http://x.mycompany.com/b"]'));
  assert.deepEqual(rows, [at('redirect-uri-https', 4, 51, 4, 77)]);
});

test('blocks, labels (quoted or bare), nested blocks and attributes', () => {
  const [resource, bare] = body('resource "aws_x" "y" {\n  a = 1\n  inner {\n    b = "c"\n  }\n}\nlocals other {\n}\n').blocks;
  assert.equal(resource!.type, 'resource');
  assert.deepEqual(
    resource!.labels.map((l) => l.value),
    ['aws_x', 'y'],
  );
  assert.deepEqual(
    resource!.body.attributes.map((a) => a.name),
    ['a'],
  );
  assert.equal(resource!.body.blocks[0]!.type, 'inner');
  assert.deepEqual(
    bare!.labels.map((l) => l.value),
    ['other'],
  );
});

test('expressions: templates, traversals with steps, calls, for, conditionals, operators', () => {
  const attributes = body(
    ['t = "a${var.x}b%{ if c }d%{ endif }"', 'v = var.list[0].name', 'c = concat(a, b...)', 'f = {for k, v in m : k => v if v != null}', 'q = a ? b : c', 'o = !(1 + 2 == 3)', 'p = (x).y', 'l = a.0', 's = a[*].b'].join('\n'),
  ).attributes;
  const kinds = attributes.map((a) => a.expr.kind);
  assert.deepEqual(kinds, ['template', 'traversal', 'call', 'for', 'conditional', 'unary', 'postfix', 'traversal', 'traversal']);
  const template = attributes[0]!.expr as Extract<HclExpr, { kind: 'template' }>;
  assert.deepEqual(
    template.parts.map((p) => p.kind),
    ['text', 'interpolation', 'text', 'directive'],
  );
  const traversal = attributes[1]!.expr as Extract<HclExpr, { kind: 'traversal' }>;
  assert.equal(traversal.root, 'var');
  assert.deepEqual(
    traversal.steps.map((s) => s.kind),
    ['attr', 'index', 'attr'],
  );
  assert.equal((attributes[2]!.expr as Extract<HclExpr, { kind: 'call' }>).expandLast, true);
  const forExpr = attributes[3]!.expr as Extract<HclExpr, { kind: 'for' }>;
  assert.deepEqual([forExpr.object, forExpr.keyVar, forExpr.valueVar, forExpr.condition?.kind], [true, 'k', 'v', 'binary']);
  assert.deepEqual(
    (attributes[8]!.expr as Extract<HclExpr, { kind: 'traversal' }>).steps.map((s) => s.kind),
    ['splat'],
  );
});

test('quoted-string escapes', () => {
  assert.equal(unescapeQuoted('a\\nb\\t\\"c\\\\d\\u00e9\\U0001F600$${x}%%{y}'), 'a\nb\t"c\\dé😀${x}%{y}');
});

test('a block filter skips unwanted top-level blocks without converting them', () => {
  const parsed = parseHcl('resource "aws_s3_bucket" "b" {\n  x = 1\n}\nvariable "v" {}\n', (type) => type === 'variable');
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.body.blocks.map((b) => b.type),
    ['variable'],
  );
});
