import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'no-implicit-flow';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['implicit and code', ['AllowedOAuthFlows: [implicit, code]'], [at(7, 27, 7, 35)]],
    ['block list', ['AllowedOAuthFlows:', '  - code', '  - implicit'], [at(9, 11, 9, 19)]],
    ['code only', ['AllowedOAuthFlows: [code]'], []],
    ['absent', ['CallbackURLs: [https://app.example.org/cb]'], []],
    ['unknown item', ['AllowedOAuthFlows: [code, !Ref SecondFlow]'], []],
    ['list from ImportValue', ['AllowedOAuthFlows: !ImportValue SharedFlows'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message', () => {
  const [row] = runRule(ID, 't.yaml', cfn('AllowedOAuthFlows: [implicit]'));
  assert.equal(
    row!.message,
    'AllowedOAuthFlows allows "implicit", which returns tokens in the redirect URL where they can leak (OAuth 2.1 removes this grant); expected "code". Replace "implicit" with "code" and use PKCE in the app.',
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  Flow:',
    '    Type: String',
    '    Default: implicit',
    'Conditions:',
    '  Spa: !Equals [!Ref AppType, spa]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlows: [!If [Spa, implicit, code]]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(11, 37, 11, 45)]);
  const rows = runRule(ID, 't.yaml', text.replace('!If [Spa, implicit, code]', '!Ref Flow'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(11, 27, 11, 36)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "Flow"\)$/);
});

test('cloudformation json: CDK default OAuth settings', () => {
  const text = `{
 "Resources": {
  "PoolClient": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "AllowedOAuthFlows": [
     "implicit",
     "code"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "CallbackURLs": ["https://example.com"]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(8, 6, 8, 16)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "spa", "AllowedOAuthFlows": ["implicit"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 76, 1, 86)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "spa"', '"ClientId": "abc"')), [at(1, 74, 1, 84)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "AllowedOAuthFlows": ["code"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: spa',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        AllowedOAuthFlows: ["${self:custom.oauthFlow}"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.oauthFlow}"', 'implicit')), [at(8, 29, 8, 37)]);
});
