import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, render, ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, TF } from './fixture-parts';

const ID = 'client-credentials-requires-secret';
const NO_FALSE_IN_DESCRIPTION = 'a description has no GenerateSecret, and no ClientSecret only means the secret is unknown';
const M2M = { AllowedOAuthFlows: ['client_credentials'] };

/** Opening lines shared by 2 of the fixtures below. */
const SERVERLESS = `service: api
custom:
  generateSecret: true
resources:
  Resources:
    Client:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: !Ref Pool
`;

ruleTester(ID, {
  valid: [
    { name: 'GenerateSecret true (ClientSecret in a description)', client: { GenerateSecret: true, ...M2M } },
    { name: 'no client_credentials', client: { AllowedOAuthFlows: ['code'] } },
    {
      name: 'GenerateSecret "true" string (CloudFormation and Terraform read it as true)',
      client: { GenerateSecret: 'true', ...M2M },
      skip: { 'api-request': 'the API takes a real boolean', 'api-response': 'a description has no GenerateSecret' },
    },
    { name: 'CDK with a secret', client: { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['api/read'], GenerateSecret: true } },
  ],
  invalid: [
    {
      name: 'no GenerateSecret (defaults to false): message',
      client: M2M,
      skip: { 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [
        {
          at: 'AllowedOAuthFlows[0]',
          message: {
            api: 'AllowedOAuthFlows has client_credentials but the client has no secret (GenerateSecret is not set and defaults to false); the client credentials grant authenticates with the client secret. Set GenerateSecret: true (CloudFormation and Terraform replace an existing client to change it).',
            terraform: /Set generate_secret = true \(CloudFormation and Terraform replace an existing client to change it\)\.$/,
          },
        },
      ],
    },
    {
      name: 'GenerateSecret false is a related location',
      client: { GenerateSecret: false, ...M2M },
      skip: { 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [{ at: 'AllowedOAuthFlows[0]', related: [{ at: 'GenerateSecret', message: { api: 'GenerateSecret is false here' } }] }],
    },
    {
      name: 'GenerateSecret "false" string (CloudFormation and Terraform read it as false)',
      client: { GenerateSecret: 'false', ...M2M },
      skip: { 'api-request': 'the API takes a real boolean', 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [{ at: 'AllowedOAuthFlows[0]' }],
    },
    {
      name: 'CDK without a secret',
      client: { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['api/read'], GenerateSecret: false },
      skip: { 'api-response': NO_FALSE_IN_DESCRIPTION },
      errors: [{ at: 'AllowedOAuthFlows[0]' }],
    },
  ],
  fixtures: [
    {
      name: 'GenerateSecret from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      GenerateSecret: !GetAtt Other.Secret
      AllowedOAuthFlows: [client_credentials]
`,
    },
    {
      name: 'GenerateSecret from Ref without a default',
      path: 'template.yaml',
      text: `${CFN}      GenerateSecret: !Ref Secret
      AllowedOAuthFlows: [client_credentials]
`,
    },
    {
      name: 'unknown flow item',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthFlows: [!Ref Flow]
`,
    },
    {
      name: 'GenerateSecret from a Parameter default: finding says so',
      path: 't.yaml',
      text: `Parameters:
  Secret:
    Type: String
    Default: "false"
             ^~~~~~~ ar1
Resources:
${CLIENT_YAML}      GenerateSecret: !Ref Secret
                      ^~~~~~~~~~~ ar0
      AllowedOAuthFlows: [client_credentials]
                          ^~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message: /\(GenerateSecret is false\) \(GenerateSecret comes from the default of Parameter "Secret"\);/,
          related: [
            { at: 'ar0', message: 'GenerateSecret is false here' },
            { at: 'ar1', message: 'default of Parameter "Secret"' },
          ],
        },
      ],
    },
    {
      name: 'Fn::If: only the branch with client_credentials is reported',
      path: 't.yaml',
      text: `Conditions:
  IsM2M: !Equals [!Ref Kind, m2m]
Resources:
${CLIENT_YAML}      AllowedOAuthFlows: !If [IsM2M, [client_credentials], [code]]
                                      ^~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Fn::If: with a secret in that branch',
      path: 't.yaml',
      text: `Conditions:
  IsM2M: !Equals [!Ref Kind, m2m]
Resources:
${CLIENT_YAML}      GenerateSecret: !If [IsM2M, true, false]
      AllowedOAuthFlows: !If [IsM2M, [client_credentials], [code]]
`,
    },
    {
      name: 'api create request: a custom secret (2026) is a secret too',
      path: 'create.json',
      text: `{
  "UserPoolId": "us-east-1_abc",
  "ClientName": "m2m", "ClientSecret": "abcdefghijklmnopqrstuvwxyz",
  "AllowedOAuthFlows": ["client_credentials"]
}`,
    },
    {
      name: 'api update request: the secret was fixed at creation, an update request cannot tell',
      path: 'update.json',
      text: `{
  "UserPoolId": "us-east-1_abc",
  "ClientId": "abc123",
  "AllowedOAuthFlows": ["client_credentials"]
}`,
    },
    {
      name: 'api describe output without ClientSecret: unknown',
      path: 'describe.json',
      text: `{
  "UserPoolClient": {
    "UserPoolId": "us-east-1_abc",
    "ClientId": "abc123",
    "AllowedOAuthFlows": ["client_credentials"]
  }
}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${SERVERLESS}        GenerateSecret: \${self:custom.generateSecret}
        AllowedOAuthFlows: [client_credentials]
`,
    },
    {
      name: 'serverless.yml: without GenerateSecret',
      path: 'serverless.yml',
      text: `${SERVERLESS}        AllowedOAuthFlows: [client_credentials]
                            ^~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: generate_secret = null is not set',
      path: 'main.tf',
      text: `${TF}  generate_secret = null
  allowed_oauth_flows = ["client_credentials"]
                         ^~~~~~~~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: generate_secret from a variable without default: silent',
      path: 'main.tf',
      text: `${TF}  generate_secret = var.secret
  allowed_oauth_flows = ["client_credentials"]
}
`,
    },
  ],
});

test('the finding names the list item it is about', async () => {
  const { path, text } = render('cloudformation-yaml', { GenerateSecret: false, ...M2M });
  assert.deepEqual((await lint(ID, path, text)).map((row) => row.path), ['AllowedOAuthFlows[0]']);
});
