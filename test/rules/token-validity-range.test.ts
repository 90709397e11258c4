import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { render, ruleTester, type InvalidCase, PLAN_UNSET } from '../rule-tester';
import { severities } from './severities';
import { CFN, CLIENT_YAML, TF } from './fixture-parts';

const ID = 'token-validity-range';
const API_TAKES_NUMBERS = 'a string in the API is a type error for the schema rule, not a duration';
const TEMPLATE_ZERO = 'the CloudFormation resource schema has minimum 1: an error of its own';
const PROVIDER_ZERO = "the Terraform provider checks the duration (60 minutes to 10 years): 0 is simply too short";
const API_ZERO = 'the API reads 0 as "use the default": a note of its own';

test('metadata', () => {
  const { meta } = loadRule(ID);
  assert.equal(meta.category, 'correctness');
  assert.equal(meta.defaultSeverity, 'error');
});

/** One finding at `at`, message checked where the case gives one (spelt the API way). */
const out = (name: string, client: InvalidCase['client'], at: string, api?: string): InvalidCase => ({ name, client, errors: [{ at, ...(api ? { message: { api } } : {}) }] });

/** Opening lines shared by 4 of the fixtures below. */
const PARAMETERS = `Parameters:
  Validity:
    Type: Number
    Default: 48
  Unit:
    Type: String
    Default: days
`;
/** Opening lines shared by 2 of the fixtures below. */
const SERVERLESS = `service: web
custom:
  validity: 48
resources:
  Resources:
    Client:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: !Ref Pool
`;

// Unit-aware ranges.
ruleTester(ID, {
  valid: [
    { name: 'all absent: API defaults are in range', client: {} },
    { name: 'access 24 hours = 1 day is the maximum', client: { AccessTokenValidity: 24 } },
    { name: 'access 5 minutes is the minimum', client: { AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } } },
    { name: 'access 300 seconds', client: { AccessTokenValidity: 300, TokenValidityUnits: { AccessToken: 'seconds' } } },
    { name: 'access 86400 seconds = 1 day', client: { AccessTokenValidity: 86400, TokenValidityUnits: { AccessToken: 'seconds' } } },
    { name: 'units for other tokens do not apply', client: { IdTokenValidity: 10, TokenValidityUnits: { AccessToken: 'seconds', RefreshToken: 'minutes' } } },
    { name: 'refresh 3650 days = 10 years', client: { RefreshTokenValidity: 3650 } },
    { name: 'refresh 60 minutes', client: { RefreshTokenValidity: 60, TokenValidityUnits: { RefreshToken: 'minutes' } } },
    { name: 'refresh 1 hour', client: { RefreshTokenValidity: 1, TokenValidityUnits: { RefreshToken: 'hours' } } },
    { name: 'AuthSessionValidity 3', client: { AuthSessionValidity: 3 } },
    { name: 'AuthSessionValidity 15', client: { AuthSessionValidity: 15 } },
    { name: 'RetryGracePeriodSeconds 0', client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } } },
    { name: 'RetryGracePeriodSeconds 60', client: { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } } },
    { name: "an invalid unit is the schema rule's", client: { AccessTokenValidity: 48, TokenValidityUnits: { AccessToken: 'weeks' } } },
    { name: 'CDK minutes: 1440 minutes is exactly 1 day', client: { AccessTokenValidity: 1440, IdTokenValidity: 1440, RefreshTokenValidity: 43200, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' } } },
    { name: 'a description in range', client: { RefreshTokenValidity: 30, AccessTokenValidity: 60, IdTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' }, AuthSessionValidity: 3 } },
    {
      name: 'the string "48" in an API request or description',
      client: { AccessTokenValidity: '48' },
      skip: { 'cloudformation-yaml': 'CloudFormation sends numeric strings', 'cloudformation-json': 'CloudFormation sends numeric strings', terraform: 'Terraform converts it', 'terraform-plan': 'Terraform converts it' },
    },
  ],
  invalid: [
    {
      name: 'access 48 hours (default unit)',
      client: { AccessTokenValidity: 48 },
      errors: [
        {
          at: 'AccessTokenValidity',
          message: {
            api: 'AccessTokenValidity 48 (hours) is 48 hours (2 days), which exceeds the 1 day maximum for access tokens; expected 5 minutes to 1 day. Lower AccessTokenValidity, or set TokenValidityUnits.AccessToken to a smaller unit (it defaults to hours).',
            terraform: /48 hours \(2 days\), which exceeds the 1 day maximum/,
          },
          // No unit was written: nothing to point at.
          related: [],
        },
      ],
    },
    out('access 25 hours', { AccessTokenValidity: 25 }, 'AccessTokenValidity'),
    out('access 4 minutes', { AccessTokenValidity: 4, TokenValidityUnits: { AccessToken: 'minutes' } }, 'AccessTokenValidity'),
    out('access 299 seconds', { AccessTokenValidity: 299, TokenValidityUnits: { AccessToken: 'seconds' } }, 'AccessTokenValidity'),
    out('access 86400 in hours passes the schema but is 86400 hours', { AccessTokenValidity: 86400 }, 'AccessTokenValidity'),
    out('access 2 days', { AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'days' } }, 'AccessTokenValidity'),
    {
      name: 'id 10 seconds: only the unit makes it wrong; the unit is a related location',
      client: { IdTokenValidity: 10, TokenValidityUnits: { IdToken: 'seconds' } },
      errors: [
        {
          at: 'IdTokenValidity',
          message: {
            api: 'IdTokenValidity 10 (seconds) is 10 seconds, which is below the 5 minutes minimum for ID tokens; expected 5 minutes to 1 day. Raise IdTokenValidity or use a larger unit in TokenValidityUnits.IdToken.',
          },
          related: [{ at: 'TokenValidityUnits.IdToken', message: { api: 'TokenValidityUnits.IdToken is "seconds" here' } }],
        },
      ],
    },
    out('id 1441 minutes', { IdTokenValidity: 1441, TokenValidityUnits: { IdToken: 'minutes' } }, 'IdTokenValidity'),
    out(
      'refresh 3651 days',
      { RefreshTokenValidity: 3651 },
      'RefreshTokenValidity',
      'RefreshTokenValidity 3651 (days) is 3651 days, which exceeds the 10 years (3650 days) maximum for refresh tokens; expected 60 minutes to 10 years (3650 days). Lower RefreshTokenValidity, or set TokenValidityUnits.RefreshToken to a smaller unit (it defaults to days).',
    ),
    out('refresh 59 minutes', { RefreshTokenValidity: 59, TokenValidityUnits: { RefreshToken: 'minutes' } }, 'RefreshTokenValidity'),
    out(
      'refresh 120 seconds',
      { RefreshTokenValidity: 120, TokenValidityUnits: { RefreshToken: 'seconds' } },
      'RefreshTokenValidity',
      'RefreshTokenValidity 120 (seconds) is 120 seconds (2 minutes), which is below the 60 minutes minimum for refresh tokens; expected 60 minutes to 10 years (3650 days). Raise RefreshTokenValidity or use a larger unit in TokenValidityUnits.RefreshToken.',
    ),
    {
      ...out(
        'refresh 0 in an API request: 0 means the default',
        { RefreshTokenValidity: 0 },
        'RefreshTokenValidity',
        'RefreshTokenValidity is 0, which the API reads as "use the default" (30 days); expected a refresh token lifetime of 60 minutes to 10 years (3650 days). Write the lifetime you want (for example 30 with the default unit days), or remove RefreshTokenValidity.',
      ),
      skip: { 'cloudformation-yaml': TEMPLATE_ZERO, 'cloudformation-json': TEMPLATE_ZERO, terraform: PROVIDER_ZERO, 'terraform-plan': PLAN_UNSET },
    },
    {
      ...out(
        'refresh 0 in CloudFormation: below the resource schema minimum of 1',
        { RefreshTokenValidity: 0 },
        'RefreshTokenValidity',
        'RefreshTokenValidity is 0, below the minimum of 1 in the AWS::Cognito::UserPoolClient resource schema, so the deployment fails; expected a refresh token lifetime of 60 minutes to 10 years (3650 days). Write the lifetime you want (for example 30 with the default unit days), or remove RefreshTokenValidity (the default is 30 days).',
      ),
      skip: { 'api-request': API_ZERO, 'api-response': API_ZERO, terraform: PROVIDER_ZERO, 'terraform-plan': PLAN_UNSET },
    },
    {
      name: "refresh 0 in Terraform: the provider's duration check (60 minutes to 10 years) rejects it",
      client: { RefreshTokenValidity: 0 },
      errors: [
        {
          at: 'RefreshTokenValidity',
          message: {
            terraform:
              'refresh_token_validity 0 (days) is 0 days, which is below the 60 minutes minimum for refresh tokens; expected 60 minutes to 10 years (3650 days). Write the lifetime you want.',
          },
        },
      ],
      skip: { 'cloudformation-yaml': TEMPLATE_ZERO, 'cloudformation-json': TEMPLATE_ZERO, 'api-request': API_ZERO, 'api-response': API_ZERO, 'terraform-plan': PLAN_UNSET },
    },
    {
      name: 'the string "48" (CloudFormation sends numeric strings, Terraform converts them)',
      client: { AccessTokenValidity: '48' },
      skip: { 'api-request': API_TAKES_NUMBERS, 'api-response': API_TAKES_NUMBERS },
      errors: [{ at: 'AccessTokenValidity' }],
    },
    out('AuthSessionValidity 2', { AuthSessionValidity: 2 }, 'AuthSessionValidity'),
    out('AuthSessionValidity 16', { AuthSessionValidity: 16 }, 'AuthSessionValidity'),
    out(
      'AuthSessionValidity 30',
      { AuthSessionValidity: 30 },
      'AuthSessionValidity',
      'AuthSessionValidity 30 is 30 minutes, outside the 3 to 15 minutes Cognito allows for an authentication session; expected 3 to 15 (minutes). Set AuthSessionValidity to a value from 3 to 15.',
    ),
    out('RetryGracePeriodSeconds 61', { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 61 } }, 'RefreshTokenRotation.RetryGracePeriodSeconds'),
    out('RetryGracePeriodSeconds -1', { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: -1 } }, 'RefreshTokenRotation.RetryGracePeriodSeconds'),
    out(
      'RetryGracePeriodSeconds 90',
      { RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 90 } },
      'RefreshTokenRotation.RetryGracePeriodSeconds',
      'RefreshTokenRotation.RetryGracePeriodSeconds 90 is outside the 0 to 60 seconds Cognito allows; expected 0 to 60. Set RefreshTokenRotation.RetryGracePeriodSeconds to a value from 0 to 60.',
    ),
    {
      name: 'CDK minutes: id 1441 minutes and refresh 30 minutes',
      client: { AccessTokenValidity: 1440, IdTokenValidity: 1441, RefreshTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' } },
      errors: [{ at: 'IdTokenValidity' }, { at: 'RefreshTokenValidity' }],
    },
    out('auth session 1 beside a valid 1 day in seconds', { AccessTokenValidity: 86400, TokenValidityUnits: { AccessToken: 'seconds' }, AuthSessionValidity: 1 }, 'AuthSessionValidity'),
    out('a description with 30 minutes of refresh', { RefreshTokenValidity: 30, AccessTokenValidity: 60, IdTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' }, AuthSessionValidity: 3 }, 'RefreshTokenValidity'),
    {
      name: '48 hours (default unit) and 30 minutes of refresh',
      client: { AccessTokenValidity: 48, RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } },
      errors: [{ at: 'AccessTokenValidity' }, { at: 'RefreshTokenValidity' }],
    },
    out('auth session 20 minutes', { AuthSessionValidity: 20 }, 'AuthSessionValidity'),
  ],
  fixtures: [
    {
      name: 'unknown unit (Ref without Default) is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: 48
      TokenValidityUnits: {AccessToken: !Ref Unit}
`,
    },
    {
      name: 'whole units object from GetAtt is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: 48
      TokenValidityUnits: !GetAtt Cfg.Units
`,
    },
    {
      name: 'unknown value is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: !GetAtt Cfg.Validity
`,
    },
    {
      name: 'a value from a Parameter default',
      path: 't.yaml',
      text: `Parameters:
  Validity:
    Type: Number
    Default: 48
             ^~ ar0
  Unit:
    Type: String
    Default: days
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: !Ref Validity
                           ^~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message: /^AccessTokenValidity 48 \(hours\) is 48 hours.* \(the value comes from the default of Parameter "Validity"\)$/,
          related: [{ at: 'ar0', message: 'default of Parameter "Validity"' }],
        },
      ],
    },
    {
      name: 'a literal value whose unit is known only from a default: the message and the related locations say so',
      path: 't.yaml',
      text: `${PARAMETERS}             ^~~~ ar1
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: 3
                           ^ a
      TokenValidityUnits:
        AccessToken: !Ref Unit
                     ^~~~~~~~~ ar0
`,
      errors: [
        {
          at: 'a',
          message:
            'AccessTokenValidity 3 (days) is 3 days, which exceeds the 1 day maximum for access tokens; expected 5 minutes to 1 day. Lower AccessTokenValidity or use a smaller unit in TokenValidityUnits.AccessToken. (the unit "days" comes from the default of Parameter "Unit")',
          related: [
            { at: 'ar0', message: 'TokenValidityUnits.AccessToken is "days" here' },
            { at: 'ar1', message: 'default of Parameter "Unit"' },
          ],
        },
      ],
    },
    {
      name: 'without a Default the parameter is unknown: silent',
      path: 't.yaml',
      text: `Parameters:
  Validity:
    Type: Number
  Unit:
    Type: String
    Default: days
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: !Ref Validity
`,
    },
    {
      name: 'Fn::If: one bad branch, one finding at that branch',
      path: 't.yaml',
      text: `${PARAMETERS}Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: !If [Prod, 1, 48]
                                         ^~
`,
    },
    {
      name: 'Fn::If on the unit: at the value',
      path: 't.yaml',
      text: `${PARAMETERS}Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: 30
                           ^~
      TokenValidityUnits:
        AccessToken: !If [Prod, minutes, hours]
`,
    },
    {
      name: 'Fn::If with AWS::NoValue',
      path: 't.yaml',
      text: `${PARAMETERS}Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: !If [Prod, 48, !Ref AWS::NoValue]
                                      ^~
`,
    },
    {
      name: 'cloudformation json: numeric strings and Fn::If',
      path: 'Stack.template.json',
      text: `{
 "Resources": {
  "UserPoolClient2F5918F7": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AccessTokenValidity": { "Fn::If": ["Long", "2000", "60"] },
                                                ^~~~~~
    "IdTokenValidity": 1440,
    "RefreshTokenValidity": 43200,
    "TokenValidityUnits": {
     "AccessToken": "minutes",
     "IdToken": "minutes",
     "RefreshToken": "minutes"
    },
    "UserPoolId": { "Ref": "UserPool6BA7E5F2" }
   }
  }
 }
}`,
    },
    {
      name: 'api update request behaves like create',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AccessTokenValidity": 86400, "TokenValidityUnits": {"AccessToken": "seconds"}, "AuthSessionValidity": 1}
                                                                                                                                                          ^`,
    },
    {
      name: 'api update request: absent members are defaults',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc"}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${SERVERLESS}        AccessTokenValidity: \${self:custom.validity}
        TokenValidityUnits:
          IdToken: \${self:custom.unit}
        IdTokenValidity: 100
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${SERVERLESS}        AccessTokenValidity: 48
                             ^~
        TokenValidityUnits:
          IdToken: \${self:custom.unit}
        IdTokenValidity: 100
`,
    },
    {
      name: 'terraform: arithmetic on literals',
      path: 'main.tf',
      text: `${TF}  access_token_validity = 24 * 2
                          ^~~~~~
}
`,
    },
    {
      name: 'terraform: awscc token_validity_units object attribute',
      path: 'main.tf',
      text: `resource "awscc_cognito_user_pool_client" "web" {
  user_pool_id          = aws_cognito_user_pool.pool.id
  access_token_validity = 2
                          ^
  token_validity_units = {
    access_token = "days"
  }
}
`,
    },
  ],
});

test('RefreshTokenValidity 0: a note in an API request, an error in CloudFormation and Terraform', async () => {
  const zero = { RefreshTokenValidity: 0 };
  for (const [dialect, expected] of [['api-request', 'note'], ['cloudformation-yaml', 'error'], ['terraform', 'error']] as const) {
    const { path, text } = render(dialect, zero);
    assert.deepEqual(await severities(ID, path, text), [['RefreshTokenValidity', expected]], dialect);
  }
});
