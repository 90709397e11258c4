// Suppression comments in HCL (the security rules' tables are in test/rules/<rule>.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runWithSuppressions } from '../../helpers';
import { client, useHclParser } from '../../terraform-helpers';

useHclParser();

test('suppression comments work in HCL', () => {
  const text = client('# cognito-lint-disable-next-line no-implicit-flow -- legacy SPA', 'allowed_oauth_flows = ["implicit"]', '// cognito-lint-disable-next-line prevent-user-existence-errors', 'prevent_user_existence_errors = "LEGACY"');
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 'main.tf', text), []);
  assert.deepEqual(runWithSuppressions('prevent-user-existence-errors', 'main.tf', text), []);
  // Without the comment the finding is there.
  assert.equal(runWithSuppressions('no-implicit-flow', 'main.tf', text.replace('# cognito-lint-disable-next-line no-implicit-flow -- legacy SPA', '# a comment')).length, 1);
});
