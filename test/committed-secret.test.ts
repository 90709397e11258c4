// A client secret written in a linted file never leaves cognito-lint whole: every output format, the
// output file and the baseline show at most its first 4 characters (no-committed-client-secret, and
// every other rule that reports near the secret: schema, client-secret-conflict).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepository, lintBin } from './bin-helpers';
import { FORMAT_NAMES } from '../src/format';

/** Built at run time, so no secret-shaped literal sits in the repository. */
const SECRET = ['q8w3n5b7', 'x2m4k6j9', 'h1g5f3d7', 's2a4p6l8', 'z0c9v1'].join('');
/** Fails the API pattern (schema quotes such values) and is too long (schema's maxLength). */
const BROKEN = `${SECRET}-${SECRET}`;

const FILES: Record<string, string> = {
  'create.json': JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: 'web', GenerateSecret: true, ClientSecret: SECRET }, null, 2),
  'describe.json': JSON.stringify({ UserPoolClient: { UserPoolId: 'us-east-1_abc', ClientName: 'web', ClientId: 'abc', ClientSecret: SECRET } }, null, 2),
  'broken.json': JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: 'web', ClientSecret: BROKEN }, null, 2),
  'plan.json': JSON.stringify(
    {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'aws_cognito_user_pool_client.web',
          mode: 'managed',
          type: 'aws_cognito_user_pool_client',
          name: 'web',
          change: { actions: ['update'], after: { name: 'web', user_pool_id: 'us-east-1_abc', generate_secret: true, client_secret: SECRET }, after_unknown: {} },
        },
      ],
    },
    null,
    2,
  ),
};

/** The full secrets, and anything longer than the 4 characters the outputs may show. */
function assertMasked(output: string, where: string): void {
  for (const secret of [SECRET, BROKEN]) assert.ok(!output.includes(secret.slice(0, 5)), `${where} shows more than 4 characters of a secret:\n${output}`);
}

const repo = gitRepository(FILES);

for (const format of FORMAT_NAMES) {
  test(`--format ${format}: stdout shows only the first 4 characters of each secret`, () => {
    const run = lintBin(repo, ['.', '--format', format, '--preset', 'all']);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /no-committed-client-secret/);
    // The secret findings of each kind are there, and so are the other rules' findings at the secret.
    for (const rule of ['schema', 'client-secret-conflict']) assert.match(run.stdout, new RegExp(rule));
    assert.match(run.stdout, /q8w3…/);
    assertMasked(run.stdout, `stdout (${format})`);
    assertMasked(run.stderr, `stderr (${format})`);
  });
}

test('--output-file (sarif, json) and --write-baseline show only the first 4 characters', () => {
  for (const format of ['sarif', 'json']) {
    const file = `report.${format}`;
    const run = lintBin(repo, ['create.json', 'describe.json', 'broken.json', 'plan.json', '--format', format, '--output-file', file]);
    assert.equal(run.stdout, '');
    const report = readFileSync(join(repo, file), 'utf8');
    assert.match(report, /no-committed-client-secret/);
    assertMasked(report, file);
  }
  const write = lintBin(repo, ['create.json', 'describe.json', 'broken.json', 'plan.json', '--preset', 'all', '--write-baseline', 'baseline.json']);
  assert.equal(write.code, 0, write.stderr);
  const baseline = readFileSync(join(repo, 'baseline.json'), 'utf8');
  assert.match(baseline, /"no-committed-client-secret\|describe\.json\|UserPoolClient\|ClientSecret\|\\"q8w3…\\""/);
  assertMasked(baseline, 'baseline.json');
  // The masked fingerprints still match: the baseline accepts the same findings.
  const again = lintBin(repo, ['create.json', 'describe.json', 'broken.json', 'plan.json', '--preset', 'all', '--baseline', 'baseline.json']);
  assert.equal(again.code, 0, again.stdout + again.stderr);
});
