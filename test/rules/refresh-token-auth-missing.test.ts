import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_SPELLING, renderFix } from '../../src/message';
import { terraformSpelling } from '../../src/load/terraform-names';
import { ruleTester } from '../rule-tester';
import { CFN, TF } from './fixture-parts';

test('the add fix, and a list set, in each spelling', () => {
  assert.equal(renderFix({ add: ['ExplicitAuthFlows', 'ALLOW_REFRESH_TOKEN_AUTH'] }, API_SPELLING), 'add "ALLOW_REFRESH_TOKEN_AUTH" to ExplicitAuthFlows');
  assert.equal(renderFix({ add: ['ExplicitAuthFlows', 'ALLOW_REFRESH_TOKEN_AUTH'] }, terraformSpelling('aws')), 'add "ALLOW_REFRESH_TOKEN_AUTH" to explicit_auth_flows');
  assert.equal(renderFix({ set: ['ExplicitAuthFlows', '["ALLOW_REFRESH_TOKEN_AUTH"]'] }, terraformSpelling('aws')), 'explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"]');
  assert.equal(renderFix({ set: ['PreventUserExistenceErrors', 'ENABLED'] }, terraformSpelling('aws')), 'prevent_user_existence_errors = "ENABLED"');
});

const ID = 'refresh-token-auth-missing';
const MESSAGE =
  'ExplicitAuthFlows does not allow ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is not enabled, so tokens of this client cannot be refreshed with REFRESH_TOKEN_AUTH and users sign in again when they expire (older API versions reject such a list: "REFRESH_TOKEN_AUTH should always be allowed"). Add ALLOW_REFRESH_TOKEN_AUTH: add "ALLOW_REFRESH_TOKEN_AUTH" to ExplicitAuthFlows.';

ruleTester(ID, {
  valid: [
    { name: 'refresh auth listed', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'ExplicitAuthFlows absent: the default list has refresh auth', client: {} },
    { name: 'rotation enabled refreshes without REFRESH_TOKEN_AUTH', client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } },
    { name: 'legacy names imply refresh auth', client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] } },
    { name: 'legacy USER_PASSWORD_AUTH', client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'] } },
    { name: 'empty list: no SDK sign-in at all', client: { ExplicitAuthFlows: [] } },
    { name: 'ALLOW_CLIENT_TOKEN_AUTH must be the only flow', client: { ExplicitAuthFlows: ['ALLOW_CLIENT_TOKEN_AUTH'] } },
  ],
  invalid: [
    {
      name: 'SRP only: at the ExplicitAuthFlows key',
      client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] },
      output: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      fixType: 'remediation',
      errors: [
        {
          at: 'ExplicitAuthFlows',
          on: 'key',
          message: {
            api: MESSAGE,
            terraform: 'explicit_auth_flows does not allow ALLOW_REFRESH_TOKEN_AUTH while refresh token rotation is not enabled, so tokens of this client cannot be refreshed with REFRESH_TOKEN_AUTH and users sign in again when they expire (older API versions reject such a list: "REFRESH_TOKEN_AUTH should always be allowed"). Add ALLOW_REFRESH_TOKEN_AUTH: add "ALLOW_REFRESH_TOKEN_AUTH" to explicit_auth_flows.',
          },
        },
      ],
    },
    { name: 'several flows, none refresh', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows', on: 'key' }] },
    {
      name: 'rotation written as DISABLED',
      client: { RefreshTokenRotation: { Feature: 'DISABLED' }, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
      errors: [{ at: 'ExplicitAuthFlows', on: 'key', message: /^(ExplicitAuthFlows|explicit_auth_flows) does not allow ALLOW_REFRESH_TOKEN_AUTH while (RefreshTokenRotation\.Feature|refresh_token_rotation\.feature) is DISABLED, so / }],
    },
  ],
  fixtures: [
    {
      name: 'an unknown item may be ALLOW_REFRESH_TOKEN_AUTH',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, !Ref Flow]
`,
    },
    {
      name: 'whole list from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: !GetAtt Settings.Flows
`,
    },
    {
      name: 'Feature from a Ref without a default may be ENABLED',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation: {Feature: !Ref Rotation}
      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]
`,
    },
    {
      name: 'CloudFormation YAML: at the key',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]
      ^~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Terraform: at the argument name, HCL spelling',
      path: 'main.tf',
      text: `${TF}  explicit_auth_flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_CUSTOM_AUTH"]
  ^~~~~~~~~~~~~~~~~~~ a
}
`,
      errors: [{ at: 'a', message: /Add ALLOW_REFRESH_TOKEN_AUTH: add "ALLOW_REFRESH_TOKEN_AUTH" to explicit_auth_flows\.$/ }],
    },
  ],
});
