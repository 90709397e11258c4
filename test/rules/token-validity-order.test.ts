import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'token-validity-order';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

function related(path: string, text: string): Array<Array<[number, number, number, number, string]>> {
  const findings = evaluate([loadFile(new SourceFile(path, text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));
  return findings.map((f) => f.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column, r.message]));
}

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'correctness');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'error');
});

test('cloudformation yaml: compared as durations', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['all defaults: 1 hour, 1 hour, 30 days', [], []],
    ['access 1 day, refresh 1 day: equal is fine', ['AccessTokenValidity: 24', 'RefreshTokenValidity: 1'], []],
    [
      'access 1 day, refresh 60 minutes',
      ['AccessTokenValidity: 1', 'RefreshTokenValidity: 60', 'TokenValidityUnits: {AccessToken: days, RefreshToken: minutes}'],
      [at(6, 28, 6, 29)],
    ],
    ['access 1440 minutes, refresh 1 day (CDK minutes)', ['AccessTokenValidity: 1440', 'RefreshTokenValidity: 1440', 'TokenValidityUnits: {AccessToken: minutes, RefreshToken: minutes}'], []],
    [
      'access and id longer than a 2 hour refresh token',
      ['AccessTokenValidity: 3', 'IdTokenValidity: 180', 'RefreshTokenValidity: 2', 'TokenValidityUnits: {IdToken: minutes, RefreshToken: hours}'],
      [at(6, 28, 6, 29), at(7, 24, 7, 27)],
    ],
    ['id 2 hours against an omitted refresh (30 days)', ['IdTokenValidity: 2'], []],
    ['access 40 days against the 30 day default (out of range too)', ['AccessTokenValidity: 40', 'TokenValidityUnits: {AccessToken: days}'], [at(6, 28, 6, 30)]],
    [
      'omitted access (1 hour) against a 30 minute refresh: at the refresh value, once per token',
      ['RefreshTokenValidity: 30', 'TokenValidityUnits: {RefreshToken: minutes}'],
      [at(6, 29, 6, 31), at(6, 29, 6, 31)],
    ],
    ['refresh 0 means 30 days', ['AccessTokenValidity: 24', 'RefreshTokenValidity: 0'], []],
    ['unknown refresh is silent', ['AccessTokenValidity: 24', 'RefreshTokenValidity: !GetAtt Cfg.Refresh', 'TokenValidityUnits: {RefreshToken: hours}'], []],
    ['unknown refresh unit is silent', ['AccessTokenValidity: 24', 'RefreshTokenValidity: 1', 'TokenValidityUnits: {RefreshToken: !Ref Unit}'], []],
    ['unknown access is silent', ['AccessTokenValidity: !Ref Validity', 'RefreshTokenValidity: 1', 'TokenValidityUnits: {RefreshToken: hours}'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages and related locations', () => {
  const text = cfn('AccessTokenValidity: 1', 'RefreshTokenValidity: 60', 'TokenValidityUnits:', '  AccessToken: days', '  RefreshToken: minutes');
  assert.deepEqual(
    runRule(ID, 't.yaml', text).map((row) => row.message),
    [
      'AccessTokenValidity 1 (days) is 1 day, longer than the refresh token lifetime of 60 minutes (1 hour) (RefreshTokenValidity 60 (minutes)); access tokens must not outlive the refresh token. Lower AccessTokenValidity to 1 hour or less, or raise RefreshTokenValidity.',
    ],
  );
  assert.deepEqual(related('t.yaml', text), [
    [
      [9, 22, 9, 26, 'TokenValidityUnits.AccessToken is "days" here'],
      [7, 29, 7, 31, 'RefreshTokenValidity is 60 (minutes) here'],
      [10, 23, 10, 30, 'TokenValidityUnits.RefreshToken is "minutes" here'],
    ],
  ]);
  assert.equal(
    runRule(ID, 't.yaml', cfn('IdTokenValidity: 40', 'TokenValidityUnits: {IdToken: days}'))[0]!.message,
    'IdTokenValidity 40 (days) is 40 days, longer than the refresh token lifetime of 30 days (the default: RefreshTokenValidity is not set); ID tokens must not outlive the refresh token. Lower IdTokenValidity to 30 days or less, or raise RefreshTokenValidity.',
  );
  assert.deepEqual(related('t.yaml', cfn('IdTokenValidity: 40', 'TokenValidityUnits: {IdToken: days}')), [[[7, 37, 7, 41, 'TokenValidityUnits.IdToken is "days" here']]]);
  assert.deepEqual(
    runRule(ID, 't.yaml', cfn('RefreshTokenValidity: 30', 'TokenValidityUnits: {RefreshToken: minutes}')).map((row) => row.message),
    [
      'AccessTokenValidity is not set, so access tokens last 1 hour (the default), longer than the refresh token lifetime of 30 minutes (RefreshTokenValidity 30 (minutes)); access tokens must not outlive the refresh token. Raise RefreshTokenValidity to at least 1 hour, or set AccessTokenValidity to 30 minutes or less.',
      'IdTokenValidity is not set, so ID tokens last 1 hour (the default), longer than the refresh token lifetime of 30 minutes (RefreshTokenValidity 30 (minutes)); ID tokens must not outlive the refresh token. Raise RefreshTokenValidity to at least 1 hour, or set IdTokenValidity to 30 minutes or less.',
    ],
  );
});

test('Parameter defaults and Fn::If', () => {
  const text = [
    'Parameters:',
    '  RefreshDays:',
    '    Type: Number',
    '    Default: 1',
    '  RefreshUnit:',
    '    Type: String',
    '    Default: hours',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AccessTokenValidity: 2',
    '      RefreshTokenValidity: !Ref RefreshDays',
    '      TokenValidityUnits:',
    '        RefreshToken: !Ref RefreshUnit',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 28, 14, 29)]);
  assert.equal(
    rows[0]!.message,
    'AccessTokenValidity 2 (hours) is 2 hours, longer than the refresh token lifetime of 1 hour (RefreshTokenValidity 1 (hours)); access tokens must not outlive the refresh token. Lower AccessTokenValidity to 1 hour or less, or raise RefreshTokenValidity. (RefreshTokenValidity comes from the default of Parameter "RefreshDays") (the refresh token unit "hours" comes from the default of Parameter "RefreshUnit")',
  );
  assert.deepEqual(related('t.yaml', text), [
    [
      [15, 29, 15, 45, 'RefreshTokenValidity is 1 (hours) here'],
      [4, 14, 4, 15, 'default of Parameter "RefreshDays"'],
      [17, 23, 17, 39, 'TokenValidityUnits.RefreshToken is "hours" here'],
      [7, 14, 7, 19, 'default of Parameter "RefreshUnit"'],
    ],
  ]);
  // Without defaults the refresh lifetime is unknown: silent.
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: 1\n', '')), []);
  // One branch too long: one finding.
  const branches = text.replace('AccessTokenValidity: 2', 'AccessTokenValidity: !If [Prod, 1, 5]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(14, 42, 14, 43)]);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "UserPoolClient2F5918F7": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AccessTokenValidity": 1440,
    "IdTokenValidity": 60,
    "RefreshTokenValidity": 60,
    "TokenValidityUnits": { "AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "minutes" },
    "UserPoolId": { "Ref": "UserPool6BA7E5F2" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(6, 28, 6, 32)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"RefreshTokenValidity": 60', '"RefreshTokenValidity": 43200')), []);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "IdTokenValidity": 12, "RefreshTokenValidity": 360, "TokenValidityUnits": {"RefreshToken": "minutes"}}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 73, 1, 75)]);
  const update = create.replace('"ClientName": "web"', '"ClientId": "abc"');
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 71, 1, 73)]);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "AccessTokenValidity": 60,\n    "RefreshTokenValidity": 30,\n    "TokenValidityUnits": {"AccessToken": "minutes", "RefreshToken": "days"}\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), []);
  assert.deepEqual(positions(ID, 'describe.json', describe.replace('"AccessToken": "minutes"', '"AccessToken": "days"')), [at(4, 28, 4, 30)]);
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
    '        AccessTokenValidity: 12',
    '        RefreshTokenValidity: ${self:custom.refreshHours}',
    '        TokenValidityUnits:',
    '          RefreshToken: hours',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.refreshHours}', '6')), [at(8, 30, 8, 32)]);
});
