import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, TF, serverless } from './fixture-parts';

const ID = 'token-validity-order';

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'correctness');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'error');
});

const CDK_MINUTES = { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' };

// Compared as durations.
ruleTester(ID, {
  valid: [
    { name: 'all defaults: 1 hour, 1 hour, 30 days', client: {} },
    { name: 'access 1 day, refresh 1 day: equal is fine', client: { AccessTokenValidity: 24, RefreshTokenValidity: 1 } },
    { name: 'access 1440 minutes, refresh 1 day (CDK minutes)', client: { AccessTokenValidity: 1440, RefreshTokenValidity: 1440, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'minutes' } } },
    { name: 'id 2 hours against an omitted refresh (30 days)', client: { IdTokenValidity: 2 } },
    { name: 'refresh 0 means 30 days', client: { AccessTokenValidity: 24, RefreshTokenValidity: 0 } },
    { name: 'access 1 day, refresh 30 days in minutes (CDK)', client: { AccessTokenValidity: 1440, IdTokenValidity: 60, RefreshTokenValidity: 43200, TokenValidityUnits: CDK_MINUTES } },
    { name: 'access 1 hour, refresh 12 hours', client: { AccessTokenValidity: 1, RefreshTokenValidity: 12, TokenValidityUnits: { AccessToken: 'hours', RefreshToken: 'hours' } } },
    { name: 'a description in order', client: { AccessTokenValidity: 60, RefreshTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'days' } } },
  ],
  invalid: [
    {
      name: 'access 1 day, refresh 60 minutes: message and related locations',
      client: { AccessTokenValidity: 1, RefreshTokenValidity: 60, TokenValidityUnits: { AccessToken: 'days', RefreshToken: 'minutes' } },
      errors: [
        {
          at: 'AccessTokenValidity',
          message: {
            api: 'AccessTokenValidity 1 (days) is 1 day, longer than the refresh token lifetime of 60 minutes (1 hour) (RefreshTokenValidity 60 (minutes)); an access token that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Lower AccessTokenValidity to 1 hour or less, or raise RefreshTokenValidity.',
          },
          related: [
            { at: 'TokenValidityUnits.AccessToken', message: { api: 'TokenValidityUnits.AccessToken is "days" here' } },
            { at: 'RefreshTokenValidity', message: { api: 'RefreshTokenValidity is 60 (minutes) here' } },
            { at: 'TokenValidityUnits.RefreshToken', message: { api: 'TokenValidityUnits.RefreshToken is "minutes" here' } },
          ],
        },
      ],
    },
    {
      name: 'access and id longer than a 2 hour refresh token',
      client: { AccessTokenValidity: 3, IdTokenValidity: 180, RefreshTokenValidity: 2, TokenValidityUnits: { IdToken: 'minutes', RefreshToken: 'hours' } },
      errors: [{ at: 'AccessTokenValidity' }, { at: 'IdTokenValidity' }],
    },
    {
      name: 'id 40 days against the 30 day default',
      client: { IdTokenValidity: 40, TokenValidityUnits: { IdToken: 'days' } },
      errors: [
        {
          at: 'IdTokenValidity',
          message: {
            api: 'IdTokenValidity 40 (days) is 40 days, longer than the refresh token lifetime of 30 days (RefreshTokenValidity is not set, so Cognito uses 30 days); an ID token that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Lower IdTokenValidity to 30 days or less, or raise RefreshTokenValidity.',
          },
          related: [{ at: 'TokenValidityUnits.IdToken', message: { api: 'TokenValidityUnits.IdToken is "days" here' } }],
        },
      ],
    },
    { name: 'access 40 days against the 30 day default (out of range too)', client: { AccessTokenValidity: 40, TokenValidityUnits: { AccessToken: 'days' } }, errors: [{ at: 'AccessTokenValidity' }] },
    {
      name: 'omitted access (1 hour) against a 30 minute refresh: at the refresh value, once per token',
      client: { RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'minutes' } },
      errors: [
        {
          at: 'RefreshTokenValidity',
          message: {
            api: 'AccessTokenValidity is not set, so Cognito uses 1 hour; 1 hour is longer than the refresh token lifetime of 30 minutes (RefreshTokenValidity 30 (minutes)); an access token that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Raise RefreshTokenValidity to at least 1 hour, or set AccessTokenValidity to 30 minutes or less.',
            terraform: /^access_token_validity is not set here: a new client gets 1 hour, an existing one keeps its current value; 1 hour is longer than the refresh token lifetime of 30 minutes /,
          },
        },
        {
          at: 'RefreshTokenValidity',
          message: {
            api: 'IdTokenValidity is not set, so Cognito uses 1 hour; 1 hour is longer than the refresh token lifetime of 30 minutes (RefreshTokenValidity 30 (minutes)); an ID token that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Raise RefreshTokenValidity to at least 1 hour, or set IdTokenValidity to 30 minutes or less.',
          },
        },
      ],
    },
    { name: 'access 1 day against a 60 minute refresh (CDK minutes)', client: { AccessTokenValidity: 1440, IdTokenValidity: 60, RefreshTokenValidity: 60, TokenValidityUnits: CDK_MINUTES }, errors: [{ at: 'AccessTokenValidity' }] },
    { name: 'id 12 hours against a 360 minute refresh', client: { IdTokenValidity: 12, RefreshTokenValidity: 360, TokenValidityUnits: { RefreshToken: 'minutes' } }, errors: [{ at: 'IdTokenValidity' }] },
    { name: 'access 60 days against a 30 day refresh', client: { AccessTokenValidity: 60, RefreshTokenValidity: 30, TokenValidityUnits: { AccessToken: 'days', RefreshToken: 'days' } }, errors: [{ at: 'AccessTokenValidity' }] },
    { name: 'access token of a day, refresh token of 12 hours', client: { AccessTokenValidity: 1, RefreshTokenValidity: 12, TokenValidityUnits: { AccessToken: 'days', RefreshToken: 'hours' } }, errors: [{ at: 'AccessTokenValidity' }] },
  ],
  fixtures: [
    {
      name: 'unknown refresh is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: 24
      RefreshTokenValidity: !GetAtt Cfg.Refresh
      TokenValidityUnits: {RefreshToken: hours}
`,
    },
    {
      name: 'unknown refresh unit is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: 24
      RefreshTokenValidity: 1
      TokenValidityUnits: {RefreshToken: !Ref Unit}
`,
    },
    {
      name: 'unknown access is silent',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: !Ref Validity
      RefreshTokenValidity: 1
      TokenValidityUnits: {RefreshToken: hours}
`,
    },
    {
      name: 'Parameter defaults: message and related locations',
      path: 't.yaml',
      text: `Parameters:
  RefreshDays:
    Type: Number
    Default: 1
             ^ ar1
  RefreshUnit:
    Type: String
    Default: hours
             ^~~~~ ar3
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: 2
                           ^ a
      RefreshTokenValidity: !Ref RefreshDays
                            ^~~~~~~~~~~~~~~~ ar0
      TokenValidityUnits:
        RefreshToken: !Ref RefreshUnit
                      ^~~~~~~~~~~~~~~~ ar2
`,
      errors: [
        {
          at: 'a',
          message:
            'AccessTokenValidity 2 (hours) is 2 hours, longer than the refresh token lifetime of 1 hour (RefreshTokenValidity 1 (hours)); an access token that outlives the refresh token that renews it is a configuration mistake (CDK refuses such a client). Lower AccessTokenValidity to 1 hour or less, or raise RefreshTokenValidity. (RefreshTokenValidity comes from the default of Parameter "RefreshDays") (the refresh token unit "hours" comes from the default of Parameter "RefreshUnit")',
          related: [
            { at: 'ar0', message: 'RefreshTokenValidity is 1 (hours) here' },
            { at: 'ar1', message: 'default of Parameter "RefreshDays"' },
            { at: 'ar2', message: 'TokenValidityUnits.RefreshToken is "hours" here' },
            { at: 'ar3', message: 'default of Parameter "RefreshUnit"' },
          ],
        },
      ],
    },
    {
      name: 'without defaults the refresh lifetime is unknown: silent',
      path: 't.yaml',
      text: `Parameters:
  RefreshDays:
    Type: Number
  RefreshUnit:
    Type: String
    Default: hours
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: 2
      RefreshTokenValidity: !Ref RefreshDays
      TokenValidityUnits:
        RefreshToken: !Ref RefreshUnit
`,
    },
    {
      name: 'Fn::If: one branch too long, one finding',
      path: 't.yaml',
      text: `Parameters:
  RefreshDays:
    Type: Number
    Default: 1
  RefreshUnit:
    Type: String
    Default: hours
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      AccessTokenValidity: !If [Prod, 1, 5]
                                         ^
      RefreshTokenValidity: !Ref RefreshDays
      TokenValidityUnits:
        RefreshToken: !Ref RefreshUnit
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "IdTokenValidity": 12, "RefreshTokenValidity": 360, "TokenValidityUnits": {"RefreshToken": "minutes"}}
                                                                      ^~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        AccessTokenValidity: 12
        RefreshTokenValidity: \${self:custom.refreshHours}
        TokenValidityUnits:
          RefreshToken: hours
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('web')}        AccessTokenValidity: 12
                             ^~
        RefreshTokenValidity: 6
        TokenValidityUnits:
          RefreshToken: hours
`,
    },
    {
      name: 'terraform: unit from a variable without default: silent',
      path: 'main.tf',
      text: `${TF}  access_token_validity = 1
  refresh_token_validity = 12
  token_validity_units {
    access_token = var.unit
    refresh_token = "hours"
  }
}
`,
    },
  ],
});
