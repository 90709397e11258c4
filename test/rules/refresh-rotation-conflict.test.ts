import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, render, ruleTester, type ApiClient } from '../rule-tester';
import { severities } from './severities';
import { CFN, CLIENT_YAML, TF, serverless } from './fixture-parts';

const ID = 'refresh-rotation-conflict';
const ROTATION = { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 };
const NO_DEFAULT_IN_DESCRIPTION = 'describe output leaves ExplicitAuthFlows out when the client has no flows: nothing is defaulted there';
const LISTED: ApiClient = { RefreshTokenRotation: ROTATION, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] };

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  Rotation:
    Type: String
    AllowedValues: [ENABLED, DISABLED]
    Default: ENABLED
Resources:
${CLIENT_YAML}      RefreshTokenRotation:
        Feature: !Ref Rotation
`;

ruleTester(ID, {
  valid: [
    { name: 'rotation without refresh auth', client: { RefreshTokenRotation: ROTATION, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'] } },
    { name: 'rotation disabled', client: { RefreshTokenRotation: { Feature: 'DISABLED' } } },
    { name: 'rotation absent', client: { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] } },
  ],
  invalid: [
    {
      name: 'ExplicitAuthFlows absent: default includes refresh auth, at the Feature value',
      client: { RefreshTokenRotation: ROTATION },
      skip: { 'api-response': NO_DEFAULT_IN_DESCRIPTION },
      errors: [
        {
          at: 'RefreshTokenRotation.Feature',
          message: {
            api: 'RefreshTokenRotation.Feature is ENABLED but ExplicitAuthFlows is not set, so Cognito uses the default list (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH); that list includes ALLOW_REFRESH_TOKEN_AUTH, which the developer guide says cannot be used with rotation; how Cognito treats the default list here is not documented. Make it explicit: set ExplicitAuthFlows to the flows the app uses without ALLOW_REFRESH_TOKEN_AUTH, for example ExplicitAuthFlows: ["ALLOW_USER_SRP_AUTH"].',
            terraform:
              'refresh_token_rotation.feature is ENABLED but explicit_auth_flows is not set here: a new client gets the default list (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH), an existing one keeps its current value; that list includes ALLOW_REFRESH_TOKEN_AUTH, which the developer guide says cannot be used with rotation; how Cognito treats the default list here is not documented. Make it explicit: set explicit_auth_flows to the flows the app uses without ALLOW_REFRESH_TOKEN_AUTH, for example explicit_auth_flows = ["ALLOW_USER_SRP_AUTH"].',
          },
        },
      ],
    },
    { name: 'Feature only, ExplicitAuthFlows absent', client: { RefreshTokenRotation: { Feature: 'ENABLED' } }, skip: { 'api-response': NO_DEFAULT_IN_DESCRIPTION }, errors: [{ at: 'RefreshTokenRotation.Feature' }] },
    { name: 'ALLOW_REFRESH_TOKEN_AUTH listed: at the item', client: { RefreshTokenRotation: ROTATION, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows[1]' }] },
    {
      name: 'listed: message and related location at the Feature',
      client: LISTED,
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: 'ExplicitAuthFlows has ALLOW_REFRESH_TOKEN_AUTH while RefreshTokenRotation.Feature is ENABLED; the developer guide says a client with rotation cannot sign in with REFRESH_TOKEN_AUTH (it refreshes through GetTokensFromRefreshToken), so the flow is allowed but unusable. Remove ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows.',
          },
          related: [{ at: 'RefreshTokenRotation.Feature', message: { api: 'RefreshTokenRotation.Feature is ENABLED here' } }],
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'flow mapping style',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation: {Feature: ENABLED}
      ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]
                          ^~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Feature from Ref without a default',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation: {Feature: !Ref Rotation}
`,
    },
    {
      name: 'ExplicitAuthFlows from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation:
        Feature: ENABLED
        RetryGracePeriodSeconds: 10
      ExplicitAuthFlows: !GetAtt Cfg.Flows
`,
    },
    {
      name: 'ExplicitAuthFlows with an unknown item only',
      path: 'template.yaml',
      text: `${CFN}      RefreshTokenRotation:
        Feature: ENABLED
        RetryGracePeriodSeconds: 10
      ExplicitAuthFlows: [!Ref Flow]
`,
    },
    {
      name: 'Feature from a Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}                 ^~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "Rotation"\)$/ }],
    },
    {
      name: 'Feature from a Parameter default, refresh auth listed',
      path: 't.yaml',
      text: `${PARAMETERS}      ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]
                          ^~~~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /while RefreshTokenRotation\.Feature is ENABLED \(RefreshTokenRotation\.Feature comes from the default of Parameter "Rotation"\);/ }],
    },
    {
      name: 'Fn::If: one finding for the rotating branch',
      path: 't.yaml',
      text: `Conditions:
  Rotate: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      RefreshTokenRotation:
        Feature: !If [Rotate, ENABLED, DISABLED]
      ExplicitAuthFlows:
        - ALLOW_USER_SRP_AUTH
        - ALLOW_REFRESH_TOKEN_AUTH
          ^~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'CDK refreshTokenRotationGracePeriod leaves the refresh flow out',
      path: 'Stack.template.json',
      text: `{
 "Resources": {
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"],
    "RefreshTokenRotation": { "Feature": "ENABLED", "RetryGracePeriodSeconds": 10 }
   }
  }
 }
}`,
    },
    {
      name: 'an update request resets an omitted ExplicitAuthFlows to the default list too',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "RefreshTokenRotation": {"Feature": "ENABLED"}}
                                                                                       ^~~~~~~~~`,
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
          Feature: ENABLED
                   ^~~~~~~
`,
    },
    {
      name: 'terraform: dynamic block over an unknown list: silent',
      path: 'main.tf',
      text: `${TF}  dynamic "refresh_token_rotation" {
    for_each = var.rotation
    content {
      feature = "ENABLED"
    }
  }
}
`,
    },
    {
      name: 'terraform: dynamic block over a one-item list (reported at the item it iterates over)',
      path: 'main.tf',
      text: `${TF}  dynamic "refresh_token_rotation" {
    for_each = ["ENABLED"]
                ^~~~~~~~~
    content {
      feature = refresh_token_rotation.value
    }
  }
}
`,
    },
  ],
});

test('the finding names the list item it is about', async () => {
  const { path, text } = render('cloudformation-yaml', LISTED);
  assert.deepEqual((await lint(ID, path, text)).map((row) => row.path), ['ExplicitAuthFlows[0]']);
});

test('a warning both ways: no public source says the service rejects rotation next to ALLOW_REFRESH_TOKEN_AUTH', async () => {
  const defaulted = render('cloudformation-json', { RefreshTokenRotation: ROTATION });
  assert.deepEqual(await severities(ID, defaulted.path, defaulted.text), [['RefreshTokenRotation.Feature', 'warning']]);
  const written = render('cloudformation-json', LISTED);
  assert.deepEqual(await severities(ID, written.path, written.text), [['ExplicitAuthFlows[0]', 'warning']]);
  const terraform = render('terraform', LISTED);
  assert.deepEqual(await severities(ID, terraform.path, terraform.text), [['ExplicitAuthFlows[0]', 'warning']]);
});
