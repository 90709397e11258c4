// CLI golden tests: one per input format in examples/, plus every output format over all examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertGolden } from './golden';
import { runCli } from './cli-helpers';

const FORMAT_EXAMPLES: Array<[string, string[]]> = [
  ['cloudformation-yaml', ['examples/cloudformation']],
  // Templates of templates: cookiecutter and Jinja holes are unknown values; a Helm chart that does not parse gets a note.
  ['templates', ['examples/templates']],
  ['sam', ['examples/sam']],
  ['cdk-synth', ['examples/cdk']],
  ['serverless', ['examples/serverless']],
  ['api-create-request-json', ['examples/api/create-request-bad.json', 'examples/api/create-request-good.json']],
  ['api-update-request-yaml', ['examples/api/update-request-bad.yaml', 'examples/api/update-request-good.yaml']],
  ['api-describe-output-json', ['examples/api/describe-output-bad.json', 'examples/api/describe-output-good.json']],
  // bad.tf and good.tf share variables.tf; both call the module in modules/app-client.
  ['terraform', ['examples/terraform']],
  // aws_cognito_managed_user_pool_client in OpenTofu .tofu files.
  ['opentofu', ['examples/opentofu']],
  // plan JSON of an update: the provider's 0, "" and [] for unset arguments are not reported.
  ['terraform-plan', ['examples/terraform-plan']],
  // Terraform JSON syntax as CDK for Terraform writes it: cdk.tf.json, variables in variables.tf.json.
  ['cdktf', ['examples/cdktf']],
];

for (const [name, paths] of FORMAT_EXAMPLES) {
  test(`text output for ${name} examples`, async () => {
    const run = await runCli(paths);
    assert.equal(run.stderr, '');
    assert.equal(run.code, 1, 'the bad example has errors');
    assertGolden(`${name}.txt`, run.stdout);
  });
}

test('every good example is clean under the strict preset', async () => {
  const run = await runCli(['examples/**/*good*', 'examples/cdk/cdk.out/GoodAuthStack.template.json', '--preset', 'strict']);
  assert.match(run.stdout, /^✔ no problems; checked \d+ files, \d+ clients\n$/);
  assert.equal(run.code, 0);
});

for (const format of ['json', 'sarif', 'github'] as const) {
  test(`${format} output over all examples`, async () => {
    const run = await runCli(['examples', '--format', format]);
    assert.equal(run.code, 1);
    assertGolden(`examples.${format === 'github' ? 'github.txt' : format + '.json'}`, run.stdout);
  });
}

test('output is byte-identical across runs and argument order', async () => {
  const first = await runCli(['examples/sam', 'examples/cloudformation', '--format', 'sarif']);
  const second = await runCli(['examples/cloudformation', 'examples/sam', '--format', 'sarif']);
  assert.equal(first.stdout, second.stdout);
});

test('exit codes: 0 clean, 1 findings, 2 usage error, --fail-on', async () => {
  assert.equal((await runCli(['examples/api/create-request-good.json'])).code, 0);
  assert.equal((await runCli(['examples/api/create-request-bad.json'])).code, 1);
  assert.equal((await runCli(['examples/api/create-request-bad.json', '--fail-on', 'none'])).code, 0);
  const missing = await runCli(['does-not-exist.yaml']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file or directory: does-not-exist\.yaml/);
  const badFlag = await runCli(['--format', 'xml']);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /is not one of/);
  // Only warnings: exit 0 by default, 1 with --fail-on warning.
  const warningsOnly = ['examples/serverless/bad/serverless.yml', '--preset', 'recommended'];
  const run = await runCli(warningsOnly.concat('--format', 'json'));
  const severities = new Set((JSON.parse(run.stdout) as { results: Array<{ severity: string }> }).results.map((r) => r.severity));
  assert.ok(severities.has('warning'));
});

test('--list-rules prints every rule with its severity', async () => {
  const run = await runCli(['--list-rules']);
  assert.equal(run.code, 0);
  assertGolden('list-rules.txt', run.stdout);
  const strict = await runCli(['--list-rules', '--preset', 'strict']);
  assert.doesNotMatch(strict.stdout, /\b(off|note|warning)\b {2}/);
});

test('--output-file writes the report and prints nothing', async () => {
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'cognito-lint-'));
  const out = join(dir, 'report.sarif');
  const run = await runCli(['examples/sam', '--format', 'sarif', '--output-file', out]);
  assert.equal(run.stdout, '');
  assert.equal(run.code, 1);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).version, '2.1.0');
});

test('a malformed file is a parse-error result and the run goes on with the other files', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'cognito-lint-broken-'));
  writeFileSync(join(dir, 'a-broken.json'), '{"UserPoolId": "us-east-1_abc",, "ClientName": "x"}');
  writeFileSync(join(dir, 'b-client.yaml'), 'UserPoolId: us-east-1_abc\nClientName: web\nPreventUserExistenceErrors: LEGACY\n');
  const run = await runCli(['.', '--format', 'json'], dir);
  const results = (JSON.parse(run.stdout) as { results: Array<{ file: string; ruleId: string; line: number; column: number }> }).results;
  assert.deepEqual(results.map((r) => [r.file, r.ruleId, r.line, r.column]), [
    ['a-broken.json', 'parse-error', 1, 32],
    ['b-client.yaml', 'prevent-user-existence-errors', 3, 29],
  ]);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, '');
});
