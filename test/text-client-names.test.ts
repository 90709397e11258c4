// Text output names the client of each problem: two clients that share a YAML alias give the same
// message at the same place, and only the name tells them apart. Runs the built binary in a git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitRepository, lintBin } from './bin-helpers';

/** The problem matcher the README gives for text output (line, column, severity, message, rule id). */
const PROBLEM_MATCHER = /^\s+(\d+):(\d+)\s+(error|warning|note)\s+(.*)\s{2}(\S+)$/;

/** The text problem lines, of one rule when `ruleId` is given. */
function problemLines(stdout: string, ruleId?: string): string[] {
  return stdout.split('\n').filter((line) => /^\s+\d+:\d+\s/.test(line) && (ruleId === undefined || line.endsWith(`  ${ruleId}`)));
}

test('two clients sharing a YAML alias: one line each, told apart by their logical ids', () => {
  const root = gitRepository({
    'template.yaml': `Resources:
  WebClient:
    Type: AWS::Cognito::UserPoolClient
    Properties: &client
      UserPoolId: !Ref Pool
      PreventUserExistenceErrors: LEGACY
  MobileClient:
    Type: AWS::Cognito::UserPoolClient
    Properties: *client
`,
  });
  const run = lintBin(root, ['template.yaml']);
  assert.equal(run.code, 1, run.stderr);
  const lines = problemLines(run.stdout, 'prevent-user-existence-errors');
  assert.equal(lines.length, 2, run.stdout);
  const messages = lines.map((line) => PROBLEM_MATCHER.exec(line)?.[4]);
  assert.deepEqual(messages.map((message) => message?.split(':')[0]).sort(), ['MobileClient', 'WebClient']);
  // The README's problem matcher still splits every line: the rule id stays last.
  for (const line of lines) assert.equal(PROBLEM_MATCHER.exec(line)?.[5], 'prevent-user-existence-errors', line);
});

test('Terraform: each instance by its address and key; a finding shared by every instance says how many', () => {
  const root = gitRepository({
    'main.tf': `resource "aws_cognito_user_pool_client" "web" {
  for_each     = { a = "LEGACY", b = "LEGACY", c = "ENABLED" }
  name         = each.key
  user_pool_id = "us-east-1_abc"
  prevent_user_existence_errors = each.value
  enable_token_revocation       = false
}
`,
  });
  const run = lintBin(root, ['main.tf']);
  assert.equal(run.code, 1, run.stderr);
  const messages = problemLines(run.stdout).map((line) => PROBLEM_MATCHER.exec(line)?.[4] ?? line);
  // Written once in the block: one line for all three instances.
  assert.ok(messages.some((message) => message.startsWith('aws_cognito_user_pool_client.web["a"] and 2 more instances: enable_token_revocation is false')), run.stdout);
  // Different per instance (each.value): the instances whose value is LEGACY, each by its key.
  const legacy = messages.filter((message) => message.includes('prevent_user_existence_errors is "LEGACY"')).map((message) => message.split(': ')[0]);
  assert.deepEqual(legacy.sort(), ['aws_cognito_user_pool_client.web["a"]', 'aws_cognito_user_pool_client.web["b"]'], run.stdout);
});

test('a file-level problem has no client name', () => {
  const root = gitRepository({ 'request.json': '{"UserPoolId": "us-east-1_abc", "ClientName": "web",' });
  const run = lintBin(root, ['request.json']);
  const [line] = problemLines(run.stdout);
  assert.match(line!, /^\s+\d+:\d+\s+error\s{2}(?!\S+: )/);
});
