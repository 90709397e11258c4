import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'token-lifetime-policy';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('metadata and options', () => {
  const { meta } = loadRule(ID);
  assert.equal(meta.category, 'security');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.deepEqual(meta.defaultOptions, { maxAccessToken: '1h', maxIdToken: '1h', maxRefreshToken: '30d' });
  const pattern = new RegExp(((meta.optionsSchema!.properties as Record<string, { pattern: string }>).maxAccessToken!).pattern);
  for (const good of ['1h', '30d', '90m', '3600s', ' 15 m ']) assert.ok(pattern.test(good), good);
  for (const bad of ['1 hour', 'PT1H', '1.5h', 'h', '']) assert.ok(!pattern.test(bad), bad);
});

test('cloudformation yaml: default policy 1h / 1h / 30d', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['absent members are the API defaults, within policy', [], []],
    ['access 1 hour', ['AccessTokenValidity: 1'], []],
    ['access 60 minutes', ['AccessTokenValidity: 60', 'TokenValidityUnits: {AccessToken: minutes}'], []],
    ['access 61 minutes', ['AccessTokenValidity: 61', 'TokenValidityUnits: {AccessToken: minutes}'], [at(6, 28, 6, 30)]],
    ['access 1 day (CDK minutes)', ['AccessTokenValidity: 1440', 'TokenValidityUnits: {AccessToken: minutes}'], [at(6, 28, 6, 32)]],
    ['id 2 hours', ['IdTokenValidity: 2'], [at(6, 24, 6, 25)]],
    ['id 3600 seconds', ['IdTokenValidity: 3600', 'TokenValidityUnits: {IdToken: seconds}'], []],
    ['refresh 30 days', ['RefreshTokenValidity: 30'], []],
    ['refresh 31 days', ['RefreshTokenValidity: 31'], [at(6, 29, 6, 31)]],
    ['refresh 3650 days', ['RefreshTokenValidity: 3650'], [at(6, 29, 6, 33)]],
    ['refresh 720 hours = 30 days', ['RefreshTokenValidity: 720', 'TokenValidityUnits: {RefreshToken: hours}'], []],
    ['refresh 0 is replaced by 30 days: within the default policy', ['RefreshTokenValidity: 0'], []],
    ['unknown value', ['AccessTokenValidity: !GetAtt Cfg.Validity'], []],
    ['unknown unit', ['AccessTokenValidity: 12', 'TokenValidityUnits: {AccessToken: !Ref Unit}'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('options change the limits; an invalid option falls back to the default', () => {
  const text = cfn('AccessTokenValidity: 30', 'IdTokenValidity: 30', 'RefreshTokenValidity: 0', 'TokenValidityUnits: {AccessToken: minutes, IdToken: minutes}');
  assert.deepEqual(positions(ID, 't.yaml', text), []);
  assert.deepEqual(positions(ID, 't.yaml', text, { maxAccessToken: '15m' }), [at(6, 28, 6, 30)]);
  assert.deepEqual(positions(ID, 't.yaml', text, { maxIdToken: '900s', maxRefreshToken: '7d' }), [at(7, 24, 7, 26), at(8, 29, 8, 30)]);
  assert.deepEqual(positions(ID, 't.yaml', text, { maxAccessToken: 'soon' }), []);
  assert.deepEqual(positions(ID, 't.yaml', cfn('RefreshTokenValidity: 90'), { maxRefreshToken: '90d' }), []);
  // Only written values are judged: the 1 hour default is not held against a stricter policy.
  assert.deepEqual(positions(ID, 't.yaml', cfn(), { maxAccessToken: '15m' }), []);
});

test('messages', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn('AccessTokenValidity: 1440', 'TokenValidityUnits: {AccessToken: minutes}'))[0]!.message,
    'AccessTokenValidity 1440 (minutes) is 1440 minutes (1 day), longer than the 1 hour policy maximum for access tokens (option maxAccessToken); a leaked access token stays usable that long. Lower AccessTokenValidity to 1 hour or less, or raise maxAccessToken if this lifetime is intended.',
  );
  assert.equal(
    runRule(ID, 't.yaml', cfn('RefreshTokenValidity: 0'), { maxRefreshToken: '7d' })[0]!.message,
    'RefreshTokenValidity 0 is replaced by Cognito with the 30 day default, longer than the 7 days policy maximum for refresh tokens (option maxRefreshToken); a leaked refresh token stays usable that long. Set RefreshTokenValidity to 7 days or less, or raise maxRefreshToken if this lifetime is intended.',
  );
});

test('Parameter defaults and Fn::If', () => {
  const text = [
    'Parameters:',
    '  RefreshDays:',
    '    Type: Number',
    '    Default: 365',
    '  IdUnit:',
    '    Type: String',
    '    Default: days',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      RefreshTokenValidity: !Ref RefreshDays',
    '      IdTokenValidity: 1',
    '      TokenValidityUnits:',
    '        IdToken: !Ref IdUnit',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 29, 14, 45), at(15, 24, 15, 25)]);
  assert.match(rows[0]!.message, /^RefreshTokenValidity 365 \(days\) is 365 days, longer than the 30 days policy maximum.*\(the value comes from the default of Parameter "RefreshDays"\)$/);
  assert.match(rows[1]!.message, /^IdTokenValidity 1 \(days\) is 1 day, .* \(the unit "days" comes from the default of Parameter "IdUnit"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: 365\n', '').replace('    Default: days\n', '')), []);
  const branches = text.replace('!Ref RefreshDays', '!If [Prod, 7, 90]').replace('!Ref IdUnit', '!If [Prod, hours, minutes]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(14, 43, 14, 45)]);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AccessTokenValidity": 60,
    "IdTokenValidity": 120,
    "RefreshTokenValidity": 43200,
    "TokenValidityUnits": { "AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "minutes" },
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(7, 24, 7, 27)]);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "RefreshTokenValidity": 90}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 78, 1, 80)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "RefreshTokenValidity": 90}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 76, 1, 78)]);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "AccessTokenValidity": 60,\n    "IdTokenValidity": 60,\n    "RefreshTokenValidity": 30,\n    "TokenValidityUnits": {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"}\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), []);
  assert.deepEqual(positions(ID, 'describe.json', describe.replace('"AccessToken": "minutes"', '"AccessToken": "hours"')), [at(4, 28, 4, 30)]);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: web',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        RefreshTokenValidity: ${self:custom.refreshDays}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.refreshDays}', '365')), [at(8, 31, 8, 34)]);
});
