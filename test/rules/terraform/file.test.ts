// parse-error, duplicate-key and schema on Terraform files: positions, and messages in Terraform's names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

test('duplicate-key: a repeated argument or block inside a client', () => {
  const id = 'duplicate-key';
  const text = client('prevent_user_existence_errors = "ENABLED"', 'prevent_user_existence_errors = "LEGACY"', 'token_validity_units {', '  access_token = "hours"', '}', 'token_validity_units {', '  access_token = "minutes"', '}');
  assert.deepEqual(positions(id, 'main.tf', text), [at(id, 5, 3, 5, 32), at(id, 9, 3, 9, 23)]);
  // Outside a client block it is Terraform's business (here: a variable block).
  assert.deepEqual(positions(id, 'main.tf', 'variable "x" {\n  default = 1\n  default = 2\n}\n'), []);
});

test('schema: misspelt attributes suggest the Terraform name', () => {
  const id = 'schema';
  const rows = runRule(id, 'main.tf', client('callback_url = ["https://app.mycompany.com/cb"]', 'token_validity_units {', '  access_tokens = "hours"', '}'));
  assert.deepEqual(
    rows.map((row) => [row.line, row.column, row.endLine, row.endColumn, row.message]),
    [
      [4, 3, 4, 15, '"callback_url" is not a member of aws_cognito_user_pool_client; did you mean "callback_urls"? Rename it.'],
      [6, 5, 6, 18, '"access_tokens" is not a member of token_validity_units; did you mean "access_token"? Rename it.'],
    ],
  );
});

test('schema: values are judged with Terraform paths; name is required; meta-arguments are not members', () => {
  const id = 'schema';
  const text = [
    'resource "aws_cognito_user_pool_client" "web" {',
    '  count               = 2',
    '  provider            = aws.eu',
    '  user_pool_id        = aws_cognito_user_pool.pool.id',
    '  generate_secret     = "yes"',
    '  explicit_auth_flows = ["ALLOW_USER_SRP"]',
    '  depends_on          = [aws_cognito_user_pool.pool]',
    '  refresh_token_rotation {',
    '    retry_grace_period_seconds = 10',
    '  }',
    '  lifecycle {',
    '    ignore_changes = [generate_secret]',
    '  }',
    '}',
    '',
  ].join('\n');
  const rows = runRule(id, 'main.tf', text);
  assert.deepEqual(
    rows.map((row) => [row.line, row.column, row.endLine, row.endColumn]),
    [
      [1, 41, 1, 46],
      [5, 25, 5, 30],
      [6, 26, 6, 42],
      [8, 3, 8, 25],
    ],
  );
  assert.equal(rows[0]!.message, 'name is required in aws_cognito_user_pool_client but is missing. Add name.');
  assert.equal(rows[1]!.message, 'generate_secret is the string "yes"; expected a boolean (true or false). Write it as a boolean (true or false).');
  assert.match(rows[2]!.message, /^explicit_auth_flows\[0\] is "ALLOW_USER_SRP"; did you mean "ALLOW_USER_SRP_AUTH"\?/);
  assert.equal(rows[3]!.message, 'feature is required in refresh_token_rotation but is missing. Add feature.');
});

test('schema: awscc follows CloudFormation (client_name optional) and its own spellings', () => {
  const id = 'schema';
  const text = ['resource "awscc_cognito_user_pool_client" "web" {', '  user_pool_id  = aws_cognito_user_pool.pool.id', '  callback_urls = ["https://app.mycompany.com/cb"]', '}', ''].join('\n');
  const rows = runRule(id, 'main.tf', text);
  assert.deepEqual(
    rows.map((row) => [row.line, row.column, row.endLine, row.endColumn, row.message]),
    [[3, 3, 3, 16, '"callback_urls" is not a member of awscc_cognito_user_pool_client; did you mean "callback_ur_ls"? Rename it.']],
  );
});
