// Security rules about user existence, secrets, attributes, analytics and duplicates on Terraform
// clients: exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runWithSuppressions } from '../../helpers';
import { at, client, useHclParser } from '../../terraform-helpers';

useHclParser();

type Case = [string, string[], Array<ReturnType<typeof at>>];
function table(id: string, cases: Case[]): void {
  for (const [name, lines, expected] of cases) assert.deepEqual(positions(id, 'main.tf', client(...lines)), expected, `${id}: ${name}`);
}

test('analytics-pinpoint-deprecated: the analytics_configuration block', () => {
  const id = 'analytics-pinpoint-deprecated';
  table(id, [
    ['block', ['analytics_configuration {', '  application_id = "abc"', '  external_id = "x"', '  role_arn = aws_iam_role.a.arn', '}'], [at(id, 4, 3, 4, 26)]],
    ['no block', [], []],
  ]);
});

test('duplicate-values', () => {
  const id = 'duplicate-values';
  table(id, [
    ['repeated scope and callback', ['allowed_oauth_scopes = ["openid", "email", "openid"]', 'callback_urls = [', '  "https://a.mycompany.com/cb",', '  "https://a.mycompany.com/cb",', ']'], [at(id, 4, 46, 4, 54), at(id, 7, 5, 7, 33)]],
    ['concat of two known lists', ['explicit_auth_flows = concat(["ALLOW_USER_SRP_AUTH"], ["ALLOW_USER_SRP_AUTH"])'], [at(id, 4, 58, 4, 79)]],
    ['toset() removes repeats', ['allowed_oauth_scopes = toset(["openid", "openid"])'], []],
  ]);
});

test('suppression comments work in HCL', () => {
  const text = client('# cognito-lint-disable-next-line no-implicit-flow -- legacy SPA', 'allowed_oauth_flows = ["implicit"]', '// cognito-lint-disable-next-line prevent-user-existence-errors', 'prevent_user_existence_errors = "LEGACY"');
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 'main.tf', text), []);
  assert.deepEqual(runWithSuppressions('prevent-user-existence-errors', 'main.tf', text), []);
  // Without the comment the finding is there.
  assert.equal(runWithSuppressions('no-implicit-flow', 'main.tf', text.replace('# cognito-lint-disable-next-line no-implicit-flow -- legacy SPA', '# a comment')).length, 1);
});
