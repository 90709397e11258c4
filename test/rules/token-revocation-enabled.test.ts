import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, TF, serverless } from './fixture-parts';

const ID = 'token-revocation-enabled';
const API_TAKES_BOOLEANS = 'the API takes a real boolean: the string "false" is the schema rule\'s type error, not a known false';

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'error');
});

/** Opening lines shared by 3 of the fixtures below. */
const PARAMETERS = `Parameters:
  Revocation:
    Type: String
    AllowedValues: ["true", "false"]
    Default: "false"
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
`;

ruleTester(ID, {
  valid: [
    { name: 'absent: the API default is true', client: {} },
    { name: 'true', client: { EnableTokenRevocation: true } },
    {
      name: 'the string "false" in an API request or description',
      client: { EnableTokenRevocation: 'false' },
      skip: { 'cloudformation-yaml': 'CloudFormation accepts "false"', 'cloudformation-json': 'CloudFormation accepts "false"', terraform: 'Terraform converts "false"', 'terraform-plan': 'Terraform converts "false"' },
    },
  ],
  invalid: [
    {
      name: 'false: at the value',
      client: { EnableTokenRevocation: false },
      output: { EnableTokenRevocation: true },
      fixType: 'remediation',
      errors: [
        {
          at: 'EnableTokenRevocation',
          message: {
            api: 'EnableTokenRevocation is false, so refresh tokens from this client cannot be revoked with RevokeToken, and a stolen one cannot be cut off on its own; expected true. Set EnableTokenRevocation: true, or remove EnableTokenRevocation (the default is true).',
            // Terraform keeps an existing client's value for an omitted argument: removing it is no fix there.
            terraform: /expected true\. Set enable_token_revocation = true\.$/,
          },
        },
      ],
    },
    {
      name: 'the string "false" (CloudFormation accepts it, Terraform converts it)',
      client: { EnableTokenRevocation: 'false' },
      skip: { 'api-request': API_TAKES_BOOLEANS, 'api-response': API_TAKES_BOOLEANS },
      output: { EnableTokenRevocation: 'true' },
      fixType: 'remediation',
      errors: [{ at: 'EnableTokenRevocation' }],
    },
  ],
  fixtures: [
    {
      name: 'FALSE string',
      path: 'template.yaml',
      text: `${CFN}      EnableTokenRevocation: FALSE
                             ^~~~~
`,
    },
    {
      name: 'Ref without Default',
      path: 'template.yaml',
      text: `${CFN}      EnableTokenRevocation: !Ref Revocation
`,
    },
    {
      name: 'GetAtt',
      path: 'template.yaml',
      text: `${CFN}      EnableTokenRevocation: !GetAtt Cfg.Revocation
`,
    },
    {
      name: 'Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      EnableTokenRevocation: !Ref Revocation
                             ^~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "Revocation"\)$/ }],
    },
    {
      name: 'Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  Revocation:
    Type: String
    AllowedValues: ["true", "false"]
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      EnableTokenRevocation: !Ref Revocation
`,
    },
    {
      name: 'Fn::If: the false branch',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      EnableTokenRevocation: !If [Prod, true, false]
                                              ^~~~~
`,
    },
    {
      name: 'Fn::If: false or removed',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      EnableTokenRevocation: !If [Prod, false, !Ref AWS::NoValue]
                                        ^~~~~
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "EnableTokenRevocation": false}
                                                                            ^~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        EnableTokenRevocation: \${self:custom.revocation}
`,
    },
    {
      name: 'serverless.yml: a literal false',
      path: 'serverless.yml',
      text: `${serverless('web')}        EnableTokenRevocation: false
                               ^~~~~
`,
    },
    {
      name: 'terraform: from a conditional with a known condition',
      path: 'main.tf',
      text: `${TF}  enable_token_revocation = 1 == 2 ? true : false
                                            ^~~~~
}
`,
    },
    {
      name: 'terraform: from a conditional on an unknown variable: silent',
      path: 'main.tf',
      text: `${TF}  enable_token_revocation = var.prod ? true : false
}
`,
    },
  ],
});
