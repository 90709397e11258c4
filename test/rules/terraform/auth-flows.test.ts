// ExplicitAuthFlows and refresh token rotation rules on Terraform clients: exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

type Case = [string, string[], Array<ReturnType<typeof at>>];
function table(id: string, cases: Case[]): void {
  for (const [name, lines, expected] of cases) assert.deepEqual(positions(id, 'main.tf', client(...lines)), expected, `${id}: ${name}`);
}

test('refresh-token-rotation', () => {
  const id = 'refresh-token-rotation';
  table(id, [
    ['absent: reported at the client label', [], [at(id, 1, 41, 1, 46)]],
    ['DISABLED', ['refresh_token_rotation {', '  feature = "DISABLED"', '}'], [at(id, 5, 15, 5, 25)]],
    ['ENABLED', ['explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]', 'refresh_token_rotation {', '  feature = "ENABLED"', '}'], []],
  ]);
});
