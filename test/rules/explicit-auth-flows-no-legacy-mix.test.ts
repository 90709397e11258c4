import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'explicit-auth-flows-no-legacy-mix';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['legacy + ALLOW_', ['ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]'], [at(6, 27, 6, 44)]],
    [
      'every legacy item is reported',
      ['ExplicitAuthFlows:', '  - USER_PASSWORD_AUTH', '  - ALLOW_USER_SRP_AUTH', '  - CUSTOM_AUTH_FLOW_ONLY'],
      [at(7, 11, 7, 29), at(9, 11, 9, 32)],
    ],
    ['legacy only', ['ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH]'], []],
    ['ALLOW_ only', ['ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]'], []],
    ['absent: default list is ALLOW_ only', ['GenerateSecret: false'], []],
    ['legacy + unknown item', ['ExplicitAuthFlows: [USER_PASSWORD_AUTH, !Ref ExtraFlow]'], []],
    ['list from GetAtt', ['ExplicitAuthFlows: !GetAtt Config.Flows'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message names the value, the ALLOW_ values and the replacement', () => {
  const [row] = runRule(ID, 't.yaml', cfn('ExplicitAuthFlows: [CUSTOM_AUTH_FLOW_ONLY, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]'));
  assert.equal(
    row!.message,
    'ExplicitAuthFlows mixes the legacy value "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"; Cognito rejects legacy names combined with ALLOW_* values. Replace "CUSTOM_AUTH_FLOW_ONLY" with "ALLOW_CUSTOM_AUTH" so the list uses ALLOW_* names only.',
  );
});

test('Fn::If: only the mixing branch is reported', () => {
  const text = [
    'Conditions:',
    '  Legacy: !Equals [!Ref Mode, legacy]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      ExplicitAuthFlows:',
    '        - ALLOW_REFRESH_TOKEN_AUTH',
    '        - !If [Legacy, ADMIN_NO_SRP_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(9, 24, 9, 41)]);
});

test('list from a CommaDelimitedList Parameter default', () => {
  const text = [
    'Parameters:',
    '  Flows:',
    '    Type: CommaDelimitedList',
    '    Default: "ALLOW_USER_SRP_AUTH,USER_PASSWORD_AUTH"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      ExplicitAuthFlows: !Ref Flows',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(9, 26, 9, 36)]);
  assert.match(rows[0]!.message, /"USER_PASSWORD_AUTH".*\(the value comes from the default of Parameter "Flows"\)$/);
  const noDefault = text.replace('    Default: "ALLOW_USER_SRP_AUTH,USER_PASSWORD_AUTH"\n', '');
  assert.deepEqual(positions(ID, 't.yaml', noDefault), []);
});

test('cloudformation json', () => {
  const text = `{
  "Resources": {
    "Client": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": {
        "UserPoolId": { "Ref": "Pool" },
        "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ADMIN_NO_SRP_AUTH"]
      }
    }
  }
}`;
  assert.deepEqual(positions(ID, 'template.json', text), [at(7, 54, 7, 73)]);
});

test('api create and update requests, describe output', () => {
  const create = '{\n  "UserPoolId": "us-east-1_abc",\n  "ClientName": "web",\n  "ExplicitAuthFlows": ["USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]\n}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(4, 25, 4, 45)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(4, 25, 4, 45)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]}}';
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
    '        ExplicitAuthFlows: [USER_PASSWORD_AUTH, "${self:custom.extraFlow}"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.extraFlow}"', 'ALLOW_CUSTOM_AUTH')), [at(8, 29, 8, 47)]);
});
