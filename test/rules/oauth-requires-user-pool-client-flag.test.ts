import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'oauth-requires-user-pool-client-flag';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });
const findings = (path: string, text: string) => evaluate([loadFile(new SourceFile(path, text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));

test('cloudformation yaml: one finding per OAuth member, at its key', () => {
  const text = cfn(
    'CallbackURLs: [https://app.example.org/cb]',
    'LogoutURLs:',
    '  - https://app.example.org/bye',
    'AllowedOAuthScopes: [openid]',
    'AllowedOAuthFlows: [code]',
  );
  assert.deepEqual(positions(ID, 't.yaml', text), [at(6, 7, 6, 19), at(7, 7, 7, 17), at(9, 7, 9, 25), at(10, 7, 10, 24)]);
});

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['flag false', ['AllowedOAuthFlowsUserPoolClient: false', 'AllowedOAuthFlows: [code]'], [at(7, 7, 7, 24)]],
    ['flag "false" string', ['AllowedOAuthFlowsUserPoolClient: "false"', 'AllowedOAuthScopes: [openid]'], [at(7, 7, 7, 25)]],
    ['flag true', ['AllowedOAuthFlowsUserPoolClient: true', 'AllowedOAuthFlows: [code]', 'CallbackURLs: [https://app.example.org/cb]'], []],
    ['flag from Ref without a default', ['AllowedOAuthFlowsUserPoolClient: !Ref OAuth', 'AllowedOAuthFlows: [code]'], []],
    ['flag from GetAtt', ['AllowedOAuthFlowsUserPoolClient: !GetAtt Settings.OAuth', 'AllowedOAuthFlows: [code]'], []],
    ['empty lists are not set', ['CallbackURLs: []', 'AllowedOAuthFlows: []'], []],
    ['list from Ref without a default is not known to be non-empty', ['CallbackURLs: !Ref Urls'], []],
    ['a list with an unknown item is non-empty', ['LogoutURLs: [!Ref LogoutUrl]'], [at(6, 7, 6, 17)]],
    ['no OAuth members', ['GenerateSecret: false'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages and related location at the flag', () => {
  const absent = runRule(ID, 't.yaml', cfn('CallbackURLs: [https://app.example.org/cb]'));
  assert.equal(
    absent[0]!.message,
    'CallbackURLs is set while AllowedOAuthFlowsUserPoolClient is not set (it defaults to false); Cognito accepts OAuth settings only when it is true. Set AllowedOAuthFlowsUserPoolClient: true, or remove CallbackURLs.',
  );
  const [finding] = findings('t.yaml', cfn('AllowedOAuthFlowsUserPoolClient: false', 'AllowedOAuthFlows: [code]'));
  assert.match(finding!.message, /^AllowedOAuthFlows is set while AllowedOAuthFlowsUserPoolClient is false;/);
  assert.equal(finding!.path, 'AllowedOAuthFlows');
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.column, r.message]), [[6, 40, 45, 'AllowedOAuthFlowsUserPoolClient is false here']]);
});

test('flag from a Parameter default: the message says so and points at the default', () => {
  const text = [
    'Parameters:',
    '  EnableOAuth:',
    '    Type: String',
    '    Default: "false"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlowsUserPoolClient: !Ref EnableOAuth',
    '      AllowedOAuthScopes: [openid]',
    '',
  ].join('\n');
  const [finding] = findings('t.yaml', text);
  assert.match(finding!.message, /AllowedOAuthFlowsUserPoolClient is false, from the default of Parameter "EnableOAuth";/);
  assert.deepEqual([finding!.region.start.line, finding!.region.start.column, finding!.region.end.column], [10, 7, 25]);
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.message]), [
    [9, 40, 'AllowedOAuthFlowsUserPoolClient is false here'],
    [4, 14, 'default of Parameter "EnableOAuth"'],
  ]);
});

test('Fn::If: one finding for the branch that turns OAuth off', () => {
  const text = [
    'Conditions:',
    '  HasUi: !Equals [!Ref Ui, "yes"]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlowsUserPoolClient: !If [HasUi, true, false]',
    '      AllowedOAuthFlows: [code]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(8, 7, 8, 24)]);
  const listInIf = [
    'Conditions:',
    '  HasUi: !Equals [!Ref Ui, "yes"]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs: !If [HasUi, [https://app.example.org/cb], !Ref AWS::NoValue]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', listInIf), [at(7, 7, 7, 19)]);
});

test('cloudformation json', () => {
  const text = `{
 "Resources": {
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "AllowedOAuthFlowsUserPoolClient": false,
    "LogoutURLs": ["https://app.example.org/bye"]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(8, 5, 8, 17)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('": false', '": true')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{\n  "UserPoolId": "us-east-1_abc",\n  "ClientName": "web",\n  "CallbackURLs": ["https://app.example.org/cb"]\n}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(4, 3, 4, 17)]);
  // An update request resets the omitted flag to false as well.
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc"')), [at(4, 3, 4, 17)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace('true', 'false')), [at(1, 94, 1, 113)]);
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
    '        AllowedOAuthFlowsUserPoolClient: ${self:custom.oauthEnabled}',
    '        AllowedOAuthFlows: [code]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.oauthEnabled}', 'false')), [at(9, 9, 9, 26)]);
});
