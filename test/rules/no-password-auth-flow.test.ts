import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settingsForPreset } from '../../src/config';
import { loadAllRules, loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, TF, serverless } from './fixture-parts';

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  DebugFlow:
    Type: String
    Default: ALLOW_USER_PASSWORD_AUTH
Conditions:
  IsTest: !Equals [!Ref Env, test]
Resources:
${CLIENT_YAML}      ExplicitAuthFlows:
`;

ruleTester('no-password-auth-flow', {
  valid: [
    { name: 'absent: the default list has no password flow', client: {} },
    { name: 'SRP only', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'ALLOW_USER_AUTH is not reported by default', client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'includeUserAuth: the default list has no ALLOW_USER_AUTH', client: {}, options: { includeUserAuth: true } },
  ],
  invalid: [
    {
      name: 'each password flow is reported at its item',
      client: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH'] },
      errors: [{ at: 'ExplicitAuthFlows[0]' }, { at: 'ExplicitAuthFlows[2]' }],
    },
    { name: 'legacy names too', client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'] }, errors: [{ at: 'ExplicitAuthFlows[0]' }, { at: 'ExplicitAuthFlows[1]' }] },
    {
      name: 'message',
      client: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows allows "ALLOW_ADMIN_USER_PASSWORD_AUTH", which sends the user\'s password to Cognito instead of proving it with SRP; expected ALLOW_USER_SRP_AUTH. Remove "ALLOW_ADMIN_USER_PASSWORD_AUTH" and sign in with ALLOW_USER_SRP_AUTH.',
          },
        },
      ],
    },
    { name: 'one password flow (CDK authFlows.userPassword)', client: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[0]' }] },
    {
      name: 'includeUserAuth reports ALLOW_USER_AUTH, and the message never recommends it',
      client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      options: { includeUserAuth: true },
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows allows "ALLOW_USER_AUTH" (choice-based sign-in), which the ExplicitAuthFlows reference says covers username-password sign-in too, where the password itself goes to Cognito; expected ALLOW_USER_SRP_AUTH for password sign-in. Remove "ALLOW_USER_AUTH" and sign in with ALLOW_USER_SRP_AUTH.',
            terraform: /^explicit_auth_flows allows "ALLOW_USER_AUTH" \(choice-based sign-in\)/,
          },
        },
        { at: 'ExplicitAuthFlows[2]', message: /^(ExplicitAuthFlows|explicit_auth_flows) allows "ALLOW_USER_PASSWORD_AUTH".*sign in with ALLOW_USER_SRP_AUTH\.$/ },
      ],
    },
    { name: 'the second of two', client: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[1]' }] },
  ],
  fixtures: [
    {
      name: 'unknown item',
      path: 't.yaml',
      text: `${CFN}      ExplicitAuthFlows: [!Ref Flow, ALLOW_REFRESH_TOKEN_AUTH]
`,
    },
    {
      name: 'list from ImportValue',
      path: 't.yaml',
      text: `${CFN}      ExplicitAuthFlows: !ImportValue SharedFlows
`,
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}        - !If [IsTest, ALLOW_ADMIN_USER_PASSWORD_AUTH, !Ref AWS::NoValue]
                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
        - ALLOW_USER_SRP_AUTH
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}        - !Ref DebugFlow
          ^~~~~~~~~~~~~~ a
        - ALLOW_USER_SRP_AUTH
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "DebugFlow"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH"]}
                                                                         ^~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows:
          - \${self:custom.signInFlow}
          - ALLOW_REFRESH_TOKEN_AUTH
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows:
          - USER_PASSWORD_AUTH
            ^~~~~~~~~~~~~~~~~~
          - ALLOW_REFRESH_TOKEN_AUTH
`,
    },
    {
      name: 'terraform: from a local that is not defined',
      path: 'main.tf',
      text: `${TF}  explicit_auth_flows = local.flows
}
`,
    },
    {
      name: 'terraform: from a local of the same file (reported where the local writes it)',
      path: 'main.tf',
      text: `locals {
  flows = ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH"]
                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  explicit_auth_flows = local.flows
}
`,
    },
  ],
});

test('includeUserAuth: off by default and in recommended, on in strict', () => {
  assert.deepEqual(loadRule('no-password-auth-flow').meta.defaultOptions, { includeUserAuth: false });
  const rules = loadAllRules();
  assert.deepEqual(settingsForPreset(rules, 'recommended').get('no-password-auth-flow'), { severity: 'warning', options: { includeUserAuth: false } });
  assert.deepEqual(settingsForPreset(rules, 'all').get('no-password-auth-flow'), { severity: 'warning', options: { includeUserAuth: false } });
  assert.deepEqual(settingsForPreset(rules, 'strict').get('no-password-auth-flow'), { severity: 'error', options: { includeUserAuth: true } });
});

test('no message of the rule recommends ALLOW_USER_AUTH as the alternative', () => {
  for (const text of Object.values(loadRule('no-password-auth-flow').meta.messages)) assert.doesNotMatch(text, /\(or ALLOW_USER_AUTH\)|with ALLOW_USER_AUTH/);
});
