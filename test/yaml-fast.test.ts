// The fast YAML path (src/parse/yaml-fast.ts) against the reference, the `yaml` package path: on every
// document either the fast path declines or both give the same tree (values, types, spans, tags, key
// order) and the same duplicate keys. Documents are generated to hit the fast path's edges: YAML 1.1
// scalars, quoting and escapes, block scalars with every chomping, flow collections over several lines,
// tags in every position, comment lines at every indentation (they decide where collections end), blank
// lines, compact sequences, then random mutations that make most of them invalid. Both also give the same
// comments (those that mention cognito-lint, for suppressions): the generators put the word in comments,
// block scalars, quoted and plain scalars.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYaml, parseYamlWithPackage } from '../src/parse/yaml';
import { parseYamlFast, resolvePlain } from '../src/parse/yaml-fast';
import { REPO_ROOT } from './golden';

const PLAIN = [
  'a', 'value', 'Hello world', 'a b  c', 'x#y', 'a:b', 'http://example.com/cb?x=1#frag', 'arn:aws:s3:::bucket/*', '${AWS::StackName}-x', '-x', '-1', '+1', ':x', '?x',
  'yes', 'Yes', 'YES', 'no', 'No', 'NO', 'y', 'Y', 'n', 'N', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'tRUE', 'nO',
  '~', 'null', 'Null', 'NULL', 'nULL', '0', '-0', '+0', '7', '007', '08', '0777', '0_7', '0_', '1_000', '123456789012345678901', '0b101', '-0b1_1', '0x1F', '0XFF', '-0x_a', '0o17',
  '1.5', '.5', '5.', '-1.5e3', '1e3', 'e5', 'E10', '.e5', '1_0.5_0', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'NaN', '1:30', '-1:30:59', '190:20:30.15', '1.5:30', '1:60',
  '2010-09-09', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '<<', '@x', '`x', '%x', 'a,b', 'a[b]{c}', 'x!y', 'a - b', 'a -', 'é ü 中文', 'a  #b', 'x\u0001y', 'x\u0085y', 'x\u2028y', 'x\ufeffy', 'x\u007fy',
  'a #cognito-lint-x', 'cognito-lint-disable-file x', 'x#cognito-lint',
];
const QUOTED = [`'single'`, `'it''s'`, `''`, `'a: b # c'`, `'yes'`, `"double"`, `""`, `"esc \\" \\\\ \\n \\t \\x41 \\u00e9 \\U0001F600 \\/ \\_ \\N \\0"`, `"bad \\q"`, `"bad \\x4"`, `"1.5"`, `'a''''b'`, `"tab\\tx"`, `'# cognito-lint-disable-file x'`, `"a # cognito-lint"`];
const TAGS = ['!Ref', '!Sub', '!GetAtt', '!If', '!Join', '!Equals', '!Condition', '!ImportValue', '!Select', '!Split', '!FindInMap', '!Base64', '!Foo', '!stack_output', '!!str', '!!int', '!<tag:x>', '!a!b', '!'];
/** Few names, so that anchors are redefined and aliases meet them (and some never defined, or spelled beyond the fast path). */
const ANCHORS = ['&a', '&b', '&x.1', '&a:b', '&'];
const ALIASES = ['*a', '*a', '*b', '*b', '*x.1', '*a # c', '*a:b', '*zz', '*b:'];
const KEYS = ['Key', 'Type', 'Properties', 'a', 'b', 'a', 'Key', 'a b', 'a:b', 'Fn::If', 'yes', 'no', 'null', '~', '1', '0x1F', '1.0', '2010-09-09', '-k', `'quoted key'`, `"dq"`, `'yes'`, 'k#1', 'ü'];

interface Ctx {
  /** Column of the collection that owns the value being rendered. */
  indent: number;
}

const comment = fc.oneof({ weight: 8, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' # note', '  #x', ' #', ' ## a: b', ' # cognito-lint-disable-line x') });
const spaces = fc.nat(3).map((n) => ' '.repeat(n));

/** Blank and comment lines at any indentation: where they sit decides the `yaml` ranges of collections. */
const filler = fc.oneof(
  { weight: 6, arbitrary: fc.constant([] as string[]) },
  { weight: 1, arbitrary: fc.array(fc.oneof(spaces, fc.tuple(fc.nat(10), fc.constantFrom('# c', '#', '# - x: y', '#!Ref', '# cognito-lint-disable-file x')).map(([n, text]) => ' '.repeat(n) + text)), { maxLength: 3 }) },
);

function lines(filler: readonly string[]): string {
  return filler.map((line) => line + '\n').join('');
}

type Render = (ctx: Ctx) => string;

const scalarText = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PLAIN) }, { weight: 3, arbitrary: fc.constantFrom(...QUOTED) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) });
const tagName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...TAGS.slice(0, 14)) }, { weight: 1, arbitrary: fc.constantFrom(...TAGS) });

const blockScalar: fc.Arbitrary<Render> = fc
  .tuple(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom('|', '>', '|-', '>-', '|+', '>+') }, { weight: 1, arbitrary: fc.constantFrom('|2', '>1-', '|-+', '|x') }),
    comment,
    fc.array(fc.oneof(fc.tuple(fc.nat(3), fc.constantFrom('text', 'more text', '  indented', '# not a comment', '# cognito-lint-disable-file x', 'a: b', '- x')), fc.tuple(fc.constant(-1), spaces)), { minLength: 0, maxLength: 5 }),
    fc.nat(2),
  )
  .map(([header, note, body, extra]) => (ctx: Ctx) => {
    const base = ctx.indent + 1 + extra;
    const text = body.map(([more, content]) => (more < 0 ? content : ' '.repeat(base + more) + content)).join('\n');
    return ` ${header}${note}\n${text}${text ? '\n' : ''}`;
  });

const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string; item: string }>((tie) => ({
  item: fc.oneof(
    { weight: 4, arbitrary: scalarText },
    { weight: 1, arbitrary: fc.tuple(tagName, scalarText).map(([tag, value]) => `${tag} ${value}`) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...KEYS), scalarText).map(([key, value]) => `${key}: ${value}`) },
    { weight: 2, arbitrary: tie('flow') },
    { weight: 1, arbitrary: fc.constantFrom(...ALIASES) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ANCHORS), fc.oneof(scalarText, tie('flow'))).map(([anchor, item]) => `${anchor} ${item}`) },
  ),
  flow: fc
    .tuple(fc.boolean(), fc.array(tie('item'), { maxLength: 3 }), fc.constantFrom(', ', ', ', ',', ' , ', ',\n      ', ',\n'), fc.constantFrom('', '', '', '', '', ',', ' '))
    .map(([isMap, items, sep, trailing]) => (isMap ? `{${items.map((item) => (item.includes(': ') ? item : `${item}: x`)).join(sep)}${trailing}}` : `[${items.join(sep)}${trailing}]`)),
}) as never).flow;

const tagged = (inner: fc.Arbitrary<Render>): fc.Arbitrary<Render> =>
  fc.tuple(tagName, fc.boolean(), inner).map(([tag, ownLine, render]) => (ctx: Ctx) => {
    const rendered = render(ctx);
    if (rendered.startsWith('\n')) return ` ${tag}${rendered}`;
    if (ownLine) return ` ${tag}\n${' '.repeat(ctx.indent + 2)}${rendered.trimStart()}`;
    return ` ${tag}${rendered}`;
  });

const anchored = (inner: fc.Arbitrary<Render>): fc.Arbitrary<Render> =>
  fc.tuple(fc.constantFrom(...ANCHORS), inner).map(([anchor, render]) => (ctx: Ctx) => {
    const rendered = render(ctx);
    return rendered.startsWith('\n') ? ` ${anchor}${rendered}` : ` ${anchor}${rendered}`;
  });

const { value, map, seq } = fc.letrec<{ value: Render; map: Render; seq: Render }>((tie) => {
  // A scalar on the key's line, or on a line of its own (after blank or comment lines, which change
  // where the `yaml` lexer continues a plain scalar).
  const inlineScalar: fc.Arbitrary<Render> = fc.tuple(scalarText, comment, fc.boolean(), fc.nat(3), filler, fc.constantFrom('', '', '', '', '', 'next words', '  more', '1.5')).map(([text, note, ownLine, deeper, between, next]) => (ctx: Ctx) =>
    ownLine ? `\n${lines(between)}${' '.repeat(ctx.indent + 1 + deeper)}${text}${note}\n${next ? ' '.repeat(ctx.indent + 1 + deeper) + next + '\n' : ''}` : ` ${text}${note}\n`);
  const multiLinePlain: fc.Arbitrary<Render> = fc.tuple(fc.constantFrom('first line', 'a', '1'), fc.array(fc.tuple(fc.nat(3), fc.constantFrom('next words', '', '- x', 'k: v', '#c', 'x #c', '2')), { minLength: 1, maxLength: 3 }))
    .map(([first, rest]) => (ctx: Ctx) => ` ${first}\n${rest.map(([more, text]) => (text ? ' '.repeat(ctx.indent + more) + text : '')).join('\n')}\n`);
  const flow: fc.Arbitrary<Render> = fc.tuple(flowText, comment).map(([text, note]) => (ctx: Ctx) => ` ${text.replace(/\n/g, '\n' + ' '.repeat(ctx.indent + 2))}${note}\n`);
  const empty: fc.Arbitrary<Render> = fc.tuple(comment, spaces).map(([note, trailing]) => () => `${trailing}${note}\n`);
  const nested = (kind: 'map' | 'seq'): fc.Arbitrary<Render> =>
    fc.tuple(fc.integer({ min: 1, max: 4 }), fc.boolean(), comment, tie(kind) as fc.Arbitrary<Render>).map(([deeper, compact, note, render]) => (ctx: Ctx) => {
      const indent = kind === 'seq' && compact ? ctx.indent : ctx.indent + deeper;
      return `${note}\n${render({ indent })}`;
    });
  return {
    value: fc.oneof(
      { maxDepth: 5, withCrossShrink: true },
      { weight: 12, arbitrary: inlineScalar },
      { weight: 1, arbitrary: multiLinePlain },
      { weight: 2, arbitrary: blockScalar },
      { weight: 3, arbitrary: flow },
      { weight: 1, arbitrary: empty },
      { weight: 6, arbitrary: nested('map') },
      { weight: 3, arbitrary: nested('seq') },
      { weight: 3, arbitrary: tagged(fc.oneof(inlineScalar, flow, blockScalar, nested('map'), nested('seq'))) },
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...ALIASES), comment).map(([alias, note]) => () => ` ${alias}${note}\n`) },
      { weight: 2, arbitrary: anchored(fc.oneof(inlineScalar, flow, tagged(inlineScalar), nested('map'))) },
    ),
    map: fc
      .array(fc.tuple(filler, fc.constantFrom(...KEYS), fc.constantFrom(':', ':', ':', ' :'), tie('value') as fc.Arbitrary<Render>), { minLength: 1, maxLength: 4 })
      .map((entries) => (ctx: Ctx) => entries.map(([before, key, colon, render]) => `${lines(before)}${' '.repeat(ctx.indent)}${key}${colon}${render(ctx)}`).join('')),
    seq: fc
      .array(fc.tuple(filler, fc.oneof(tie('value') as fc.Arbitrary<Render>, tie('map') as fc.Arbitrary<Render>, tie('seq') as fc.Arbitrary<Render>), fc.nat(2)), { minLength: 1, maxLength: 4 })
      .map((items) => (ctx: Ctx) =>
        items
          .map(([before, render, gap]) => {
            const pad = ' '.repeat(ctx.indent);
            const inner = render({ indent: ctx.indent + 1 + gap });
            // A compact map or sequence starts on the dash's line.
            const compact = inner.startsWith(' '.repeat(ctx.indent + 1 + gap)) ? inner.slice(ctx.indent + 1 + gap) : inner.replace(/^ /, '');
            return `${lines(before)}${pad}-${' '.repeat(1 + gap)}${compact}`;
          })
          .join('')),
  };
});

const root: fc.Arbitrary<Render> = fc.oneof({ weight: 6, arbitrary: map }, { weight: 2, arbitrary: seq }, { weight: 1, arbitrary: value.map((render) => (ctx: Ctx) => `root:${render(ctx)}`) });
const document = fc
  .tuple(filler, fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '', '---\n', '--- # doc\n') }, { weight: 1, arbitrary: fc.constant('%YAML 1.1\n---\n') }), root, filler, fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '', 'c: 3', '  ') }, { weight: 1, arbitrary: fc.constantFrom('---\nb: 1\n', '...\n') }))
  .chain((parts) => fc.tuple(fc.constant(parts), fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('p: &a [1, {k: v, k: w}]\nq: &b !Ref x\n', 'p: &x.1 {a: *a}\n', 'p: &b yes\n') })))
  .map(([[before, marker, render, after, tail], anchors]) => `${lines(before)}${marker}${anchors}${render({ indent: 0 })}${lines(after)}${tail}`);

/** Random damage: most results are invalid YAML, which the fast path must decline. */
const mutated = fc
  .tuple(document, fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('', ' ', '  ', '\n', '\t', '\r\n', ':', '- ', '#', "'", '"', '[', ']', '{', '}', ',', '!', '&a ', '*a', '|', '>', '? ', '\\', 'yes')), { maxLength: 3 }))
  .map(([text, edits]) => edits.reduce((acc, [at, remove, insert]) => {
    const i = acc.length === 0 ? 0 : at % (acc.length + 1);
    return acc.slice(0, i) + insert + acc.slice(i + remove);
  }, text));

/** YAML_FAST_RUNS=200000 runs the generated tests longer, with random seeds (not part of npm test). */
const RUNS = Number(process.env.YAML_FAST_RUNS) || 3000;
const seed = (fixed: number): { seed?: number } => (process.env.YAML_FAST_RUNS ? {} : { seed: fixed });

/** Compares both paths on `text`; returns the fast path's result (undefined when it declined). */
function same(text: string): ReturnType<typeof parseYamlFast> {
  const fast = parseYamlFast(text);
  const reference = parseYamlWithPackage(text);
  if (fast !== undefined) {
    assert.ok(reference.ok, `fast path accepted text the yaml package rejects (${reference.ok ? '' : reference.message}):\n${text}`);
    assert.deepStrictEqual(fast.roots, reference.roots, `fast path differs on:\n${JSON.stringify(text)}`);
    assert.deepStrictEqual(fast.duplicates, reference.duplicates, `duplicate keys differ on:\n${JSON.stringify(text)}`);
    assert.deepStrictEqual(fast.comments, reference.comments, `comments differ on:\n${JSON.stringify(text)}`);
  }
  assert.deepStrictEqual(parseYaml(text), reference);
  return fast;
}

test('fast YAML path equals the yaml package on generated documents, or declines', () => {
  let accepted = 0;
  let withComments = 0;
  let withAliases = 0;
  let runs = 0;
  fc.assert(
    fc.property(document, (text) => {
      runs++;
      const fast = same(text);
      if (fast) accepted++;
      if (fast && fast.comments.length > 0) withComments++;
      if (fast && /\*[a-z]/.test(text)) withAliases++;
    }),
    { numRuns: RUNS, ...seed(5) },
  );
  // The generator must reach the fast path, not only its declines, and with comments to compare.
  if (process.env.YAML_FAST_STATS) console.log(`accepted ${accepted} of ${runs}, ${withComments} with comments, ${withAliases} with aliases`);
  assert.ok(withAliases > runs * 0.003, `fast path accepted ${withAliases} of ${runs} with aliases`);
  assert.ok(accepted > runs * 0.1, `fast path accepted ${accepted} of ${runs}`);
  assert.ok(withComments > runs * 0.01, `fast path accepted ${withComments} of ${runs} with comments`);
});

test('fast YAML path equals the yaml package on mutated documents, or declines', () => {
  fc.assert(fc.property(mutated, (text) => void same(text)), { numRuns: RUNS, ...seed(7) });
});

test('fast YAML path equals the yaml package on arbitrary short text', () => {
  const alphabet = fc.constantFrom('a', 'b', ':', ' ', ' ', '\n', '-', '#', "'", '"', '[', ']', '{', '}', ',', '!', '|', '>', '1', '.', '~', 'y', '\u0001', '\u0085', '\u2028', '\ufeff', '\u007f', '\t', '\r', '#cognito-lint');
  fc.assert(fc.property(fc.array(alphabet, { maxLength: 40 }).map((chars) => 'k: ' + chars.join('')), (text) => void same(text)), { numRuns: RUNS, ...seed(11) });
});

test('YAML 1.1 scalar resolution matches the yaml package, one plain value at a time', () => {
  for (const text of PLAIN) {
    const reference = parseYamlWithPackage(`k: ${text}\n`);
    if (!reference.ok) continue;
    const root = reference.roots[0];
    assert.ok(root?.type === 'mapping');
    assert.deepStrictEqual(resolvePlain(text.replace(/ +#.*$/, '')), root.pairs[0]!.value.type === 'scalar' ? root.pairs[0]!.value.value : undefined, text);
  }
});

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|template)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('fast YAML path equals the yaml package on every YAML file in examples/, test/ and the shared corpus', () => {
  const files = [...yamlFiles(join(REPO_ROOT, 'examples')), ...yamlFiles(join(REPO_ROOT, 'test')), ...yamlFiles(join(REPO_ROOT, '..', 'shared', 'corpus'))];
  assert.ok(files.length > 0);
  for (const file of files) same(readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  // The examples are ordinary templates: the fast path must take every one of them, except the templates
  // of templates (examples/templates), which are not YAML until their holes are filled.
  for (const file of yamlFiles(join(REPO_ROOT, 'examples')).filter((name) => !name.includes(join('examples', 'templates')))) assert.ok(parseYamlFast(readFileSync(file, 'utf8')), `fast path declined ${file}`);
});

test('fast YAML path equals the yaml package on documents made of anchors and aliases, or declines', () => {
  const name = fc.constantFrom('a', 'b', 'c.1');
  const leaf = fc.oneof(fc.constantFrom('x', '1', 'yes', "'q'", '!Ref r', '!Foo f', '[]', '{k: v, k: w}'), name.map((n) => `*${n}`));
  const flowValue = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { maxDepth: 3 },
      leaf,
      fc.tuple(name, tie('node')).map(([n, node]) => `&${n} ${node}`),
      fc.array(tie('node'), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc.array(fc.tuple(fc.constantFrom('k', 'l', 'k'), tie('node')), { maxLength: 3 }).map((pairs) => `{${pairs.map(([k, v]) => `${k}: ${v}`).join(', ')}}`),
    ),
  })).node;
  const line = fc.tuple(fc.constantFrom('k', 'l', 'm'), flowValue, fc.constantFrom('', '', ' # c', ' #cognito-lint-disable-line x')).map(([key, value, after]) => `${key}: ${value}${after}\n`);
  let accepted = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
      if (same(lines.join(''))) accepted++;
    }),
    { numRuns: 1000, seed: 13 },
  );
  assert.ok(accepted > 100, `fast path accepted ${accepted} of 1000`);
});

test('anchors and aliases on one line: the fast path copies the anchored node, duplicates and positions included', () => {
  const text = 'a: &x {k: 1, k: 2}\nb: [*x, &y !Ref r, *y]\nc: *x # c\nd:\n  - &z z\n  - *z\n';
  const fast = same(text);
  assert.ok(fast, 'handled by the fast path');
  assert.equal(fast.duplicates.length, 3, 'the repeated key, once where written and once in each copy');
  // An anchor before a block collection, and `<<`, a plain key (merge keys are not applied).
  for (const other of ['a: &x\n  b: 1\nc: *x\n', 'a: &x # c\n  - 1\n  - 2\nc:\n  <<: *x\n  <<: [*x]\n', 'x: &x 1\n<<: *x\n']) assert.ok(same(other), other);
});

test('the fast path declines what it does not handle', () => {
  for (const text of ['a: &x [*x]\n', 'a: &x\n  b: *x\n', 'a: *nowhere\n', 'a: *x:y\n', 'a: &x\n', '? a\n: b\n', 'a: 1\n---\nb: 2\n', 'a:\tb\n', 'a: 1\r\nb: 2\r\n', '%YAML 1.1\n---\na: 1\n', 'a: "multi\n  line"\n', '- x\n', 'a: |2\n   x\n', 'a: !!str 1\n', 'a: b: c\n', '[a, b]\n', 'x\n']) {
    if (text === '- x\n') {
      assert.ok(parseYamlFast(text), 'a root sequence is handled');
      continue;
    }
    assert.equal(parseYamlFast(text), undefined, JSON.stringify(text));
    same(text);
  }
});
