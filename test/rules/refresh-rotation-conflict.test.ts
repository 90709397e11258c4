import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'refresh-rotation-conflict';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });
const ROTATION = ['RefreshTokenRotation:', '  Feature: ENABLED', '  RetryGracePeriodSeconds: 10'];

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['ExplicitAuthFlows absent: default includes refresh auth, at the Feature value', [...ROTATION], [at(7, 18, 7, 25)]],
    ['ALLOW_REFRESH_TOKEN_AUTH listed: at the item', [...ROTATION, 'ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]'], [at(9, 48, 9, 72)]],
    ['flow mapping style', ['RefreshTokenRotation: {Feature: ENABLED}', 'ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]'], [at(7, 27, 7, 51)]],
    ['rotation without refresh auth', [...ROTATION, 'ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]'], []],
    ['rotation disabled', ['RefreshTokenRotation: {Feature: DISABLED}'], []],
    ['rotation absent', ['ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]'], []],
    ['Feature from Ref without a default', ['RefreshTokenRotation: {Feature: !Ref Rotation}'], []],
    ['ExplicitAuthFlows from GetAtt', [...ROTATION, 'ExplicitAuthFlows: !GetAtt Cfg.Flows'], []],
    ['ExplicitAuthFlows with an unknown item only', [...ROTATION, 'ExplicitAuthFlows: [!Ref Flow]'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn(...ROTATION))[0]!.message,
    'RefreshTokenRotation.Feature is ENABLED but ExplicitAuthFlows is not set, and its default (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH) includes ALLOW_REFRESH_TOKEN_AUTH, which cannot be used with rotation. Set ExplicitAuthFlows to the flows the app uses without ALLOW_REFRESH_TOKEN_AUTH, for example [ALLOW_USER_SRP_AUTH].',
  );
  const text = cfn(...ROTATION, 'ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]');
  assert.equal(
    runRule(ID, 't.yaml', text)[0]!.message,
    'ExplicitAuthFlows has ALLOW_REFRESH_TOKEN_AUTH while RefreshTokenRotation.Feature is ENABLED; REFRESH_TOKEN_AUTH cannot be used with rotation, which refreshes through GetTokensFromRefreshToken. Remove ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows.',
  );
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.equal(finding!.path, 'ExplicitAuthFlows[0]');
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.message]), [[7, 18, 'RefreshTokenRotation.Feature is ENABLED here']]);
});

test('Feature from a Parameter default', () => {
  const text = [
    'Parameters:',
    '  Rotation:',
    '    Type: String',
    '    AllowedValues: [ENABLED, DISABLED]',
    '    Default: ENABLED',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      RefreshTokenRotation:',
    '        Feature: !Ref Rotation',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(11, 18, 11, 31)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "Rotation"\)$/);
  const listed = runRule(ID, 't.yaml', `${text}      ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]\n`);
  assert.deepEqual(listed.map(({ message: _m, ...rest }) => rest), [at(12, 27, 12, 51)]);
  assert.match(listed[0]!.message, /while RefreshTokenRotation\.Feature is ENABLED, from the default of Parameter "Rotation";/);
});

test('Fn::If: one finding for the rotating branch', () => {
  const text = [
    'Conditions:',
    '  Rotate: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      RefreshTokenRotation:',
    '        Feature: !If [Rotate, ENABLED, DISABLED]',
    '      ExplicitAuthFlows:',
    '        - ALLOW_USER_SRP_AUTH',
    '        - ALLOW_REFRESH_TOKEN_AUTH',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(11, 11, 11, 35)]);
});

test('cloudformation json', () => {
  const text = `{
 "Resources": {
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
    "RefreshTokenRotation": { "Feature": "ENABLED", "RetryGracePeriodSeconds": 10 }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(7, 50, 7, 76)]);
  // What CDK synthesizes for refreshTokenRotationGracePeriod: the refresh flow is left out.
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace(', "ALLOW_REFRESH_TOKEN_AUTH"', '')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "RefreshTokenRotation": {"Feature": "ENABLED"}}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 90, 1, 99)]);
  // An update request resets an omitted ExplicitAuthFlows to the default list too.
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc"')), [at(1, 88, 1, 97)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"], "RefreshTokenRotation": {"Feature": "ENABLED"}}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
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
    '        RefreshTokenRotation:',
    '          Feature: ${self:custom.rotation}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.rotation}', 'ENABLED')), [at(9, 20, 9, 27)]);
});
