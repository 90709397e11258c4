// Bounded evaluation (issue 16): a value that folding would blow up becomes unknown with one `note`,
// and a file cognito-lint fails on is that file's result. Each hostile file runs through the built CLI
// next to a healthy file, which must still be reported; the elapsed time is printed, never asserted
// (a timed test fails on a busy machine, not on a regression).
import { test, mock, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { project } from './fixtures';
import { BIN, BIN_NAME } from './bin-helpers';
import * as load from '../src/load-file';
import { lint } from '../src/lint';
import { loadAllRules } from '../rules';
import { EffectiveConfig } from '../src/config';
import type { Rule } from '../src/rule';
import { makeFinding } from '../src/evaluate';
import { SourceFile } from '../src/source';

interface JsonResult {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  related: Array<{ file: string; line: number; message: string }>;
}

const HEALTHY_TF = 'resource "aws_cognito_user_pool_client" "c" {\n  name          = "c"\n  user_pool_id  = "us-east-1_AbCdEfGhI"\n  callback_urls = ["http://b.acme-corp.com/cb"]\n}\n';
const HEALTHY_YAML = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      CallbackURLs: [http://b.acme-corp.com/cb]\n';
const CLIENT_TF = (callbackUrls: string): string => `resource "aws_cognito_user_pool_client" "c" {\n  name          = "c"\n  user_pool_id  = "us-east-1_AbCdEfGhI"\n  callback_urls = ${callbackUrls}\n}\n`;
const URL = '"http://a.acme-corp.com/cb"';

/** Locals `<name>0 = first`, then `<name>1` to `<name><n>`, each made by `step` from the one before. */
function chain(first: string, n: number, step: (previous: string) => string, name = 'l'): string {
  const lines = [`  ${name}0 = ${first}`];
  for (let i = 1; i <= n; i++) lines.push(`  ${name}${i} = ${step(`local.${name}${i - 1}`)}`);
  return `locals {\n${lines.join('\n')}\n}\n`;
}

/**
 * Runs the CLI (BIN: the sources or the bundle) on `<hostile> <healthy>` in a project of `files`; asserts exit 0 or 1, no
 * internal error, and the healthy file's http:// finding; returns the hostile file's results.
 */
function runHostile(t: TestContext, files: Record<string, string>, hostile: string, healthy: string): JsonResult[] {
  const root = project(files);
  const cli = (): SpawnSyncReturns<string> =>
    spawnSync(process.execPath, [BIN, hostile, healthy, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  let started = performance.now();
  let run = cli();
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    // Node 20 can deadlock at exit, after the output is written (nodejs/node#54918); a hang of ours would repeat.
    t.diagnostic(`${t.name}: no exit within 60 s, run again (${run.stdout.length} characters of output were written)`);
    started = performance.now();
    run = cli();
  }
  t.diagnostic(`${t.name}: ${Math.round(performance.now() - started)} ms (cognito-lint ${hostile} ${healthy}, ${BIN_NAME})`);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  const results = (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
  assert.ok(
    results.some((r) => r.file === healthy && r.ruleId === 'redirect-uri-https'),
    'the healthy file is still checked and reported',
  );
  const own = results.filter((r) => r.file === hostile);
  assert.deepEqual(own.filter((r) => r.ruleId === 'parse-error' && r.severity === 'error'), [], 'no internal error');
  return own;
}

/**
 * The one result the hostile file gets: its message names `expression` and the limit. A note when one
 * value became unknown; a warning naming the unchecked clients when a limit for the whole file stopped it.
 */
function assertOneNote(results: readonly JsonResult[], expression: RegExp, limit: RegExp): JsonResult {
  const notes = results.filter((r) => r.ruleId === 'parse-error');
  assert.equal(notes.length, 1, JSON.stringify(notes));
  const note = notes[0]!;
  if (note.severity === 'warning') assert.match(note.message, /is too large to evaluate \(.* in this file\), so evaluation stopped there: (1 client|[\d,]+ clients) in this file (was|were) not checked\. /);
  else {
    assert.equal(note.severity, 'note');
    assert.match(note.message, /is too large to evaluate \(.*\); it is treated as unknown, so nothing that depends on it was checked\.$/);
  }
  assert.match(note.message, expression);
  assert.match(note.message, limit);
  return note;
}

test('the doubling chain of the issue: concat doubles a list forty times', (t) => {
  const hostile = chain(`[${URL}]`, 39, (l) => `concat(${l}, ${l})`) + CLIENT_TF('local.l39');
  const results = runHostile(t, { 'hostile/main.tf': hostile, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  // l13 holds 8,192 URLs; l14 would hold 16,384.
  const note = assertOneNote(results, /^concat\(local\.l13, local\.l13\)/, /more than 10,000 elements/);
  assert.equal(note.line, 16);
  assert.deepEqual(results.filter((r) => r.ruleId === 'redirect-uri-https'), [], 'the unknown value is silent');
});

test('doubling through string templates and through nested lists', (t) => {
  const strings = chain(URL, 39, (l) => `"\${${l}}\${${l}}"`) + CLIENT_TF('[local.l39]');
  const own = runHostile(t, { 'hostile/main.tf': strings, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  // Each copy of a long string costs steps too (rules scan every copy): whichever limit comes first.
  assertOneNote(own, /^(local\.l\d+|"\$\{local\.l\d+\}\$\{local\.l\d+\}") is/, /more than (1,000,000 characters|250,000 evaluation steps in this file)/);
  // Each list holds two items, but the value doubles: only the steps spent copying it stop it.
  const trees = chain(`[${URL}]`, 39, (l) => `[${l}, ${l}]`) + CLIENT_TF('local.l39');
  const tree = runHostile(t, { 'hostile/main.tf': trees, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  assertOneNote(tree, /^local\.l\d+/, /more than 250,000 evaluation steps in this file/);
});

test('the doubling chain through for expressions', (t) => {
  // A list of two lists, each of the one before: the value doubles though no list grows.
  const pairs = chain(`[${URL}]`, 39, (l) => `[for pair in [${l}, ${l}] : pair]`) + CLIENT_TF('local.l39');
  const own = runHostile(t, { 'hostile/main.tf': pairs, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  assertOneNote(own, /^(pair|local\.l\d+) is/, /more than 250,000 evaluation steps in this file/);
  // A for expression over a list that doubles, with a key and a condition.
  const filtered = chain(`[${URL}]`, 39, (l) => `[for i, url in concat(${l}, ${l}) : url if i >= 0]`, 'f') + CLIENT_TF('local.f39');
  const results = runHostile(t, { 'hostile/main.tf': filtered, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  assertOneNote(results, /^concat\(local\.f13, local\.f13\) is/, /more than 10,000 elements/);
});

test('the doubling chain through module calls, and module calls that fan out', (t) => {
  // The caller passes one URL; the module doubles it forty times. The note sits at the module call.
  const doubling = {
    'hostile/main.tf': `module "double" {\n  source = "../modules/double"\n  urls   = [${URL}]\n}\n`,
    'modules/double/main.tf': 'variable "urls" {}\n' + chain('var.urls', 39, (l) => `concat(${l}, ${l})`) + CLIENT_TF('local.l39'),
    'healthy/main.tf': HEALTHY_TF,
  };
  const results = runHostile(t, doubling, 'hostile/main.tf', 'healthy/main.tf');
  const note = assertOneNote(results, /^concat\(local\.l13, local\.l13\)/, /more than 10,000 elements/);
  assert.equal(note.line, 1, 'reported at the module call');
  assert.deepEqual(note.related.map((r) => [r.file, r.line, r.message]), [['modules/double/main.tf', 17, 'written in module.double']]);

  // Ten calls per module, eight modules deep: 10^7 instances without a limit.
  const fanOut: Record<string, string> = { 'hostile/main.tf': `module "top" {\n  source = "../modules/m1"\n  urls   = [${URL}]\n}\n`, 'healthy/main.tf': HEALTHY_TF };
  for (let level = 1; level <= 8; level++) {
    const calls = Array.from({ length: 10 }, (_, i) => `module "c${i}" {\n  source = "../m${level + 1}"\n  urls   = var.urls\n}\n`).join('');
    fanOut[`modules/m${level}/main.tf`] = 'variable "urls" {}\n' + (level < 8 ? calls : CLIENT_TF('var.urls'));
  }
  const fanned = runHostile(t, fanOut, 'hostile/main.tf', 'healthy/main.tf');
  assertOneNote(fanned, /^module "c\d"/, /more than 1,000 module instances in this file/);
});

test('for_each, count and for over a generated million-element range', (t) => {
  const range = [
    'resource "aws_cognito_user_pool_client" "each" {',
    '  for_each      = toset([for i in range(1000000) : tostring(i)])',
    '  name          = each.key',
    '  user_pool_id  = "us-east-1_AbCdEfGhI"',
    '  callback_urls = [for i in range(1000000) : "https://a${i}.acme-corp.com/cb"]',
    '  dynamic "token_validity_units" {',
    '    for_each = range(1000000)',
    '    content {',
    '      access_token = "hours"',
    '    }',
    '  }',
    '}',
    'resource "aws_cognito_user_pool_client" "counted" {',
    '  count         = 1000000',
    '  name          = "c${count.index}"',
    '  user_pool_id  = "us-east-1_AbCdEfGhI"',
    '}',
    '',
  ].join('\n');
  const results = runHostile(t, { 'hostile/main.tf': range, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  // `range` is not folded today (unknown, no note); once it is, the million elements must end in the note.
  // `count = 1000000` is past the instance cap: one client with unknowns, and the note.
  for (const note of results.filter((r) => r.ruleId === 'parse-error')) assert.match(note.message, /range\(1000000\).* is too large to evaluate \(more than 10,000 elements\)|^1000000 is too large to evaluate \(more than 1,000 instances\)/);

  // What is folded today: a dynamic block and a for expression over a list doubled to 2^39.
  const generated = chain(`[${URL}]`, 39, (l) => `concat(${l}, ${l})`) + CLIENT_TF('[for url in local.l39 : url]').replace('}\n', '  dynamic "token_validity_units" {\n    for_each = local.l39\n    content {\n      access_token = "hours"\n    }\n  }\n}\n');
  const folded = runHostile(t, { 'hostile/main.tf': generated, 'healthy/main.tf': HEALTHY_TF }, 'hostile/main.tf', 'healthy/main.tf');
  assertOneNote(folded, /^concat\(local\.l13, local\.l13\)/, /more than 10,000 elements/);
});

test('CloudFormation: Fn::Split of a huge string', (t) => {
  // 30,000 items in 810,000 characters: the string itself is within the character limit.
  const huge = 'https://a.acme-corp.com/cb,'.repeat(30_000);
  const hostile = `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      CallbackURLs: !Split [",", "${huge}"]\n      LogoutURLs: [http://c.acme-corp.com/out]\n`;
  const results = runHostile(t, { 'hostile.yaml': hostile, 'healthy.yaml': HEALTHY_YAML }, 'hostile.yaml', 'healthy.yaml');
  const note = assertOneNote(results, /^!Split \[",", "https:\/\/a\.acme-corp\.com\/cb,https:\/\/a\.acme-c\.\.\. is/, /more than 10,000 elements/);
  assert.equal(note.line, 6);
  assert.ok(
    results.some((r) => r.ruleId === 'redirect-uri-https' && r.line === 7),
    'the rest of the file is checked',
  );
});

test('CloudFormation: deeply nested Fn::If and Fn::Join, Fn::FindInMap doubling a string, conditions that multiply', (t) => {
  const depth = 300;
  const ifs = `${'{"Fn::If": ["Prod", '.repeat(depth)}"https://a.acme-corp.com/cb"${', "x"]}'.repeat(depth)}`;
  const joins = `${'{"Fn::Join": ["", ['.repeat(depth)}"https://a.acme-corp.com/cb"${']]}'.repeat(depth)}`;
  const nested = `{"Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Stage"}, "prod"]}}, "Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {"UserPoolId": "us-east-1_AbCdEfGhI", "CallbackURLs": [${ifs}, ${joins}], "LogoutURLs": ["http://c.acme-corp.com/out"]}}}}`;
  const results = runHostile(t, { 'hostile.json': nested, 'healthy.yaml': HEALTHY_YAML }, 'hostile.json', 'healthy.yaml');
  assertOneNote(results, /^\{"Fn::(If|Join)"/, /nested more than 200 levels deep/);
  assert.ok(results.some((r) => r.ruleId === 'redirect-uri-https' && r.message.includes('c.acme-corp.com')), 'the rest of the file is checked');

  // Mappings that refer to themselves: each value joins the one before twice.
  const mappings = ['Mappings:', '  M:', '    k:', '      v0: https://a.acme-corp.com/cb'];
  for (let i = 1; i <= 39; i++) mappings.push(`      v${i}: !Join ["", [!FindInMap [M, k, v${i - 1}], !FindInMap [M, k, v${i - 1}]]]`);
  const doubling = `${mappings.join('\n')}\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      CallbackURLs: [!FindInMap [M, k, v39]]\n`;
  const doubled = runHostile(t, { 'hostile.yaml': doubling, 'healthy.yaml': HEALTHY_YAML }, 'hostile.yaml', 'healthy.yaml');
  assertOneNote(doubled, /^!Join/, /more than (1,000,000 characters|250,000 evaluation steps in this file)/);

  // Conditions that each refer to the one before ten times: 10^19 evaluations without a budget.
  const conditions = ['Conditions:', '  c0: !Equals [a, b]'];
  for (let i = 1; i <= 19; i++) conditions.push(`  c${i}: !Or [${Array(10).fill(`!Condition c${i - 1}`).join(', ')}]`);
  const decided = `${conditions.join('\n')}\nResources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      CallbackURLs: [!If [c19, http://a.acme-corp.com/cb, http://b.acme-corp.com/cb]]\n`;
  const undecided = runHostile(t, { 'hostile.yaml': decided, 'healthy.yaml': HEALTHY_YAML }, 'hostile.yaml', 'healthy.yaml');
  assertOneNote(undecided, /^!Equals \[a, b\] is/, /more than 250,000 evaluation steps in this file/);
});

test('a file cognito-lint fails on gets one result; the other files are checked and the run goes on', async (t) => {
  const root = project({ 'broken.yaml': HEALTHY_YAML, 'healthy.yaml': HEALTHY_YAML });
  const rules = loadAllRules();
  const fails = (file: string): void => {
    if (file.endsWith('broken.yaml')) throw new RangeError('Maximum call stack size exceeded');
  };
  const config = new EffectiveConfig(rules, { preset: 'recommended' }, root);
  const check = async (checked: readonly Rule[]): Promise<void> => {
    const { result } = await lint({ cwd: root, paths: ['.'], rules: checked, config, today: '2026-01-01' });
    const rows = result.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'redirect-uri-https').map((f) => [f.file.path, f.ruleId, f.severity, f.message]);
    assert.deepEqual(rows, [
      ['broken.yaml', 'parse-error', 'error', 'cognito-lint failed on this file (internal error: Maximum call stack size exceeded). Nothing in it was checked; the other files were. Please report this at https://github.com/cognito-lint/cognito-lint/issues with the file.'],
      ['healthy.yaml', 'redirect-uri-https', 'error', rows[1]?.[3]],
    ]);
    assert.equal(result.allFilesProcessed, false);
  };
  // While loading...
  const loadFile = load.loadFile;
  const loading = mock.method(load, 'loadFile', (...args: Parameters<typeof loadFile>) => (fails(args[0].path), loadFile(...args)));
  t.after(() => loading.mock.restore());
  await check(rules);
  loading.mock.restore();
  // ...and while a rule checks it.
  const failing = rules.map((rule): Rule => {
    const checkClient = rule.checkClient;
    if (rule.meta.id !== 'redirect-uri-https' || !checkClient) return rule;
    return { ...rule, checkClient: (context) => (fails(context.client.file.path), checkClient(context)) };
  });
  await check(failing);
});

test("a report's own severity lowers the configured one, never raises it", () => {
  const rule = loadAllRules().find((r) => r.meta.id === 'parse-error')!;
  const file = new SourceFile('t.tf', 'x');
  const report = { messageId: 'tooLarge', data: { expression: 'x', limit: 'more than 10,000 elements' }, at: { file, start: 0, end: 1 }, path: '', severity: 'note' as const };
  assert.equal(makeFinding(rule, 'error', file, '', report).severity, 'note');
  assert.equal(makeFinding(rule, 'error', file, '', { ...report, severity: 'warning' }).severity, 'warning');
  assert.equal(makeFinding(rule, 'note', file, '', { ...report, severity: 'warning' }).severity, 'note', 'configured lower: that wins');
  assert.equal(makeFinding(rule, 'warning', file, '', { ...report, severity: undefined }).severity, 'warning');
});
