import { ruleTester, type InvalidCase } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

/** One legacy name, reported with its replacement. */
const legacy = (name: string, replacement: string): InvalidCase => ({
  name: `${name} is replaced by ${replacement}`,
  client: { ExplicitAuthFlows: [name] },
  errors: [
    {
      at: 'ExplicitAuthFlows[0]',
      message: { api: `ExplicitAuthFlows uses the deprecated name "${name}"; expected its ALLOW_* form "${replacement}". Replace "${name}" with "${replacement}" and list every allowed flow with ALLOW_* names.` },
    },
  ],
});

ruleTester('no-legacy-auth-flow-names', {
  valid: [
    { name: 'ALLOW_ names only', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'absent: the default list has ALLOW_ names', client: {} },
  ],
  invalid: [
    legacy('ADMIN_NO_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'),
    legacy('CUSTOM_AUTH_FLOW_ONLY', 'ALLOW_CUSTOM_AUTH'),
    legacy('USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH'),
    { name: 'every legacy item', client: { ExplicitAuthFlows: ['CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[0]' }, { at: 'ExplicitAuthFlows[1]' }] },
  ],
  fixtures: [
    {
      name: 'unknown item',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: [!Ref Flow]
`,
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
