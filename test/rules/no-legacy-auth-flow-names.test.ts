import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'no-legacy-auth-flow-names';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['ADMIN_NO_SRP_AUTH', ['ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]'], [at(6, 27, 6, 44)]],
    [
      'every legacy item',
      ['ExplicitAuthFlows:', '  - CUSTOM_AUTH_FLOW_ONLY', '  - USER_PASSWORD_AUTH', '  - ALLOW_USER_SRP_AUTH'],
      [at(7, 11, 7, 32), at(8, 11, 8, 29)],
    ],
    ['ALLOW_ names only', ['ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_REFRESH_TOKEN_AUTH]'], []],
    ['absent: the default list has ALLOW_ names', ['GenerateSecret: false'], []],
    ['unknown item', ['ExplicitAuthFlows: [!Ref Flow]'], []],
    ['whole list from GetAtt', ['ExplicitAuthFlows: !GetAtt Settings.Flows'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('the message names the replacement of each legacy name', () => {
  const expected: Array<[string, string]> = [
    ['ADMIN_NO_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'],
    ['CUSTOM_AUTH_FLOW_ONLY', 'ALLOW_CUSTOM_AUTH'],
    ['USER_PASSWORD_AUTH', 'ALLOW_USER_PASSWORD_AUTH'],
  ];
  for (const [legacy, replacement] of expected) {
    const [row] = runRule(ID, 't.yaml', cfn(`ExplicitAuthFlows: [${legacy}]`));
    assert.equal(
      row!.message,
      `ExplicitAuthFlows uses the deprecated name "${legacy}"; expected its ALLOW_* form "${replacement}". Replace "${legacy}" with "${replacement}" and list every allowed flow with ALLOW_* names.`,
    );
  }
});

test('Fn::If and a Parameter default', () => {
  const text = [
    'Parameters:',
    '  Flow:',
    '    Type: String',
    '    Default: CUSTOM_AUTH_FLOW_ONLY',
    'Conditions:',
    '  Old: !Equals [!Ref Stage, old]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      ExplicitAuthFlows:',
    '        - !If [Old, USER_PASSWORD_AUTH, ALLOW_USER_PASSWORD_AUTH]',
    '        - !Ref Flow',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  // The Fn::If gives one finding (the Old=true branch); the defaulted Ref is reported once (same text in both branches).
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(12, 21, 12, 39), at(13, 11, 13, 20)]);
  assert.match(rows[1]!.message, /"CUSTOM_AUTH_FLOW_ONLY".*\(the value comes from the default of Parameter "Flow"\)$/);
});

test('cloudformation json', () => {
  const text = '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": {\n  "ExplicitAuthFlows": ["USER_PASSWORD_AUTH"]\n}}}}';
  assert.deepEqual(positions(ID, 'template.json', text), [at(2, 25, 2, 45)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web",\n "ExplicitAuthFlows": ["ADMIN_NO_SRP_AUTH"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(2, 24, 2, 43)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc"')), [at(2, 24, 2, 43)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc",\n "ExplicitAuthFlows": ["CUSTOM_AUTH_FLOW_ONLY"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), [at(2, 24, 2, 47)]);
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
    '        ExplicitAuthFlows: ["${self:custom.flow}"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.flow}"', 'USER_PASSWORD_AUTH')), [at(8, 29, 8, 47)]);
});
