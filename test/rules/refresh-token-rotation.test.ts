import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'refresh-token-rotation';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('off in the recommended preset', () => {
  assert.equal(loadRule(ID).meta.defaultSeverity, 'off');
});

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['absent: at the logical id', ['ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH]'], [at(2, 3, 2, 9)]],
    ['DISABLED: at the value', ['RefreshTokenRotation:', '  Feature: DISABLED'], [at(7, 18, 7, 26)]],
    ['no Feature: at the key', ['RefreshTokenRotation: {RetryGracePeriodSeconds: 10}'], [at(6, 7, 6, 27)]],
    ['ENABLED', ['RefreshTokenRotation:', '  Feature: ENABLED', '  RetryGracePeriodSeconds: 0'], []],
    ['Feature from Ref without a default', ['RefreshTokenRotation: {Feature: !Ref Rotation}'], []],
    ['whole setting from GetAtt', ['RefreshTokenRotation: !GetAtt Cfg.Rotation'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn())[0]!.message,
    'RefreshTokenRotation is not set, so refresh tokens are not rotated and a stolen one stays valid until it expires; expected Feature: ENABLED. Add RefreshTokenRotation with Feature: ENABLED (and drop ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows).',
  );
  assert.equal(
    runRule(ID, 't.yaml', cfn('RefreshTokenRotation: {Feature: DISABLED}'))[0]!.message,
    'RefreshTokenRotation.Feature is "DISABLED", so refresh tokens are not rotated and a stolen one stays valid until it expires; expected ENABLED. Set it to ENABLED (and drop ALLOW_REFRESH_TOKEN_AUTH from ExplicitAuthFlows).',
  );
  assert.match(runRule(ID, 't.yaml', cfn('RefreshTokenRotation: {}'))[0]!.message, /^RefreshTokenRotation has no Feature/);
});

test('Parameter default and Fn::If', () => {
  const text = [
    'Parameters:',
    '  Rotation:',
    '    Type: String',
    '    Default: DISABLED',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      RefreshTokenRotation:',
    '        Feature: !Ref Rotation',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(12, 18, 12, 31)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "Rotation"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('!Ref Rotation', '!If [Prod, ENABLED, DISABLED]')), [at(12, 38, 12, 46)]);
  const whole = text.replace('      RefreshTokenRotation:\n        Feature: !Ref Rotation', '      RefreshTokenRotation: !If [Prod, {Feature: ENABLED}, !Ref AWS::NoValue]');
  assert.deepEqual(positions(ID, 't.yaml', whole), [at(8, 3, 8, 9)]);
});

test('cloudformation json (CDK without refreshTokenRotationGracePeriod)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(3, 3, 3, 22)]);
  const rotated = text.replace('"UserPoolId"', '"RefreshTokenRotation": { "Feature": "ENABLED", "RetryGracePeriodSeconds": 10 }, "UserPoolId"');
  assert.deepEqual(positions(ID, 'Stack.template.json', rotated), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web"}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 1, 1, 2)]);
  assert.deepEqual(positions(ID, 'update.json', '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "RefreshTokenRotation": {"Feature": "DISABLED"}}'), [at(1, 88, 1, 98)]);
  const described = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "RefreshTokenRotation": {"Feature": "ENABLED"}\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace(',\n    "RefreshTokenRotation": {"Feature": "ENABLED"}', '')), [at(2, 3, 2, 19)]);
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
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.rotation}', 'DISABLED')), [at(9, 20, 9, 28)]);
});
