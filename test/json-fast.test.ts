// The direct JSON parser (parseJsonFast in src/parse/json.ts) against the reference, jsonc-parser's tree:
// on every text either the fast path declines or both give the same tree (values, spans, key order) and
// the same duplicate keys; parseJson as a whole always equals the reference, errors included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseJson, parseJsonFast, parseJsonWithJsonc } from '../src/parse/json';
import { REPO_ROOT } from './golden';

function same(text: string): boolean {
  const fast = parseJsonFast(text);
  const reference = parseJsonWithJsonc(text);
  if (fast !== undefined) assert.deepStrictEqual(fast, reference, `fast JSON path differs on:\n${JSON.stringify(text)}`);
  assert.deepStrictEqual(parseJson(text), reference);
  return fast !== undefined;
}

const RUNS = Number(process.env.JSON_FAST_RUNS) || 2000;

test('fast JSON path equals jsonc-parser on generated JSON in every layout', () => {
  let accepted = 0;
  const layout = fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n ');
  fc.assert(
    fc.property(fc.jsonValue(), layout, (value, indent) => {
      if (same(JSON.stringify(value, null, indent as never))) accepted++;
    }),
    { numRuns: RUNS, seed: 3 },
  );
  assert.equal(accepted, RUNS, 'every valid JSON text takes the fast path');
});

test('fast JSON path equals jsonc-parser on objects with repeated keys and escapes', () => {
  const key = fc.constantFrom('a', 'b', 'Ref', '"q"', 'é', '\\u0041', '\\n', '\\/', '');
  const member = fc.tuple(key, fc.constantFrom('1', '"x"', 'true', 'null', '[]', '{}', '-0', '1e400', '"\\ud800"', '"\\u00e9\\t"'));
  fc.assert(fc.property(fc.array(member, { maxLength: 20 }), (members) => void same(`{${members.map(([k, v]) => `"${k}": ${v}`).join(', ')}}`)), { numRuns: RUNS, seed: 4 });
});

test('fast JSON path equals jsonc-parser on damaged and arbitrary text', () => {
  const base = '{\n "Resources": {\n  "C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"CallbackURLs": ["https://a/b", 1.5e3, -0, true, null], "X": "\\u0041\\n"}}\n }\n}\n';
  const mutated = fc
    .tuple(fc.nat(base.length), fc.nat(4), fc.constantFrom('', ',', ']', '}', '"', '\\', ':', '0', '01', '-', '.', 'e', 'tru', '/', '//x\n', '\u00a0', '\u2028', '\u0001', '\ufeff', ' ', '\t', '\r'))
    .map(([at, remove, insert]) => base.slice(0, at) + insert + base.slice(at + remove));
  fc.assert(fc.property(fc.oneof(mutated, fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', '[', '{}x', '[1,]', '{"a":1,}', '01', '1.', '-', '"\\x"', '"a\nb"', 'true1', 'nul')), (text) => void same(text)), { numRuns: RUNS, seed: 5 });
});

test('fast JSON path: deep nesting goes to jsonc-parser, with its result', () => {
  for (const depth of [10, 499, 501, 1000]) same('['.repeat(depth) + ']'.repeat(depth));
  // Deeper trees are too deep for assert's own comparison: compare the outcome. Whether jsonc-parser's
  // recursion fits in the stack at depth 5,000 depends on how deep the caller already is, so either
  // outcome is right there; it must not throw, and a failure is the depth message.
  for (const text of ['['.repeat(5000) + ']'.repeat(5000), '['.repeat(100_000)]) {
    assert.equal(parseJsonFast(text), undefined);
    const result = parseJson(text);
    if (!result.ok) assert.match(result.message, /nested too deeply|invalid JSON/);
  }
  assert.equal(parseJson('['.repeat(100_000)).ok, false);
  assert.equal(parseJsonWithJsonc('['.repeat(100_000)).ok, false);
});

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('fast JSON path equals jsonc-parser on every JSON file in examples/, test/, schemas/ and the shared corpus', () => {
  const files = [...jsonFiles(join(REPO_ROOT, 'examples')), ...jsonFiles(join(REPO_ROOT, 'test')), ...jsonFiles(join(REPO_ROOT, 'schemas')), ...jsonFiles(join(REPO_ROOT, '..', 'shared', 'corpus'))];
  assert.ok(files.length > 0);
  for (const file of files) same(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
});
