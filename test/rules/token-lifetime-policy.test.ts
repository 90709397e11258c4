import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester, PLAN_UNSET } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'token-lifetime-policy';

test('metadata and options', () => {
  const { meta } = loadRule(ID);
  assert.equal(meta.category, 'security');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.deepEqual(meta.defaultOptions, { maxAccessToken: '1h', maxIdToken: '1h', maxRefreshToken: '30d' });
  const pattern = new RegExp(((meta.optionsSchema!.properties as Record<string, { pattern: string }>).maxAccessToken!).pattern);
  for (const good of ['1h', '30d', '90m', '3600s', ' 15 m ']) assert.ok(pattern.test(good), good);
  for (const bad of ['1 hour', 'PT1H', '1.5h', 'h', '']) assert.ok(!pattern.test(bad), bad);
});

const ZERO_REJECTED = 'the resource schema or the provider rejects 0 (token-validity-range): no lifetime to judge';
/** 30 minute access and id tokens, 30 day refresh tokens: within the default policy. */
const SHORT = { AccessTokenValidity: 30, IdTokenValidity: 30, RefreshTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' } };
const DESCRIBED = { AccessTokenValidity: 60, IdTokenValidity: 60, RefreshTokenValidity: 30, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' } };

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  RefreshDays:
    Type: Number
    Default: 365
  IdUnit:
    Type: String
    Default: days
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
`;

// Default policy: 1h / 1h / 30d.
ruleTester(ID, {
  valid: [
    { name: 'absent members are the API defaults, within policy', client: {} },
    { name: 'access 1 hour', client: { AccessTokenValidity: 1 } },
    { name: 'access 60 minutes', client: { AccessTokenValidity: 60, TokenValidityUnits: { AccessToken: 'minutes' } } },
    { name: 'id 3600 seconds', client: { IdTokenValidity: 3600, TokenValidityUnits: { IdToken: 'seconds' } } },
    { name: 'refresh 30 days', client: { RefreshTokenValidity: 30 } },
    { name: 'refresh 720 hours = 30 days', client: { RefreshTokenValidity: 720, TokenValidityUnits: { RefreshToken: 'hours' } } },
    { name: 'refresh 0 is replaced by 30 days: within the default policy', client: { RefreshTokenValidity: 0 } },
    { name: 'options: 30 minutes within the defaults', client: SHORT },
    { name: 'options: an invalid option falls back to the default', client: SHORT, options: { maxAccessToken: 'soon' } },
    { name: 'options: refresh 90 days within 90d', client: { RefreshTokenValidity: 90 }, options: { maxRefreshToken: '90d' } },
    // Only written values are judged: the 1 hour default is not held against a stricter policy.
    { name: 'options: absent access token under a stricter policy', client: {}, options: { maxAccessToken: '15m' } },
    { name: 'within policy in minutes', client: { AccessTokenValidity: 15, RefreshTokenValidity: 7, TokenValidityUnits: { AccessToken: 'minutes' } } },
    { name: 'a description within policy', client: DESCRIBED },
  ],
  invalid: [
    { name: 'access 61 minutes', client: { AccessTokenValidity: 61, TokenValidityUnits: { AccessToken: 'minutes' } }, errors: [{ at: 'AccessTokenValidity' }] },
    {
      name: 'access 1 day (CDK minutes)',
      client: { AccessTokenValidity: 1440, TokenValidityUnits: { AccessToken: 'minutes' } },
      errors: [
        {
          at: 'AccessTokenValidity',
          message: {
            api: 'AccessTokenValidity 1440 (minutes) is 1440 minutes (1 day), longer than the 1 hour policy maximum for access tokens (option maxAccessToken); a leaked access token stays usable that long. Lower AccessTokenValidity to 1 hour or less, or raise maxAccessToken if this lifetime is intended.',
          },
        },
      ],
    },
    { name: 'id 2 hours', client: { IdTokenValidity: 2 }, errors: [{ at: 'IdTokenValidity' }] },
    { name: 'refresh 31 days', client: { RefreshTokenValidity: 31 }, errors: [{ at: 'RefreshTokenValidity' }] },
    { name: 'refresh 90 days', client: { RefreshTokenValidity: 90 }, errors: [{ at: 'RefreshTokenValidity' }] },
    { name: 'refresh 3650 days', client: { RefreshTokenValidity: 3650 }, errors: [{ at: 'RefreshTokenValidity' }] },
    { name: '24 hour access token, 365 day refresh token', client: { AccessTokenValidity: 24, RefreshTokenValidity: 365 }, errors: [{ at: 'AccessTokenValidity' }, { at: 'RefreshTokenValidity' }] },
    { name: 'options: maxAccessToken 15m', client: SHORT, options: { maxAccessToken: '15m' }, errors: [{ at: 'AccessTokenValidity' }] },
    { name: 'options: maxIdToken 900s and maxRefreshToken 7d', client: SHORT, options: { maxIdToken: '900s', maxRefreshToken: '7d' }, errors: [{ at: 'IdTokenValidity' }, { at: 'RefreshTokenValidity' }] },
    {
      name: 'options: refresh 0 in an API request is the 30 day default, above 7d',
      skip: { 'terraform-plan': PLAN_UNSET, 'cloudformation-yaml': ZERO_REJECTED, 'cloudformation-json': ZERO_REJECTED, terraform: ZERO_REJECTED },
      client: { RefreshTokenValidity: 0 },
      options: { maxRefreshToken: '7d' },
      errors: [
        {
          at: 'RefreshTokenValidity',
          message: {
            api: 'RefreshTokenValidity 0 is replaced by Cognito with the 30 day default, longer than the 7 days policy maximum for refresh tokens (option maxRefreshToken); a leaked refresh token stays usable that long. Set RefreshTokenValidity to 7 days or less, or raise maxRefreshToken if this lifetime is intended.',
          },
        },
      ],
    },
    { name: 'id 120 minutes as CDK writes it', client: { AccessTokenValidity: 60, IdTokenValidity: 120, RefreshTokenValidity: 43200, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' } }, errors: [{ at: 'IdTokenValidity' }] },
    { name: 'a description with 60 hours', client: { ...DESCRIBED, TokenValidityUnits: { ...DESCRIBED.TokenValidityUnits, AccessToken: 'hours' } }, errors: [{ at: 'AccessTokenValidity' }] },
  ],
  fixtures: [
    {
      name: 'unknown value',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: !GetAtt Cfg.Validity
`,
    },
    {
      name: 'unknown unit',
      path: 'template.yaml',
      text: `${CFN}      AccessTokenValidity: 12
      TokenValidityUnits: {AccessToken: !Ref Unit}
`,
    },
    {
      name: 'Parameter defaults: value and unit',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      RefreshTokenValidity: !Ref RefreshDays
                            ^~~~~~~~~~~~~~~~ a
      IdTokenValidity: 1
                       ^ b
      TokenValidityUnits:
        IdToken: !Ref IdUnit
`,
      errors: [
        { at: 'a', message: /^RefreshTokenValidity 365 \(days\) is 365 days, longer than the 30 days policy maximum.*\(the value comes from the default of Parameter "RefreshDays"\)$/ },
        { at: 'b', message: /^IdTokenValidity 1 \(days\) is 1 day, .* \(the unit "days" comes from the default of Parameter "IdUnit"\)$/ },
      ],
    },
    {
      name: 'Parameters without defaults',
      path: 't.yaml',
      text: `Parameters:
  RefreshDays:
    Type: Number
  IdUnit:
    Type: String
Conditions:
  Prod: !Equals [!Ref Env, prod]
Resources:
${CLIENT_YAML}      RefreshTokenValidity: !Ref RefreshDays
      IdTokenValidity: 1
      TokenValidityUnits:
        IdToken: !Ref IdUnit
`,
    },
    {
      name: 'Fn::If branches',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      RefreshTokenValidity: !If [Prod, 7, 90]
                                          ^~
      IdTokenValidity: 1
      TokenValidityUnits:
        IdToken: !If [Prod, hours, minutes]
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "RefreshTokenValidity": 90}
                                                                           ^~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        RefreshTokenValidity: \${self:custom.refreshDays}
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('web')}        RefreshTokenValidity: 365
                              ^~~
`,
    },
  ],
});
