// lint(): the one entry point the CLI and the tests share (discovery with the configuration's ignores,
// parser start, load, evaluate, filter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/lint';
import { EffectiveConfig } from '../src/config';
import { loadAllRules } from '../rules';
import { REPO_ROOT } from './golden';
import { runCli } from './cli-helpers';
import { project } from './fixtures';

const rules = loadAllRules();
const recommended = new EffectiveConfig(rules, { preset: 'recommended' }, REPO_ROOT);

test('lint() over examples/ reports exactly what the CLI reports', async () => {
  const run = await lint({ cwd: REPO_ROOT, paths: ['examples'], rules, config: recommended, today: '2026-12-01' });
  const cli = JSON.parse((await runCli(['examples', '--format', 'json'])).stdout) as { results: Array<{ ruleId: string; file: string; line: number; column: number }> };
  assert.deepEqual(
    run.findings.map((finding) => `${finding.file.path}:${finding.region.start.line}:${finding.region.start.column} ${finding.ruleId}`),
    cli.results.map((result) => `${result.file}:${result.line}:${result.column} ${result.ruleId}`),
  );
  assert.ok(run.result.clients > 0 && run.result.filesScanned >= run.result.filesWithClients);
});

test("lint() applies the configuration's ignores, suppressions, and starts the HCL parser itself", async () => {
  const root = project({
    'ignored/stack.tf': 'resource "aws_cognito_user_pool_client" "a" {\n  name = "a"\n  user_pool_id = "us-east-1_AbCdEfGhI"\n}\n',
    'main.tf': '# cognito-lint-disable-next-line prevent-user-existence-errors -- internal tool\nresource "aws_cognito_user_pool_client" "b" {\n  name = "b"\n  user_pool_id = "us-east-1_AbCdEfGhI"\n  callback_urls = ["http://b.acme-corp.com/cb"]\n}\n',
  });
  const config = new EffectiveConfig(rules, { preset: 'recommended', configFile: `${root}/.cognito-lint.yaml`, ignores: ['ignored/**'] }, root);
  const run = await lint({ cwd: root, paths: ['.'], rules, config, today: '2026-12-01' });
  assert.deepEqual(
    run.findings.map((finding) => `${finding.file.path}:${finding.region.start.line} ${finding.ruleId}`),
    ['main.tf:5 oauth-requires-user-pool-client-flag', 'main.tf:5 redirect-uri-https'],
  );
  assert.equal(run.suppressed, 1);
  const unfiltered = await lint({ cwd: root, paths: ['.'], rules, config, today: '2026-12-01', inlineSuppressions: false });
  assert.deepEqual(unfiltered.findings.map((finding) => finding.ruleId).sort(), ['oauth-requires-user-pool-client-flag', 'prevent-user-existence-errors', 'redirect-uri-https']);
});
