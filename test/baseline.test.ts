// Baselines: keyed by rule, file, client, member and offending value (no line numbers, no list
// indexes); moved lines stay accepted, new findings fail, stale entries are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from './cli-helpers';
import { TEMPLATE, project } from './fixtures';

test('write a baseline, then only new findings fail, also after lines move', async () => {
  const root = project({ 'stacks/web.yaml': TEMPLATE });
  const write = await runCli(['.', '--write-baseline', 'cognito-lint-baseline.json'], root);
  assert.equal(write.code, 0);
  assert.match(write.stderr, /wrote 2 findings to cognito-lint-baseline\.json/);
  const baseline = JSON.parse(readFileSync(join(root, 'cognito-lint-baseline.json'), 'utf8')) as { entries: Array<{ fingerprint: string }> };
  assert.deepEqual(baseline.entries.map((e) => e.fingerprint), [
    'no-implicit-flow|stacks/web.yaml|WebClient|AllowedOAuthFlows[]|"implicit"',
    'prevent-user-existence-errors|stacks/web.yaml|WebClient|PreventUserExistenceErrors|"LEGACY"',
  ]);

  const accepted = await runCli(['.', '--baseline', 'cognito-lint-baseline.json'], root);
  // Two files: the template and the baseline (JSON without a client).
  assert.deepEqual([accepted.code, accepted.stdout, accepted.stderr], [0, '✔ no problems; checked 2 files, 1 client\n', '']);

  // Lines move (a comment and a new member above): still accepted. A new problem fails.
  writeFileSync(join(root, 'stacks/web.yaml'), TEMPLATE.replace('    Properties:\n', '    # moved\n    Properties:\n      ClientName: web\n'));
  assert.equal((await runCli(['.', '--baseline', 'cognito-lint-baseline.json'], root)).code, 0);
  writeFileSync(join(root, 'stacks/web.yaml'), TEMPLATE.replace('[openid]', '[openid]\n      EnableTokenRevocation: false'));
  const fresh = await runCli(['.', '--baseline', 'cognito-lint-baseline.json'], root);
  assert.equal(fresh.code, 1);
  assert.match(fresh.stdout, /token-revocation-enabled/);
  assert.doesNotMatch(fresh.stdout, /prevent-user-existence-errors/);
});

test('stale entries are reported on stderr; the baseline is independent of the working directory', async () => {
  const root = project({ 'stacks/web.yaml': TEMPLATE });
  await runCli(['.', '--write-baseline', 'baseline.json'], root);
  writeFileSync(join(root, 'stacks/web.yaml'), TEMPLATE.replace('LEGACY', 'ENABLED'));
  const run = await runCli(['web.yaml', '--baseline', '../baseline.json'], join(root, 'stacks'));
  assert.equal(run.code, 0);
  assert.match(run.stderr, /baseline entry no longer found \(1x prevent-user-existence-errors in stacks\/web\.yaml WebClient PreventUserExistenceErrors\)/);
});

test('a missing or malformed baseline is a usage error (exit 2)', async () => {
  const root = project({ 'web.yaml': TEMPLATE, 'bad.json': '{"entries": 3}' });
  const missing = await runCli(['.', '--baseline', 'none.json'], root);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /none\.json: cannot read the baseline \(ENOENT\); create it with --write-baseline none\.json/);
  const malformed = await runCli(['.', '--baseline', 'bad.json'], root);
  assert.equal(malformed.code, 2);
  assert.match(malformed.stderr, /bad\.json: not a cognito-lint baseline/);
});
