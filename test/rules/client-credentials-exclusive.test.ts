import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'client-credentials-exclusive';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['with code', ['AllowedOAuthFlows: [code, client_credentials]'], [at(7, 33, 7, 51)]],
    ['block list with implicit and code', ['AllowedOAuthFlows:', '  - client_credentials', '  - implicit', '  - code'], [at(8, 11, 8, 29)]],
    ['client_credentials alone', ['AllowedOAuthFlows: [client_credentials]'], []],
    ['no client_credentials', ['AllowedOAuthFlows: [code, implicit]'], []],
    ['other item unknown', ['AllowedOAuthFlows: [client_credentials, !Ref ExtraFlow]'], []],
    ['list from GetAtt', ['AllowedOAuthFlows: !GetAtt Settings.Flows'], []],
    ['absent', ['GenerateSecret: true'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message lists the other flows once', () => {
  const [row] = runRule(ID, 't.yaml', cfn('AllowedOAuthFlows: [client_credentials, code, implicit, code]'));
  assert.equal(
    row!.message,
    'AllowedOAuthFlows combines client_credentials with "code", "implicit"; client_credentials must be the only flow of a client. Move "code", "implicit" to a separate app client, or remove client_credentials.',
  );
});

test('Fn::If: one finding for the combining branch', () => {
  const text = [
    'Conditions:',
    '  Interactive: !Equals [!Ref Mode, web]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlows:',
    '        - client_credentials',
    '        - !If [Interactive, code, !Ref AWS::NoValue]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(8, 11, 8, 29)]);
});

test('Parameter default: the message says so', () => {
  const text = [
    'Parameters:',
    '  Flows:',
    '    Type: CommaDelimitedList',
    '    Default: code,client_credentials',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlows: !Ref Flows',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(9, 26, 9, 36)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "Flows"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: code,client_credentials\n', '')), []);
});

test('cloudformation json', () => {
  const text = `{
 "Resources": {
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AllowedOAuthFlows": [
     "implicit",
     "code",
     "client_credentials"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(9, 6, 9, 26)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "m2m", "AllowedOAuthFlows": ["code", "client_credentials"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 84, 1, 104)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthFlows": ["client_credentials"]}';
  assert.deepEqual(positions(ID, 'update.json', update), []);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "AllowedOAuthFlows": ["client_credentials", "implicit"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), [at(1, 74, 1, 94)]);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: m2m',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        AllowedOAuthFlows: [client_credentials, "${self:custom.extraFlow}"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.extraFlow}"', 'code')), [at(8, 29, 8, 47)]);
});
