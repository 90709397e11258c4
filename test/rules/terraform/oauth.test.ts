// OAuth rules on Terraform clients (aws and awscc providers): exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

type Case = [string, string[], Array<ReturnType<typeof at>>];
function table(id: string, cases: Case[]): void {
  for (const [name, lines, expected] of cases) assert.deepEqual(positions(id, 'main.tf', client(...lines)), expected, `${id}: ${name}`);
}

test('oauth-config-complete', () => {
  const id = 'oauth-config-complete';
  table(id, [
    ['code without callbacks', ['allowed_oauth_flows_user_pool_client = true', 'allowed_oauth_flows = ["code"]', 'allowed_oauth_scopes = ["openid"]'], [at(id, 5, 26, 5, 32)]],
    ['complete', ['allowed_oauth_flows_user_pool_client = true', 'allowed_oauth_flows = ["code"]', 'allowed_oauth_scopes = ["openid"]', 'callback_urls = ["https://app.mycompany.com/cb"]'], []],
  ]);
});

test('scope-defined: aws_cognito_resource_server blocks of the same pool', () => {
  const id = 'scope-defined';
  const server = ['resource "aws_cognito_resource_server" "orders" {', '  identifier   = "orders"', '  name         = "Orders"', '  user_pool_id = aws_cognito_user_pool.pool.id', '  scope {', '    scope_name        = "read"', '    scope_description = "Read"', '  }', '}', ''].join('\n');
  // The server takes lines 1-9: the client's line 4 is line 13.
  const withClient = (...lines: string[]): string => server + client(...lines);
  assert.deepEqual(positions(id, 'main.tf', withClient('allowed_oauth_scopes = ["orders/read", "orders/write", "openid"]')), [at(id, 13, 42, 13, 56)]);
  assert.deepEqual(positions(id, 'main.tf', withClient('allowed_oauth_scopes = ["orders/read", "openid"]')), []);
  // Another pool: not known.
  assert.deepEqual(positions(id, 'main.tf', server.replace('aws_cognito_user_pool.pool.id', 'aws_cognito_user_pool.other.id') + client('allowed_oauth_scopes = ["orders/write"]')), []);
  // Dynamic scope blocks over a known list are folded; over an unknown one they make the server's scopes unknown.
  const dynamic = (forEach: string): string =>
    ['resource "aws_cognito_resource_server" "orders" {', '  identifier   = "orders"', '  user_pool_id = aws_cognito_user_pool.pool.id', '  dynamic "scope" {', `    for_each = ${forEach}`, '    content {', '      scope_name        = scope.value', '      scope_description = scope.value', '    }', '  }', '}', ''].join('\n') +
    client('allowed_oauth_scopes = ["orders/read", "orders/delete"]');
  assert.deepEqual(positions(id, 'main.tf', dynamic('["read", "write"]')), [at(id, 15, 42, 15, 57)]);
  assert.deepEqual(positions(id, 'main.tf', dynamic('var.scopes')), []);
  // awscc resource server: `scopes` list of objects.
  const awscc = ['resource "awscc_cognito_user_pool_resource_server" "orders" {', '  identifier   = "orders"', '  user_pool_id = aws_cognito_user_pool.pool.id', '  scopes = [{ scope_name = "read", scope_description = "Read" }]', '}', ''].join('\n');
  assert.deepEqual(positions(id, 'main.tf', awscc + client('allowed_oauth_scopes = ["orders/write"]')), [at(id, 9, 27, 9, 41)]);
  const [row] = runRule(id, 'main.tf', withClient('allowed_oauth_scopes = ["orders/write"]'));
  assert.match(row!.message, /"orders\/write".*\(defined: orders\/read\)/);
});
