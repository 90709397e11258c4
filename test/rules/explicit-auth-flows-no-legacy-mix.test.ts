import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

ruleTester('explicit-auth-flows-no-legacy-mix', {
  valid: [
    { name: 'legacy only', client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'] } },
    { name: 'one legacy name only', client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY'] } },
    { name: 'ALLOW_ only', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'absent: default list is ALLOW_ only', client: {} },
  ],
  invalid: [
    { name: 'legacy + ALLOW_', client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, output: { ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, fixType: 'fix', errors: [{ at: 'ExplicitAuthFlows[0]' }] },
    { name: 'ALLOW_ + legacy', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ADMIN_NO_SRP_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[1]' }] },
    { name: 'USER_PASSWORD_AUTH + ALLOW_', client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[0]' }] },
    {
      name: 'every legacy item is reported',
      client: { ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY'] },
      errors: [{ at: 'ExplicitAuthFlows[0]' }, { at: 'ExplicitAuthFlows[2]' }],
    },
    {
      name: 'message names the value, the ALLOW_ values and the replacement; CUSTOM_AUTH_FLOW_ONLY is not rewritten',
      client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      output: null,
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows mixes the legacy value "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"; the API reference says ALLOW_* values cannot be used along with legacy names. Replace "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_CUSTOM_AUTH" so the list uses ALLOW_* names only.',
            terraform: 'explicit_auth_flows mixes the legacy value "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"; the API reference says ALLOW_* values cannot be used along with legacy names. Replace "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_CUSTOM_AUTH" so the list uses ALLOW_* names only.',
          },
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'legacy + unknown item',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [USER_PASSWORD_AUTH, !Ref ExtraFlow]
`,
    },
    {
      name: 'list from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: !GetAtt Config.Flows
`,
    },
    {
      name: 'Fn::If: only the mixing branch is reported',
      path: 't.yaml',
      text: `Conditions:
  Legacy: !Equals [!Ref Mode, legacy]
Resources:
${CLIENT_YAML}      ExplicitAuthFlows:
        - ALLOW_REFRESH_TOKEN_AUTH
        - !If [Legacy, ADMIN_NO_SRP_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH]
                       ^~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'list from a CommaDelimitedList Parameter default',
      path: 't.yaml',
      text: `Parameters:
  Flows:
    Type: CommaDelimitedList
    Default: "ALLOW_USER_SRP_AUTH,USER_PASSWORD_AUTH"
Resources:
${CLIENT_YAML}      ExplicitAuthFlows: !Ref Flows
                         ^~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /"USER_PASSWORD_AUTH".*\(the value comes from the default of Parameter "Flows"\)$/ }],
    },
    {
      name: 'CommaDelimitedList Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  Flows:
    Type: CommaDelimitedList
Resources:
${CLIENT_YAML}      ExplicitAuthFlows: !Ref Flows
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{
  "UserPoolId": "us-east-1_abc",
  "ClientId": "abc123",
  "ExplicitAuthFlows": ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
                        ^~~~~~~~~~~~~~~~~~~~
}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows: [USER_PASSWORD_AUTH, "\${self:custom.extraFlow}"]
`,
    },
    {
      name: 'serverless.yml: literals',
      path: 'serverless.yml',
      text: `${serverless('web')}        ExplicitAuthFlows: [USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH]
                            ^~~~~~~~~~~~~~~~~~
`,
    },
  ],
});
