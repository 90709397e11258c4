// Configuration: discovery, precedence (preset < config < overrides < CLI), validation errors (exit 2
// with file, key and allowed values), --print-config and ignores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli-helpers';
import { TEMPLATE, project } from './fixtures';

interface JsonResult {
  ruleId: string;
  severity: string;
  file: string;
}
async function results(args: string[], cwd: string): Promise<JsonResult[]> {
  const run = await runCli([...args, '--format', 'json'], cwd);
  assert.equal(run.stderr, '', run.stderr);
  return (JSON.parse(run.stdout) as { results: JsonResult[] }).results;
}
const summary = (rows: JsonResult[]): string[] => rows.map((r) => `${r.file} ${r.ruleId} ${r.severity}`);

test('without a config file the recommended preset applies', async () => {
  const root = project({ 'stack.yaml': TEMPLATE });
  assert.deepEqual(summary(await results(['.'], root)), ['stack.yaml prevent-user-existence-errors error', 'stack.yaml no-implicit-flow warning']);
});

test('precedence: preset < config rules < overrides < --rule', async () => {
  const config = ['extends: strict', 'rules:', '  no-implicit-flow: note', '  prevent-user-existence-errors: off', 'overrides:', '  - files: ["prod/**"]', '    rules:', '      prevent-user-existence-errors: error', ''].join('\n');
  const root = project({ '.cognito-lint.yaml': config, 'dev/stack.yaml': TEMPLATE, 'prod/stack.yaml': TEMPLATE });
  assert.deepEqual(summary(await results(['.'], root)), [
    'dev/stack.yaml refresh-token-rotation error',
    'dev/stack.yaml no-implicit-flow note',
    'dev/stack.yaml no-localhost-redirect error',
    'prod/stack.yaml refresh-token-rotation error',
    'prod/stack.yaml prevent-user-existence-errors error',
    'prod/stack.yaml no-implicit-flow note',
    'prod/stack.yaml no-localhost-redirect error',
  ]);
  // --rule beats the override; --preset replaces `extends`.
  assert.deepEqual(summary(await results(['prod', '--rule', 'prevent-user-existence-errors=warning', '--preset', 'recommended'], root)), [
    'prod/stack.yaml prevent-user-existence-errors warning',
    'prod/stack.yaml no-implicit-flow note',
  ]);
});

test('the config is found from the working directory up to the repository root, not beyond', async () => {
  const root = project({ '.cognito-lint.json': '{"rules": {"no-implicit-flow": "off"}}', 'infra/app/stack.yaml': TEMPLATE });
  assert.deepEqual(summary(await results(['.'], join(root, 'infra', 'app'))), ['stack.yaml prevent-user-existence-errors error']);
  const outer = project({ '.cognito-lint.json': '{"rules": {"no-implicit-flow": "off"}}' }, false);
  const repo = join(outer, 'repo');
  mkdirSync(join(repo, '.git'), { recursive: true });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(repo, 'stack.yaml'), TEMPLATE);
  assert.equal(summary(await results(['.'], repo)).length, 2, 'a config above the repository root is not used');
});

test('--config names the file; ignores are globs relative to it', async () => {
  const root = project({ 'ci/lint.yaml': 'ignores: ["../generated/**"]\nrules:\n  no-implicit-flow: off\n', 'generated/stack.yaml': TEMPLATE, 'stack.yaml': TEMPLATE });
  assert.deepEqual(summary(await results(['.', '--config', 'ci/lint.yaml'], root)), ['stack.yaml prevent-user-existence-errors error']);
});

test('rule options are validated against the rule options schema and applied', async () => {
  const template = TEMPLATE.replace('      CallbackURLs', '      AccessTokenValidity: 2\n      CallbackURLs');
  const root = project({ '.cognito-lint.yaml': 'rules:\n  token-lifetime-policy: [error, {maxAccessToken: "3h"}]\n', 'stack.yaml': template });
  assert.ok(!summary(await results(['.'], root)).includes('stack.yaml token-lifetime-policy error'));
  const strict = project({ '.cognito-lint.yaml': 'rules:\n  token-lifetime-policy: [error, {maxAccessToken: "1h"}]\n', 'stack.yaml': template });
  assert.ok(summary(await results(['.'], strict)).includes('stack.yaml token-lifetime-policy error'));
  const bad = project({ '.cognito-lint.yaml': 'rules:\n  token-lifetime-policy: [error, {maxAccessTokn: "1h"}]\n', 'stack.yaml': template });
  const run = await runCli(['.'], bad);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /^cognito-lint: \.cognito-lint\.yaml: rules\.token-lifetime-policy: unknown option "maxAccessTokn" \(allowed: maxAccessToken, maxIdToken, maxRefreshToken\)/);
});

test('a bad config exits 2 and names the file, the key and the allowed values', async () => {
  const cases: Array<[string, RegExp]> = [
    ['rules:\n  no-implicit-flw: error\n', /\.cognito-lint\.yaml: rules\.no-implicit-flw: unknown rule; did you mean "no-implicit-flow"\?/],
    ['rules:\n  no-implicit-flow: warn\n', /\.cognito-lint\.yaml: rules\.no-implicit-flow: "warn" is not a severity; allowed: off, note, warning, error/],
    ['extends: strictest\n', /\.cognito-lint\.yaml: extends: "strictest" is not a preset; allowed: recommended, strict, all/],
    ['rule:\n  schema: off\n', /\.cognito-lint\.yaml: rule: unknown key; allowed: extends, rules, ignores, overrides/],
    ['overrides:\n  - rules: {schema: off}\n', /\.cognito-lint\.yaml: overrides\[0\]: missing "files"/],
    ['rules:\n  schema: [error, {x: 1}]\n', /rules\.schema: this rule takes no options/],
    ['overrides:\n  - files: x\n    rules: {token-lifetime-policy: [error, {maxAccessToken: 60}]}\n', /\.cognito-lint\.yaml: overrides\[0\]\.rules\.token-lifetime-policy: option maxAccessToken must be string/],
    ['rules:\n  token-lifetime-policy: [error, {}, 1]\n', /rules\.token-lifetime-policy: expected \[severity\] or \[severity, \{options\}\]/],
    ['rules: [a\n', /\.cognito-lint\.yaml:2:1: not valid YAML/],
  ];
  for (const [config, expected] of cases) {
    const root = project({ '.cognito-lint.yaml': config, 'stack.yaml': TEMPLATE });
    const run = await runCli(['.'], root);
    assert.equal(run.code, 2, config);
    assert.match(run.stderr, expected);
    assert.equal(run.stdout, '');
  }
  const root = project({ 'stack.yaml': TEMPLATE });
  const flag = await runCli(['.', '--rule', 'no-implicit-flow=loud'], root);
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /--rule no-implicit-flow=loud: "loud" is not a severity; allowed: off, note, warning, error/);
  const missing = await runCli(['.', '--config', 'nope.yaml'], root);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.yaml: cannot read the configuration file \(ENOENT\)/);
});

test('--print-config shows the settings that apply to one file', async () => {
  const root = project({ '.cognito-lint.yaml': 'rules:\n  no-implicit-flow: error\noverrides:\n  - files: "prod/**"\n    rules: {no-localhost-redirect: error}\n' });
  const run = await runCli(['--print-config', 'prod/stack.yaml'], root);
  assert.equal(run.code, 0);
  const printed = JSON.parse(run.stdout) as { extends: string; rules: Record<string, unknown[]> };
  assert.equal(printed.extends, 'recommended');
  assert.deepEqual(printed.rules['no-implicit-flow'], ['error']);
  assert.deepEqual(printed.rules['no-localhost-redirect'], ['error']);
  assert.deepEqual(printed.rules['token-lifetime-policy'], ['warning', { maxAccessToken: '1h', maxIdToken: '1h', maxRefreshToken: '30d' }]);
  const other = JSON.parse((await runCli(['--print-config', 'dev/stack.yaml'], root)).stdout) as { rules: Record<string, unknown[]> };
  assert.deepEqual(other.rules['no-localhost-redirect'], ['off']);
});
