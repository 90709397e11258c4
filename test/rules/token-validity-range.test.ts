import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'token-validity-range';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

/** Related locations of the findings, as [line, column, endLine, endColumn, message]. */
function related(path: string, text: string): Array<Array<[number, number, number, number, string]>> {
  const rule = loadRule(ID);
  const findings = evaluate([loadFile(new SourceFile(path, text))], [rule], new Map([[ID, { severity: 'error', options: {} }]]));
  return findings.map((f) => f.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column, r.message]));
}

test('metadata', () => {
  const { meta } = loadRule(ID);
  assert.equal(meta.category, 'correctness');
  assert.equal(meta.defaultSeverity, 'error');
});

test('cloudformation yaml: unit-aware ranges', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['all absent: API defaults are in range', [], []],
    ['access 48 hours (default unit)', ['AccessTokenValidity: 48'], [at(6, 28, 6, 30)]],
    ['access 24 hours = 1 day is the maximum', ['AccessTokenValidity: 24'], []],
    ['access 25 hours', ['AccessTokenValidity: 25'], [at(6, 28, 6, 30)]],
    ['access 5 minutes is the minimum', ['AccessTokenValidity: 5', 'TokenValidityUnits: {AccessToken: minutes}'], []],
    ['access 4 minutes', ['AccessTokenValidity: 4', 'TokenValidityUnits: {AccessToken: minutes}'], [at(6, 28, 6, 29)]],
    ['access 299 seconds', ['AccessTokenValidity: 299', 'TokenValidityUnits: {AccessToken: seconds}'], [at(6, 28, 6, 31)]],
    ['access 300 seconds', ['AccessTokenValidity: 300', 'TokenValidityUnits: {AccessToken: seconds}'], []],
    ['access 86400 in hours passes the schema but is 86400 hours', ['AccessTokenValidity: 86400'], [at(6, 28, 6, 33)]],
    ['access 86400 seconds = 1 day', ['AccessTokenValidity: 86400', 'TokenValidityUnits: {AccessToken: seconds}'], []],
    ['access 2 days', ['AccessTokenValidity: 2', 'TokenValidityUnits: {AccessToken: days}'], [at(6, 28, 6, 29)]],
    ['id 10 seconds: only the unit makes it wrong', ['IdTokenValidity: 10', 'TokenValidityUnits:', '  IdToken: seconds'], [at(6, 24, 6, 26)]],
    ['id 1441 minutes', ['IdTokenValidity: 1441', 'TokenValidityUnits:', '  IdToken: minutes'], [at(6, 24, 6, 28)]],
    ['units for other tokens do not apply', ['IdTokenValidity: 10', 'TokenValidityUnits: {AccessToken: seconds, RefreshToken: minutes}'], []],
    ['refresh 3650 days = 10 years', ['RefreshTokenValidity: 3650'], []],
    ['refresh 3651 days', ['RefreshTokenValidity: 3651'], [at(6, 29, 6, 33)]],
    ['refresh 60 minutes', ['RefreshTokenValidity: 60', 'TokenValidityUnits: {RefreshToken: minutes}'], []],
    ['refresh 59 minutes', ['RefreshTokenValidity: 59', 'TokenValidityUnits: {RefreshToken: minutes}'], [at(6, 29, 6, 31)]],
    ['refresh 1 hour', ['RefreshTokenValidity: 1', 'TokenValidityUnits: {RefreshToken: hours}'], []],
    ['refresh 0', ['RefreshTokenValidity: 0'], [at(6, 29, 6, 30)]],
    ['numeric strings are what CloudFormation sends', ["AccessTokenValidity: '48'"], [at(6, 28, 6, 32)]],
    ['AuthSessionValidity 3 and 15', ['AuthSessionValidity: 3'], []],
    ['AuthSessionValidity 15', ['AuthSessionValidity: 15'], []],
    ['AuthSessionValidity 2', ['AuthSessionValidity: 2'], [at(6, 28, 6, 29)]],
    ['AuthSessionValidity 16', ['AuthSessionValidity: 16'], [at(6, 28, 6, 30)]],
    ['RetryGracePeriodSeconds 0 and 60', ['RefreshTokenRotation: {Feature: ENABLED, RetryGracePeriodSeconds: 0}'], []],
    ['RetryGracePeriodSeconds 60', ['RefreshTokenRotation: {Feature: ENABLED, RetryGracePeriodSeconds: 60}'], []],
    ['RetryGracePeriodSeconds 61', ['RefreshTokenRotation:', '  Feature: ENABLED', '  RetryGracePeriodSeconds: 61'], [at(8, 34, 8, 36)]],
    ['RetryGracePeriodSeconds -1', ['RefreshTokenRotation: {Feature: ENABLED, RetryGracePeriodSeconds: -1}'], [at(6, 73, 6, 75)]],
    ['unknown unit (Ref without Default) is silent', ['AccessTokenValidity: 48', 'TokenValidityUnits: {AccessToken: !Ref Unit}'], []],
    ['whole units object from GetAtt is silent', ['AccessTokenValidity: 48', 'TokenValidityUnits: !GetAtt Cfg.Units'], []],
    ['unknown value is silent', ['AccessTokenValidity: !GetAtt Cfg.Validity'], []],
    ['an invalid unit is the schema rule\'s', ['AccessTokenValidity: 48', 'TokenValidityUnits: {AccessToken: weeks}'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages show the computed duration and the fix', () => {
  const message = (...props: string[]): string => runRule(ID, 't.yaml', cfn(...props))[0]!.message;
  assert.equal(
    message('AccessTokenValidity: 48'),
    'AccessTokenValidity 48 (hours) is 48 hours (2 days), which exceeds the 1 day maximum for access tokens; expected 5 minutes to 1 day. Lower AccessTokenValidity, or set TokenValidityUnits.AccessToken to a smaller unit (it defaults to hours).',
  );
  assert.equal(
    message('IdTokenValidity: 10', 'TokenValidityUnits: {IdToken: seconds}'),
    'IdTokenValidity 10 (seconds) is 10 seconds, which is below the 5 minutes minimum for ID tokens; expected 5 minutes to 1 day. Raise IdTokenValidity or use a larger unit in TokenValidityUnits.IdToken.',
  );
  assert.equal(
    message('RefreshTokenValidity: 3651'),
    'RefreshTokenValidity 3651 (days) is 3651 days, which exceeds the 10 years (3650 days) maximum for refresh tokens; expected 60 minutes to 10 years (3650 days). Lower RefreshTokenValidity, or set TokenValidityUnits.RefreshToken to a smaller unit (it defaults to days).',
  );
  assert.equal(
    message('RefreshTokenValidity: 120', 'TokenValidityUnits: {RefreshToken: seconds}'),
    'RefreshTokenValidity 120 (seconds) is 120 seconds (2 minutes), which is below the 60 minutes minimum for refresh tokens; expected 60 minutes to 10 years (3650 days). Raise RefreshTokenValidity or use a larger unit in TokenValidityUnits.RefreshToken.',
  );
  assert.equal(
    message('RefreshTokenValidity: 0'),
    'RefreshTokenValidity is 0, which Cognito accepts but replaces with the 30 day default; expected a refresh token lifetime of 60 minutes to 10 years (3650 days). Write the lifetime you want (for example 30 with the default unit days), or remove RefreshTokenValidity.',
  );
  assert.equal(
    message('AuthSessionValidity: 30'),
    'AuthSessionValidity 30 is 30 minutes, outside the 3 to 15 minutes Cognito allows for an authentication session; expected 3 to 15 (minutes). Set AuthSessionValidity to a value from 3 to 15.',
  );
  assert.equal(
    message('RefreshTokenRotation: {Feature: ENABLED, RetryGracePeriodSeconds: 90}'),
    'RefreshTokenRotation.RetryGracePeriodSeconds 90 is outside the 0 to 60 seconds Cognito allows; expected 0 to 60. Set RetryGracePeriodSeconds to a value from 0 to 60.',
  );
});

test('a written unit is a related location', () => {
  assert.deepEqual(related('t.yaml', cfn('IdTokenValidity: 10', 'TokenValidityUnits:', '  IdToken: seconds')), [[[8, 18, 8, 25, 'TokenValidityUnits.IdToken is "seconds" here']]]);
  assert.deepEqual(related('t.yaml', cfn('AccessTokenValidity: 48')), [[]]);
});

test('values and units from Parameter defaults; Fn::If branches', () => {
  const text = [
    'Parameters:',
    '  Validity:',
    '    Type: Number',
    '    Default: 48',
    '  Unit:',
    '    Type: String',
    '    Default: days',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AccessTokenValidity: !Ref Validity',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 28, 14, 41)]);
  assert.match(rows[0]!.message, /^AccessTokenValidity 48 \(hours\) is 48 hours.* \(the value comes from the default of Parameter "Validity"\)$/);
  assert.deepEqual(related('t.yaml', text), [[[4, 14, 4, 16, 'default of Parameter "Validity"']]]);

  // A literal value whose unit is known only from a default: the message and the related locations say so.
  const unitFromDefault = text.replace('AccessTokenValidity: !Ref Validity', 'AccessTokenValidity: 3\n      TokenValidityUnits:\n        AccessToken: !Ref Unit');
  const unitRows = runRule(ID, 't.yaml', unitFromDefault);
  assert.deepEqual(unitRows.map(({ message: _m, ...rest }) => rest), [at(14, 28, 14, 29)]);
  assert.equal(
    unitRows[0]!.message,
    'AccessTokenValidity 3 (days) is 3 days, which exceeds the 1 day maximum for access tokens; expected 5 minutes to 1 day. Lower AccessTokenValidity or use a smaller unit in TokenValidityUnits.AccessToken. (the unit "days" comes from the default of Parameter "Unit")',
  );
  assert.deepEqual(related('t.yaml', unitFromDefault), [
    [
      [16, 22, 16, 31, 'TokenValidityUnits.AccessToken is "days" here'],
      [7, 14, 7, 18, 'default of Parameter "Unit"'],
    ],
  ]);

  // Without a Default the parameter is unknown: silent.
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: 48\n', '')), []);

  // One bad branch: exactly one finding, at that branch.
  const branches = text.replace('!Ref Validity', '!If [Prod, 1, 48]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(14, 42, 14, 44)]);
  const unitBranches = text.replace('AccessTokenValidity: !Ref Validity', 'AccessTokenValidity: 30\n      TokenValidityUnits:\n        AccessToken: !If [Prod, minutes, hours]');
  assert.deepEqual(positions(ID, 't.yaml', unitBranches), [at(14, 28, 14, 30)]);
  const noValue = text.replace('!Ref Validity', '!If [Prod, 48, !Ref AWS::NoValue]');
  assert.deepEqual(positions(ID, 't.yaml', noValue), [at(14, 39, 14, 41)]);
});

test('cloudformation json (CDK synth, always minutes): 1440 minutes is exactly 1 day and passes', () => {
  const text = `{
 "Resources": {
  "UserPoolClient2F5918F7": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AccessTokenValidity": 1440,
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
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), []);
  const over = text.replace('"IdTokenValidity": 1440', '"IdTokenValidity": 1441').replace('"RefreshTokenValidity": 43200', '"RefreshTokenValidity": 30');
  assert.deepEqual(positions(ID, 'Stack.template.json', over), [at(7, 24, 7, 28), at(8, 29, 8, 31)]);
  // Numeric strings and Fn::If in JSON.
  const ifJson = text.replace('"AccessTokenValidity": 1440', '"AccessTokenValidity": { "Fn::If": ["Long", "2000", "60"] }');
  assert.deepEqual(positions(ID, 'Stack.template.json', ifJson), [at(6, 49, 6, 55)]);
});

test('api requests: create and update behave alike; absent members are defaults', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "AccessTokenValidity": 86400}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 77, 1, 82)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AccessTokenValidity": 86400, "TokenValidityUnits": {"AccessToken": "seconds"}, "AuthSessionValidity": 1}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 155, 1, 156)]);
  assert.deepEqual(positions(ID, 'update.json', '{"UserPoolId": "us-east-1_abc", "ClientId": "abc"}'), []);
  // A string in the API is a type error for the schema rule, not a duration.
  assert.deepEqual(positions(ID, 'create.json', '{"UserPoolId": "p", "ClientName": "w", "AccessTokenValidity": "48"}'), []);
});

test('api response (DescribeUserPoolClient)', () => {
  const text = `{
  "UserPoolClient": {
    "UserPoolId": "us-east-1_abc",
    "ClientId": "abc",
    "RefreshTokenValidity": 30,
    "AccessTokenValidity": 60,
    "IdTokenValidity": 60,
    "TokenValidityUnits": { "AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days" },
    "AuthSessionValidity": 3
  }
}`;
  assert.deepEqual(positions(ID, 'describe.json', text), []);
  assert.deepEqual(positions(ID, 'describe.json', text.replace('"RefreshToken": "days"', '"RefreshToken": "minutes"')), [at(5, 29, 5, 31)]);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: web',
    'custom:',
    '  validity: 48',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        AccessTokenValidity: ${self:custom.validity}',
    '        TokenValidityUnits:',
    '          IdToken: ${self:custom.unit}',
    '        IdTokenValidity: 100',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.validity}', '48')), [at(10, 30, 10, 32)]);
});
