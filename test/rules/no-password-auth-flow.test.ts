import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'no-password-auth-flow';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: each password flow is reported at its item', () => {
  const text = cfn(
    'ExplicitAuthFlows:',
    '  - ALLOW_USER_PASSWORD_AUTH',
    '  - ALLOW_USER_SRP_AUTH',
    '  - ALLOW_ADMIN_USER_PASSWORD_AUTH',
    '  - ALLOW_REFRESH_TOKEN_AUTH',
    '  - ALLOW_CUSTOM_AUTH',
    '  - ALLOW_USER_AUTH',
  );
  assert.deepEqual(positions(ID, 't.yaml', text), [at(7, 11, 7, 35), at(9, 11, 9, 41)]);
  const legacy = cfn('ExplicitAuthFlows: [USER_PASSWORD_AUTH, ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY]');
  assert.deepEqual(positions(ID, 't.yaml', legacy), [at(6, 27, 6, 45), at(6, 47, 6, 64)]);
});

test('clean and unknown configurations are silent', () => {
  const cases: Array<[string, string[]]> = [
    ['absent: the default list has no password flow', ['GenerateSecret: false']],
    ['SRP only', ['ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]']],
    ['unknown item', ['ExplicitAuthFlows: [!Ref Flow, ALLOW_REFRESH_TOKEN_AUTH]']],
    ['list from ImportValue', ['ExplicitAuthFlows: !ImportValue SharedFlows']],
  ];
  for (const [name, props] of cases) assert.deepEqual(positions(ID, 't.yaml', cfn(...props)), [], name);
});

test('message', () => {
  const [row] = runRule(ID, 't.yaml', cfn('ExplicitAuthFlows: [ALLOW_ADMIN_USER_PASSWORD_AUTH]'));
  assert.equal(
    row!.message,
    'ExplicitAuthFlows allows "ALLOW_ADMIN_USER_PASSWORD_AUTH", which sends the user\'s password to Cognito instead of proving it with SRP; expected ALLOW_USER_SRP_AUTH. Remove "ALLOW_ADMIN_USER_PASSWORD_AUTH" and sign in with ALLOW_USER_SRP_AUTH (or ALLOW_USER_AUTH).',
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  DebugFlow:',
    '    Type: String',
    '    Default: ALLOW_USER_PASSWORD_AUTH',
    'Conditions:',
    '  IsTest: !Equals [!Ref Env, test]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      ExplicitAuthFlows:',
    '        - !If [IsTest, ALLOW_ADMIN_USER_PASSWORD_AUTH, !Ref AWS::NoValue]',
    '        - ALLOW_USER_SRP_AUTH',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(12, 24, 12, 54)]);
  const defaulted = text.replace('!If [IsTest, ALLOW_ADMIN_USER_PASSWORD_AUTH, !Ref AWS::NoValue]', '!Ref DebugFlow');
  const rows = runRule(ID, 't.yaml', defaulted);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(12, 11, 12, 25)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "DebugFlow"\)$/);
});

test('cloudformation json (CDK authFlows.userPassword)', () => {
  const text = `{
 "Resources": {
  "WebClient": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "ExplicitAuthFlows": [
     "ALLOW_USER_PASSWORD_AUTH",
     "ALLOW_REFRESH_TOKEN_AUTH"
    ],
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(7, 6, 7, 32)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "ExplicitAuthFlows": ["ALLOW_USER_PASSWORD_AUTH"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 76, 1, 102)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc"')), [at(1, 74, 1, 100)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ExplicitAuthFlows": ["ALLOW_USER_SRP_AUTH"]}}';
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
    '        ExplicitAuthFlows:',
    '          - ${self:custom.signInFlow}',
    '          - ALLOW_REFRESH_TOKEN_AUTH',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.signInFlow}', 'USER_PASSWORD_AUTH')), [at(9, 13, 9, 31)]);
});
