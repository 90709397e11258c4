import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester, type InvalidCase } from '../rule-tester';
import { lintFindings } from '../helpers';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

/** One legacy name alone: the fix names the whole equivalent list, SRP and refresh included. */
const legacy = (name: string, equivalent: string[]): InvalidCase => ({
  name: `[${name}] becomes [${equivalent.join(', ')}]`,
  client: { ExplicitAuthFlows: [name] },
  output: { ExplicitAuthFlows: equivalent },
  fixType: 'fix',
  errors: [
    {
      at: 'ExplicitAuthFlows[0]',
      message: {
        api: `ExplicitAuthFlows uses the deprecated name "${name}"; expected ALLOW_* names only. A list of legacy names also allows ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH without naming them, so the equivalent list names them too: ExplicitAuthFlows: ${JSON.stringify(equivalent)}.`,
        terraform: `explicit_auth_flows uses the deprecated name "${name}"; expected ALLOW_* names only. A list of legacy names also allows ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH without naming them, so the equivalent list names them too: explicit_auth_flows = ${JSON.stringify(equivalent)}.`,
      },
    },
  ],
});

test('the fix sets the whole equivalent list, the same one on every finding of the list', async () => {
  const findings = await lintFindings('no-legacy-auth-flow-names', 'request.json', JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: 'c', ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] }));
  assert.deepEqual(
    findings.map((finding) => finding.fix),
    [
      { set: ['ExplicitAuthFlows', '["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]'] },
      { set: ['ExplicitAuthFlows', '["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]'] },
    ],
  );
  // A mixed list (which the service rejects) only changes its names; explicit-auth-flows-no-legacy-mix proposes the same list.
  const mixed = JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: 'c', ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const expected = [{ set: ['ExplicitAuthFlows', '["ALLOW_USER_PASSWORD_AUTH","ALLOW_REFRESH_TOKEN_AUTH"]'] }];
  assert.deepEqual((await lintFindings('no-legacy-auth-flow-names', 'request.json', mixed)).map((finding) => finding.fix), expected);
  assert.deepEqual((await lintFindings('explicit-auth-flows-no-legacy-mix', 'request.json', mixed)).map((finding) => finding.fix), expected);
});

ruleTester('no-legacy-auth-flow-names', {
  valid: [
    { name: 'ALLOW_ names only', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'absent: the default list has ALLOW_ names', client: {} },
  ],
  invalid: [
    legacy('ADMIN_NO_SRP_AUTH', ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    legacy('USER_PASSWORD_AUTH', ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    {
      name: '[CUSTOM_AUTH_FLOW_ONLY] has no documented equivalent: no fix',
      client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY'] },
      output: null,
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows uses the deprecated name "CUSTOM_AUTH_FLOW_ONLY"; expected ALLOW_* names only. No ALLOW_* list is documented as its equivalent (whether it kept SRP sign-in is undocumented), so it is not rewritten automatically: list the flows the application uses, for example ALLOW_CUSTOM_AUTH and ALLOW_REFRESH_TOKEN_AUTH.',
            terraform: /^explicit_auth_flows uses the deprecated name "CUSTOM_AUTH_FLOW_ONLY"; expected ALLOW_\* names only\. No ALLOW_\* list/,
          },
        },
      ],
    },
    {
      name: 'every legacy item of a mixed list; the fix renames only',
      client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] },
      output: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] },
      fixType: 'fix',
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows uses the deprecated name "ADMIN_NO_SRP_AUTH"; expected its ALLOW_* form "ALLOW_ADMIN_USER_PASSWORD_AUTH". Write the list with ALLOW_* names only: ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH"].',
            terraform: 'explicit_auth_flows uses the deprecated name "ADMIN_NO_SRP_AUTH"; expected its ALLOW_* form "ALLOW_ADMIN_USER_PASSWORD_AUTH". Write the list with ALLOW_* names only: explicit_auth_flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH"].',
          },
        },
        { at: 'ExplicitAuthFlows[1]' },
      ],
    },
    {
      name: 'a mixed list holding CUSTOM_AUTH_FLOW_ONLY: no fix',
      client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] },
      output: null,
      errors: [{ at: 'ExplicitAuthFlows[0]', message: /No ALLOW_\* list is documented as its equivalent/ }, { at: 'ExplicitAuthFlows[1]', message: /expected its ALLOW_\* form "ALLOW_USER_PASSWORD_AUTH"\. Replace / }],
    },
    {
      name: 'two legacy names: one list, SRP and refresh once',
      client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] },
      errors: [
        { at: 'ExplicitAuthFlows[0]', message: /: (ExplicitAuthFlows: |explicit_auth_flows = )\["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"\]\.$/ },
        { at: 'ExplicitAuthFlows[1]' },
      ],
    },
  ],
  fixtures: [
    {
      name: 'unknown item',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [!Ref Flow]
`,
    },
    {
      name: 'a legacy name next to an unknown item: no list is proposed',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH, !Ref Flow]
                          ^~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: 'ExplicitAuthFlows uses the deprecated name "ADMIN_NO_SRP_AUTH"; expected its ALLOW_* form "ALLOW_ADMIN_USER_PASSWORD_AUTH". Replace "ADMIN_NO_SRP_AUTH" with "ALLOW_ADMIN_USER_PASSWORD_AUTH" and name every allowed flow with ALLOW_* names (a list of legacy names also allows ALLOW_USER_SRP_AUTH and ALLOW_REFRESH_TOKEN_AUTH without naming them).' }],
    },
    {
      name: 'whole list from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: !GetAtt Settings.Flows
`,
    },
    {
      name: 'Fn::If gives one finding; the defaulted Ref is reported once (same text in both branches)',
      path: 't.yaml',
      text: `Parameters:
  Flow:
    Type: String
    Default: CUSTOM_AUTH_FLOW_ONLY
Conditions:
  Old: !Equals [!Ref Stage, old]
Resources:
${CLIENT_YAML}      ExplicitAuthFlows:
        - !If [Old, USER_PASSWORD_AUTH, ALLOW_USER_PASSWORD_AUTH]
                    ^~~~~~~~~~~~~~~~~~ a
        - !Ref Flow
          ^~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /"CUSTOM_AUTH_FLOW_ONLY".*\(the value comes from the default of Parameter "Flow"\)$/ }],
    },
    {
      name: 'an Fn::If elsewhere in the client keeps the whole-list fix; one inside the list drops it',
      path: 't.yaml',
      text: `Conditions:
  Old: !Equals [!Ref Stage, old]
Resources:
${CLIENT_YAML}      EnableTokenRevocation: !If [Old, false, true]
      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]
                          ^~~~~~~~~~~~~~~~~ a
  Other:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH, !If [Old, CUSTOM_AUTH_FLOW_ONLY, !Ref AWS::NoValue]]
                          ^~~~~~~~~~~~~~~~~ b
                                                       ^~~~~~~~~~~~~~~~~~~~~ c
`,
      errors: [
        { at: 'a', message: /so the equivalent list names them too: ExplicitAuthFlows: \["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"\]\.$/ },
        { at: 'b', message: /^ExplicitAuthFlows uses the deprecated name "ADMIN_NO_SRP_AUTH"; expected its ALLOW_\* form "ALLOW_ADMIN_USER_PASSWORD_AUTH"\. Replace / },
        { at: 'c', message: /^ExplicitAuthFlows uses the deprecated name "CUSTOM_AUTH_FLOW_ONLY"; expected ALLOW_\* names only\. No ALLOW_\* list / },
      ],
    },
    {
      name: 'terraform: a list from a conditional gets no whole-list fix',
      path: 'main.tf',
      text: `variable "legacy" {
  default = true
}
resource "aws_cognito_user_pool_client" "web" {
  name                = "web"
  user_pool_id        = "us-east-1_abc"
  explicit_auth_flows = var.legacy ? ["ADMIN_NO_SRP_AUTH"] : ["ALLOW_USER_SRP_AUTH"]
                                      ^~~~~~~~~~~~~~~~~~~ a
}
`,
      errors: [{ at: 'a', message: /^explicit_auth_flows uses the deprecated name "ADMIN_NO_SRP_AUTH"; expected its ALLOW_\* form "ALLOW_ADMIN_USER_PASSWORD_AUTH"\. Replace / }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc",
 "ExplicitAuthFlows": ["ADMIN_NO_SRP_AUTH"]}
                       ^~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows: ["\${self:custom.flow}"]
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows: [USER_PASSWORD_AUTH]
                            ^~~~~~~~~~~~~~~~~~
`,
    },
  ],
});
