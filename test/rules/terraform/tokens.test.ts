// Token lifetime rules on Terraform clients: units from the token_validity_units block (or awscc's
// object attribute), exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

type Case = [string, string[], Array<ReturnType<typeof at>>];
function table(id: string, cases: Case[]): void {
  for (const [name, lines, expected] of cases) assert.deepEqual(positions(id, 'main.tf', client(...lines)), expected, `${id}: ${name}`);
}

test('token-validity-range', () => {
  const id = 'token-validity-range';
  table(id, [
    ['48 hours (default unit) and 30 minutes of refresh', ['access_token_validity = 48', 'refresh_token_validity = 30', 'token_validity_units {', '  refresh_token = "minutes"', '}'], [at(id, 4, 27, 4, 29), at(id, 5, 28, 5, 30)]],
    ['1440 minutes is exactly one day', ['id_token_validity = 1440', 'token_validity_units {', '  id_token = "minutes"', '}'], []],
    ['auth session 20 minutes', ['auth_session_validity = 20'], [at(id, 4, 27, 4, 29)]],
    ['retry grace period 90 seconds', ['refresh_token_rotation {', '  feature = "ENABLED"', '  retry_grace_period_seconds = 90', '}'], [at(id, 6, 34, 6, 36)]],
    ['numeric string (Terraform converts it)', ['access_token_validity = "48"'], [at(id, 4, 27, 4, 31)]],
    ['arithmetic on literals', ['access_token_validity = 24 * 2'], [at(id, 4, 27, 4, 33)]],
  ]);
  const awscc = ['resource "awscc_cognito_user_pool_client" "web" {', '  user_pool_id          = aws_cognito_user_pool.pool.id', '  access_token_validity = 2', '  token_validity_units = {', '    access_token = "days"', '  }', '}', ''].join('\n');
  assert.deepEqual(positions(id, 'main.tf', awscc), [at(id, 3, 27, 3, 28)]);
  const [row] = runRule(id, 'main.tf', client('access_token_validity = 48'));
  assert.match(row!.message, /48 hours \(2 days\), which exceeds the 1 day maximum/);
});
