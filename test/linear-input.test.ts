// Linear in the input: YAML aliases, alias chains and merge-key chains, and suppression comments, in the
// shapes that took 3.6 s to more than 120 s (docs/design/linear-input.md). Each test checks the exact
// result and a generous bound on CPU time (5 s, for shapes that now take well under one on a loaded machine):
// the bound only catches a return of the quadratic behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { parseYaml } from '../src/parse/yaml';
import { SuppressionIndex, covers, type Suppression } from '../src/suppress';
import type { Finding } from '../src/finding';
import { closestName } from '../src/text';
import { runWithSuppressions } from './helpers';

const BOUND_MS = 5000;
const CLIENT = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: us-east-1_abc', ''].join('\n');

/** Runs `run` and checks the CPU time it took (not the wall time, which a busy machine stretches). */
function timed<T>(what: string, run: () => T): T {
  const start = process.cpuUsage();
  const result = run();
  const { user, system } = process.cpuUsage(start);
  const ms = (user + system) / 1000;
  assert.ok(ms < BOUND_MS, `${what} took ${ms.toFixed(0)} ms of CPU`);
  return result;
}

function load(text: string): ReturnType<typeof loadFile> {
  return loadFile(new SourceFile('template.yaml', text));
}

test('a flat list of 20,000 aliases (80 KB), in flow and block style: every item is the anchored value', () => {
  for (const list of [`l: [${Array(20_000).fill('*a').join(', ')}]\n`, `l:\n${'  - *a\n'.repeat(20_000)}`]) {
    const text = `a: &a https://app.acme-corp.com/cb\n${list}${CLIENT}`;
    const loaded = timed('flat aliases', () => load(text));
    assert.equal(loaded.parseError, undefined);
    assert.equal(loaded.clients.length, 1);
    const parsed = parseYaml(text);
    assert.ok(parsed.ok);
    const root = parsed.roots[0]!;
    assert.ok(root.type === 'mapping');
    const items = root.pairs[1]!.value;
    assert.ok(items.type === 'sequence');
    assert.equal(items.items.length, 20_000);
    assert.ok(items.items.every((item) => item.type === 'scalar' && item.value === 'https://app.acme-corp.com/cb' && item.start === 6));
  }
});

test('a chain x{i}: &x{i} [*x{i-1}] of 3,000 links, at the top and inside a client: the alias limit, quickly', () => {
  const links = (pad: string): string => Array.from({ length: 3000 }, (_, i) => (i === 0 ? `${pad}x0: &x0 [a]\n` : `${pad}x${i}: &x${i} [*x${i - 1}]\n`)).join('');
  for (const text of [links('') + CLIENT, CLIENT + links('      ')]) {
    const loaded = timed('alias chain', () => load(text));
    assert.equal(loaded.parseError?.message, 'YAML not processed: aliases expand to more than 100000 nodes');
  }
});

test('merge keys <<: [*x{i-1}] of 250 links (8.6 KB), at the top and in a client: << is a plain key, each link a copy', () => {
  const links = (pad: string): string => Array.from({ length: 250 }, (_, i) => (i === 0 ? `${pad}x0: &x0 {a: 1}\n` : `${pad}x${i}: &x${i}\n${pad}  <<: [*x${i - 1}]\n${pad}  k${i}: ${i}\n`)).join('');
  const top = links('') + CLIENT;
  const loaded = timed('merge-key chain', () => load(top));
  assert.equal(loaded.parseError, undefined);
  assert.equal(loaded.clients.length, 1);
  const parsed = parseYaml(top);
  assert.ok(parsed.ok && parsed.roots[0]!.type === 'mapping');
  // x249 holds its own k249 and, through 249 nested <<, x0's {a: 1}.
  let node = parsed.roots[0]!.pairs[249]!.value;
  let depth = 0;
  while (node.type === 'mapping' && node.pairs[0]!.keyText === '<<') {
    assert.equal(node.pairs[1]!.keyText, `k${249 - depth}`);
    const inner = node.pairs[0]!.value;
    assert.ok(inner.type === 'sequence');
    node = inner.items[0]!;
    depth++;
  }
  assert.equal(depth, 249);
  assert.deepEqual(node.type === 'mapping' && node.pairs.map((pair) => pair.keyText), ['a']);
  const inClient = timed('merge-key chain in a client', () => load(CLIENT + links('      ')));
  assert.equal(inClient.clients.length, 1);
  assert.equal(inClient.evaluationOverrun?.limit, 'nested more than 200 levels deep');
});

test('a 1 MB cognito-lint-disable-line comment: one unknown-rule result, the finding still reported', () => {
  const shapes: Array<[string, string, number]> = [
    ['one long id', 'a'.repeat(1 << 20), 1],
    ['the same id 260,000 times', 'a, '.repeat(1 << 18), 1],
    ['dashes', 'x' + ' -'.repeat(1 << 19), 2],
    ['block comment closers', 'x ' + '*/'.repeat(1 << 19), 2],
    ['separators after an expiry', 'x -- reason expires: 2099-01-01' + ' ;,'.repeat(1 << 18) + 'y', 1],
  ];
  for (const [name, body, unknown] of shapes) {
    const text = `${CLIENT}      PreventUserExistenceErrors: LEGACY # cognito-lint-disable-line ${body}\n`;
    const rows = timed(name, () => [...runWithSuppressions('unused-suppression', 't.yaml', text), ...runWithSuppressions('prevent-user-existence-errors', 't.yaml', text)]);
    assert.deepEqual(rows.map((row) => [row.ruleId, row.line]), [...Array(unknown).fill(['unused-suppression', 6]), ['prevent-user-existence-errors', 6]], name);
  }
});

test('closestName on a 1 MB name costs no edit distance against every candidate', () => {
  const candidates = ['no-implicit-flow', 'prevent-user-existence-errors', 'token-lifetime-policy'];
  assert.equal(timed('closestName', () => closestName('x'.repeat(1 << 20), candidates)), undefined);
  assert.equal(closestName('no-implict-flow', candidates), 'no-implicit-flow');
  assert.equal(closestName('prevent-user-existence-error', candidates), 'prevent-user-existence-errors');
});

test('property: SuppressionIndex marks and suppresses exactly what covers() says, for any suppressions and findings', () => {
  const file = new SourceFile('t.yaml', 'x\n'.repeat(10));
  const other = new SourceFile('u.yaml', 'x\n');
  const rule = fc.constantFrom('r1', 'r2', 'r3');
  const suppression = fc.record({
    kind: fc.constantFrom('line', 'next-line', 'file', 'metadata', 'unknown-directive'),
    rules: fc.array(rule, { maxLength: 3 }),
    line: fc.integer({ min: 1, max: 4 }),
    client: fc.constantFrom('A', 'B', ''),
    startLine: fc.integer({ min: 1, max: 4 }),
    length: fc.nat(3),
    expired: fc.boolean(),
  });
  const finding = fc.record({ ruleId: rule, line: fc.integer({ min: 1, max: 5 }), endLine: fc.nat(2), client: fc.constantFrom('A', 'B', ''), inOther: fc.boolean() });
  fc.assert(
    fc.property(fc.array(suppression, { maxLength: 8 }), fc.array(finding, { maxLength: 8 }), (specs, findingSpecs) => {
      const suppressions: Suppression[] = specs.map((s) => ({
        kind: s.kind,
        rules: s.rules,
        reason: undefined,
        expires: s.expired ? '2000-01-01' : undefined,
        span: { file, start: 0, end: 1 },
        line: s.line,
        ...(s.kind === 'metadata' ? { client: s.client, extent: { startLine: s.startLine, endLine: s.startLine + s.length } } : {}),
      }));
      const findings = findingSpecs.map((f) => ({ ruleId: f.ruleId, file: f.inOther ? other : file, client: f.client, region: { start: { line: f.line, column: 1 }, end: { line: f.line + f.endLine, column: 1 } } }) as unknown as Finding);
      const isExpired = (s: Suppression): boolean => s.expires !== undefined;
      const index = new SuppressionIndex(file, suppressions, isExpired);
      const used = new Set<Suppression>();
      const expectedUsed = new Set<Suppression>();
      for (const f of findings) {
        const active = suppressions.filter((s) => covers(s, f));
        for (const s of active) expectedUsed.add(s);
        assert.equal(index.match(f, used), active.some((s) => !isExpired(s)));
      }
      assert.deepEqual([...used].sort((a, b) => suppressions.indexOf(a) - suppressions.indexOf(b)), [...expectedUsed].sort((a, b) => suppressions.indexOf(a) - suppressions.indexOf(b)));
    }),
    { numRuns: 2000, seed: 17 },
  );
});

test('suppression matching is linear: 20,000 findings against a comment of 50,000 rule ids and 5,000 file directives', () => {
  const ids = Array.from({ length: 50_000 }, (_, i) => `r${i}`).join(', ');
  const callbacks = Array.from({ length: 20_000 }, (_, i) => `http://localhost:${i}/cb`).join(', ');
  const text = `${CLIENT}      CallbackURLs: [${callbacks}] # cognito-lint-disable-line ${ids}\n${'# cognito-lint-disable-file redirect-uri-absolute\n'.repeat(5000)}`;
  const rows = timed('many findings, many ids', () => runWithSuppressions('unused-suppression', 't.yaml', text));
  assert.equal(rows.length, 50_000 + 5000, 'every unknown id, and every file directive that matches nothing');
});
