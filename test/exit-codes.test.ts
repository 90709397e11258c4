// The exit-code contract (ENGINEERING.md): 0 nothing at or above --fail-on, 1 findings at or above it
// (a file that does not parse is a finding), 2 usage or configuration error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './cli-helpers';
import { TEMPLATE, project } from './fixtures';

const WARNING_ONLY = TEMPLATE.replace('LEGACY', 'ENABLED');
const NOTE_ONLY = WARNING_ONLY.replace('[code, implicit]', '[code]');

test('exit codes for every situation', async () => {
  const root = project({
    'errors/stack.yaml': TEMPLATE,
    'warnings/stack.yaml': WARNING_ONLY,
    'notes/stack.yaml': NOTE_ONLY,
    'clean/request.json': '{"UserPoolId": "us-east-1_a", "ClientName": "x", "PreventUserExistenceErrors": "ENABLED"}',
    'broken/stack.yaml': 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [\n',
    'bad-config/.cognito-lint.yaml': 'rules:\n  nope: error\n',
    'bad-config/stack.yaml': TEMPLATE,
    'baseline.json': '[]',
  });
  const cases: Array<[string[], number, string]> = [
    [['clean'], 0, 'no findings'],
    [['warnings'], 0, 'warnings below the default --fail-on error'],
    [['warnings', '--fail-on', 'warning'], 1, 'warnings at --fail-on warning'],
    [['notes', '--rule', 'no-localhost-redirect=note', '--fail-on', 'note'], 1, 'a note at --fail-on note'],
    [['notes', '--rule', 'no-localhost-redirect=note'], 0, 'a note below the default'],
    [['errors'], 1, 'errors'],
    [['errors', '--fail-on', 'none'], 0, '--fail-on none'],
    [['broken'], 1, 'a parse error is a finding'],
    [['errors', '--write-baseline', 'new-baseline.json'], 0, 'writing a baseline'],
    [['--help'], 0, 'help'],
    [['--version'], 0, 'version'],
    [['--list-rules'], 0, 'list rules'],
    [['--print-config', 'errors/stack.yaml'], 0, 'print config'],
    [['--no-such-flag'], 2, 'unknown flag'],
    [['--format', 'xml'], 2, 'bad flag value'],
    [['missing-dir'], 2, 'missing path'],
    [['clean', '--rule', 'no-implicit-flow'], 2, 'malformed --rule'],
    [['clean', '--max-file-size', 'big'], 2, 'bad --max-file-size'],
    [['clean', '--baseline', 'baseline.json'], 2, 'malformed baseline'],
    [['clean', '--config', 'missing.yaml'], 2, 'missing config'],
  ];
  for (const [args, code, why] of cases) {
    const run = await runCli(args, root);
    assert.equal(run.code, code, `${why}: cognito-lint ${args.join(' ')}\n${run.stderr}`);
    if (code === 2) assert.match(run.stderr, /^cognito-lint: /, why);
    else assert.doesNotMatch(run.stderr, /internal error/, why);
  }
  const badConfig = await runCli(['.'], `${root}/bad-config`);
  assert.equal(badConfig.code, 2);
});
