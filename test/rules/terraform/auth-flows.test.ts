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

test('refresh-rotation-conflict: the refresh_token_rotation block', () => {
  const id = 'refresh-rotation-conflict';
  table(id, [
    ['rotation with the default flows', ['refresh_token_rotation {', '  feature = "ENABLED"', '}'], [at(id, 5, 15, 5, 24)]],
    ['rotation with ALLOW_REFRESH_TOKEN_AUTH', ['explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"]', 'refresh_token_rotation {', '  feature = "ENABLED"', '}'], [at(id, 4, 26, 4, 52)]],
    ['rotation without it', ['explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]', 'refresh_token_rotation {', '  feature = "ENABLED"', '}'], []],
    ['dynamic block over an unknown list: silent', ['dynamic "refresh_token_rotation" {', '  for_each = var.rotation', '  content {', '    feature = "ENABLED"', '  }', '}'], []],
    ['dynamic block over a one-item list (reported at the item it iterates over)', ['dynamic "refresh_token_rotation" {', '  for_each = ["ENABLED"]', '  content {', '    feature = refresh_token_rotation.value', '  }', '}'], [at(id, 5, 17, 5, 26)]],
  ]);
});

test('refresh-token-rotation', () => {
  const id = 'refresh-token-rotation';
  table(id, [
    ['absent: reported at the client label', [], [at(id, 1, 41, 1, 46)]],
    ['DISABLED', ['refresh_token_rotation {', '  feature = "DISABLED"', '}'], [at(id, 5, 15, 5, 25)]],
    ['ENABLED', ['explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"]', 'refresh_token_rotation {', '  feature = "ENABLED"', '}'], []],
  ]);
});
