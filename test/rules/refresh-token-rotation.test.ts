import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { CLIENT, ruleTester, PLAN_UNSET } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'refresh-token-rotation';

test('off in the recommended preset', () => {
  assert.equal(loadRule(ID).meta.defaultSeverity, 'off');
});

/** Opening lines shared by 3 of the fixtures below. */
const PARAMETERS = `Parameters:
  Rotation:
    Type: String
    Default: DISABLED
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
`;

ruleTester(ID, {
  valid: [
    { name: 'ENABLED', client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } } },
    { name: 'ENABLED beside SRP', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED' } } },
    { name: 'a machine client (client_credentials only) gets no refresh tokens', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], GenerateSecret: true } },
  ],
  invalid: [
    { name: 'absent: at the client', client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] }, errors: [{ at: CLIENT }] },
    {
      name: 'nothing set: message',
      client: {},
      errors: [
        {
          at: CLIENT,
          message: {
            api: 'RefreshTokenRotation is not set, so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected RefreshTokenRotation.Feature: ENABLED. Add it (and drop ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows).',
            terraform:
              'refresh_token_rotation is not set, so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected refresh_token_rotation.feature = "ENABLED". Add it (and drop ALLOW_REFRESH_TOKEN_AUTH from explicit_auth_flows).',
          },
        },
      ],
    },
    {
      name: 'DISABLED: at the value',
      client: { RefreshTokenRotation: { Feature: 'DISABLED' } },
      errors: [
        {
          at: 'RefreshTokenRotation.Feature',
          message: {
            api: 'RefreshTokenRotation.Feature is "DISABLED", so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected ENABLED. Set RefreshTokenRotation.Feature: ENABLED (and drop ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows).',
            terraform:
              'refresh_token_rotation.feature is "DISABLED", so refresh tokens are not rotated and a stolen one stays valid until it expires or is revoked; expected ENABLED. Set refresh_token_rotation.feature = "ENABLED" (and drop ALLOW_REFRESH_TOKEN_AUTH from explicit_auth_flows).',
          },
        },
      ],
    },
    { name: 'no Feature: at the key', client: { RefreshTokenRotation: { RetryGracePeriodSeconds: 10 } }, errors: [{ at: 'RefreshTokenRotation', on: 'key' }] },
    { name: 'empty: at the key', skip: { 'terraform-plan': PLAN_UNSET }, client: { RefreshTokenRotation: {} }, errors: [{ at: 'RefreshTokenRotation', on: 'key', message: { api: /^RefreshTokenRotation has no RefreshTokenRotation\.Feature, .*expected RefreshTokenRotation\.Feature: ENABLED\./, terraform: /^refresh_token_rotation has no refresh_token_rotation\.feature, .*expected refresh_token_rotation\.feature = "ENABLED"\./ } }] },
    { name: 'client_credentials beside code is still a user-facing client', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code', 'client_credentials'], CallbackURLs: ['https://app.mycompany.com/cb'] }, errors: [{ at: CLIENT }] },
  ],
  fixtures: [
    {
      name: 'Feature from Ref without a default',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation: {Feature: !Ref Rotation}
`,
    },
    {
      name: 'whole setting from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation: !GetAtt Cfg.Rotation
`,
    },
    {
      name: 'Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      RefreshTokenRotation:
        Feature: !Ref Rotation
                 ^~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "Rotation"\)$/ }],
    },
    {
      name: 'Fn::If on the Feature',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      RefreshTokenRotation:
        Feature: !If [Prod, ENABLED, DISABLED]
                                     ^~~~~~~~
`,
    },
    {
      name: 'Fn::If on the whole setting: at the logical id',
      path: 't.yaml',
      text: `${PARAMETERS}  Client:
  ^~~~~~
    Type: AWS::Cognito::UserPoolClient
    Properties:
      RefreshTokenRotation: !If [Prod, {Feature: ENABLED}, !Ref AWS::NoValue]
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "RefreshTokenRotation": {"Feature": "DISABLED"}}
                                                                                       ^~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        RefreshTokenRotation:
          Feature: \${self:custom.rotation}
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('web')}        RefreshTokenRotation:
          Feature: DISABLED
                   ^~~~~~~~
`,
    },
  ],
});
