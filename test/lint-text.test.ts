// lintText(): one unsaved text through the stages of lint(), as the language server calls it; the
// Workspace's editor buffers before the disk; the bounded parse cache.
import { plannedChange } from '../src/finding';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, lintText } from '../src/lint';
import { EffectiveConfig, resolveConfig } from '../src/config';
import { Workspace } from '../src/workspace';
import { LruMap } from '../src/lru';
import { PARSE_CACHE_MAX_CHARACTERS, parseCache } from '../src/load/terraform/files';
import { loadAllRules } from '../rules';
import { REPO_ROOT } from './golden';
import { project } from './fixtures';

const rules = loadAllRules();
const recommended = new EffectiveConfig(rules, { preset: 'recommended' }, REPO_ROOT);
const today = '2026-12-01';
const label = (finding: { file: { path: string }; region: { start: { line: number; column: number } }; ruleId: string; message: string }): string =>
  `${finding.file.path}:${finding.region.start.line}:${finding.region.start.column} ${finding.ruleId} ${finding.message}`;

test('lintText() of a file\'s text reports what lint() reports for the file, in every dialect of examples/', async () => {
  for (const file of ['examples/cloudformation/bad.yaml', 'examples/terraform/bad.tf', 'examples/api/create-request-bad.json', 'examples/sam/bad.yaml']) {
    const fromDisk = await lint({ cwd: REPO_ROOT, paths: [file], rules, config: recommended, today });
    const fromText = await lintText(readFileSync(join(REPO_ROOT, file), 'utf8'), file, recommended, { cwd: REPO_ROOT, rules, today });
    assert.ok(fromDisk.findings.length > 0, file);
    assert.deepEqual(fromText.findings.map(label), fromDisk.findings.map(label), file);
  }
});

test('lintText() lints the text given, not the file on disk, and plans its fixes', async () => {
  const root = project({ 'stack.yaml': readFileSync(join(REPO_ROOT, 'examples', 'cloudformation', 'good.yaml'), 'utf8') });
  const bad = readFileSync(join(REPO_ROOT, 'examples', 'cloudformation', 'bad.yaml'), 'utf8');
  const run = await lintText(bad, join(root, 'stack.yaml'), recommended, { cwd: root, rules, today });
  const prevent = run.findings.find((finding) => finding.ruleId === 'prevent-user-existence-errors');
  assert.equal(prevent?.file.path, 'stack.yaml');
  assert.equal(prevent && plannedChange(prevent)?.description, 'PreventUserExistenceErrors: ENABLED');
  // A file that does not exist yet (a new, unsaved buffer) is linted the same way.
  const unsaved = await lintText(bad, join(root, 'new', 'stack.yaml'), recommended, { cwd: root, rules, today });
  assert.equal(unsaved.findings.length, run.findings.length);
});

test('lintText() applies the configuration: rules, and ignores (no findings)', async () => {
  const root = project({ '.cognito-lint.yaml': 'ignores: ["generated/**"]\nrules:\n  redirect-uri-https: off\n' });
  const config = resolveConfig(rules, root);
  const bad = readFileSync(join(REPO_ROOT, 'examples', 'cloudformation', 'bad.yaml'), 'utf8');
  const run = await lintText(bad, 'stack.yaml', config, { cwd: root, rules, today });
  assert.ok(run.findings.length > 0 && !run.findings.some((finding) => finding.ruleId === 'redirect-uri-https'));
  assert.deepEqual((await lintText(bad, 'generated/stack.yaml', config, { cwd: root, rules, today })).findings, []);
});

test('a Terraform text is evaluated with its module from disk, and unsaved buffers come before the disk', async () => {
  const root = project({ 'variables.tf': 'variable "callback" {\n  default = "http://app.acme-corp.com/callback"\n}\n' });
  const main = 'resource "aws_cognito_user_pool_client" "web" {\n  name = "web"\n  user_pool_id = "us-east-1_a"\n  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_flows = ["code"]\n  allowed_oauth_scopes = ["openid"]\n  callback_urls = [var.callback]\n}\n';
  const options = { cwd: root, rules, today };
  const https = async (buffers?: Map<string, string>) =>
    (await lintText(main, 'main.tf', recommended, { ...options, ...(buffers ? { buffers } : {}) })).findings.filter((finding) => finding.ruleId === 'redirect-uri-https');
  assert.equal((await https())[0]?.related[0]?.file.path, 'variables.tf');
  assert.deepEqual(await https(new Map([[join(root, 'variables.tf'), 'variable "callback" {\n  default = "https://app.acme-corp.com/callback"\n}\n']])), []);
  // A sibling that exists only in the editor is a file of the module too.
  writeFileSync(join(root, 'variables.tf'), '');
  assert.equal((await https(new Map([[join(root, 'unsaved.tf'), 'variable "callback" {\n  default = "http://x.acme-corp.com/cb"\n}\n']])))[0]?.related[0]?.file.path, 'unsaved.tf');
});

test('Workspace reads a buffer before the disk, and lists buffers not saved yet', () => {
  const root = project({ 'a.tf': 'on disk' });
  const workspace = new Workspace(1024, new Map([[join(root, 'a.tf'), 'in the editor'], [join(root, 'b.tf'), 'new'], [join(root, 'sub', 'c.tf'), 'elsewhere']]));
  assert.equal(workspace.read(join(root, 'a.tf')), 'in the editor');
  assert.equal(workspace.read(join(root, 'b.tf')), 'new');
  assert.deepEqual(workspace.list(root).filter((name) => name.endsWith('.tf')).sort(), ['a.tf', 'b.tf']);
  // The size limit holds for buffers as for files.
  assert.equal(new Workspace(3, new Map([[join(root, 'a.tf'), 'four']])).read(join(root, 'a.tf')), undefined);
});

test('LruMap forgets the least recently used entries beyond its weight', () => {
  const map = new LruMap<string, string>(10, (value) => value.length);
  map.set('a', 'xxxx');
  map.set('b', 'xxxx');
  assert.equal(map.get('a'), 'xxxx'); // a is now the most recently used
  map.set('c', 'xxxx'); // 12 > 10: b goes
  assert.equal(map.get('b'), undefined);
  assert.deepEqual([map.get('a'), map.get('c'), map.weight, map.size], ['xxxx', 'xxxx', 8, 2]);
  map.set('a', 'x'); // replacing an entry replaces its weight
  assert.equal(map.weight, 5);
  map.set('huge', 'x'.repeat(11)); // heavier than the whole map: not kept, nothing else lost
  assert.deepEqual([map.get('huge'), map.size], [undefined, 2]);
});

test('the Terraform parse cache stays within its bound however many files are parsed', async () => {
  const files: Record<string, string> = {};
  const body = `resource "aws_cognito_user_pool_client" "c" {\n  name = "c"\n  user_pool_id = "us-east-1_a"\n  callback_urls = ["https://a.acme-corp.com/${'x'.repeat(200_000)}"]\n}\n`;
  for (let i = 0; i < 100; i++) files[`m${i}/main.tf`] = body;
  const root = project(files);
  await lint({ cwd: root, paths: ['.'], rules, config: recommended, today });
  assert.ok(parseCache.weight <= PARSE_CACHE_MAX_CHARACTERS, `${parseCache.weight}`);
  assert.ok(parseCache.size < 100, `${parseCache.size} entries of 200,000 characters`);
});
