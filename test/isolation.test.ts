// Nothing in any input is executed or fetched, and the tool makes no network request: the CLI runs
// over every example and the real-world corpus with networking and process creation made to fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './golden';
import { BIN } from './bin-helpers';
import { FORMAT_NAMES } from '../src/format';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

test('no network access and no child process, over examples and the corpus, in every format', () => {
  const preload = join(REPO_ROOT, 'test', 'fixtures', 'forbid-network.js');
  const inputs = [join(REPO_ROOT, 'examples'), ...(existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => !name.includes('.')).map((name) => join(CORPUS, name)) : [])];
  // A YAML tag that would run a command in an unsafe loader, and a `${}`/`{{resolve}}` that a resolver would fetch.
  const hostile = mkdtempSync(join(tmpdir(), 'cognito-lint-isolation-'));
  require('node:fs').writeFileSync(
    join(hostile, 'hostile.yaml'),
    'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: "{{resolve:ssm:/pool/id}}"\n      ClientName: !!python/object/apply:os.system ["curl http://example.invalid"]\n      CallbackURLs: ["${ssm:/callback}", !ImportValue Callback]\n',
  );
  // Control: the guard does catch an attempt.
  const control = spawnSync(process.execPath, ['-r', preload, '-e', "require('node:https').get('https://registry.npmjs.org')"], { encoding: 'utf8' });
  assert.match(control.stderr, /FORBIDDEN: http request/);
  for (const format of FORMAT_NAMES) {
    const run = spawnSync(process.execPath, ['-r', preload, BIN, ...inputs, hostile, '--format', format, '--fail-on', 'none', '--no-error-on-unmatched-pattern'], { encoding: 'utf8', cwd: REPO_ROOT });
    assert.doesNotMatch(run.stderr, /FORBIDDEN/, run.stderr);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stdout.length > 0);
  }
});
