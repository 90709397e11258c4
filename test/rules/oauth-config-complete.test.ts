import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'oauth-config-complete';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });
const FLAG = 'AllowedOAuthFlowsUserPoolClient: true';
const CALLBACK = 'CallbackURLs: [https://app.example.org/cb]';

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['complete', [FLAG, 'AllowedOAuthFlows: [code]', 'AllowedOAuthScopes: [openid]', CALLBACK], []],
    ['flows and scopes missing: both at the flag', [FLAG], [at(6, 40, 6, 44), at(6, 40, 6, 44)]],
    ['flows empty: at the empty list', [FLAG, 'AllowedOAuthFlows: []', 'AllowedOAuthScopes: [openid]'], [at(7, 26, 7, 28)]],
    ['scopes empty', [FLAG, 'AllowedOAuthFlows: [code]', 'AllowedOAuthScopes: []', CALLBACK], [at(8, 27, 8, 29)]],
    ['code without callbacks: at the flow', [FLAG, 'AllowedOAuthFlows: [code]', 'AllowedOAuthScopes: [openid]'], [at(7, 27, 7, 31)]],
    ['implicit with empty callbacks', [FLAG, 'AllowedOAuthFlows: [client_credentials, implicit]', 'AllowedOAuthScopes: [openid]', 'CallbackURLs: []'], [at(7, 47, 7, 55)]],
    ['client_credentials needs no callback', [FLAG, 'AllowedOAuthFlows: [client_credentials]', 'AllowedOAuthScopes: [api/read]'], []],
    ['flag absent (false): nothing to complete', ['AllowedOAuthFlows: [code]'], []],
    ['flag false', ['AllowedOAuthFlowsUserPoolClient: false'], []],
    ['flag unknown: flows and scopes not required, code still needs a callback', ['AllowedOAuthFlowsUserPoolClient: !Ref OAuth', 'AllowedOAuthFlows: [code]'], [at(7, 27, 7, 31)]],
    ['callbacks unknown', [FLAG, 'AllowedOAuthFlows: [code]', 'AllowedOAuthScopes: [openid]', 'CallbackURLs: !Ref Callbacks'], []],
    ['flows and scopes unknown', [FLAG, 'AllowedOAuthFlows: !GetAtt Cfg.Flows', 'AllowedOAuthScopes: !GetAtt Cfg.Scopes'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages', () => {
  const missing = runRule(ID, 't.yaml', cfn(FLAG)).map((row) => row.message);
  assert.deepEqual(missing, [
    'AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows is not set, so the client cannot use any OAuth grant. Add AllowedOAuthFlows (for example [code]), or set AllowedOAuthFlowsUserPoolClient to false.',
    'AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthScopes is not set, so no OAuth token can be issued. Add AllowedOAuthScopes (for example [openid, email]), or set AllowedOAuthFlowsUserPoolClient to false.',
  ]);
  const text = cfn(FLAG, 'AllowedOAuthFlows: [code, implicit]', 'AllowedOAuthScopes: [openid]', 'CallbackURLs: []');
  assert.deepEqual(runRule(ID, 't.yaml', text).map((row) => row.message), [
    'AllowedOAuthFlows allows "code", "implicit" but CallbackURLs is empty, so the authorization endpoint has nowhere to redirect. Add the app\'s redirect URLs to CallbackURLs, or remove "code", "implicit".',
  ]);
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [loadRule(ID)], new Map([[ID, { severity: 'warning', options: {} }]]));
  assert.equal(finding!.path, 'AllowedOAuthFlows[0]');
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.message]), [[9, 21, 'CallbackURLs is empty here']]);
});

test('flag from a Parameter default: the message says so', () => {
  const text = [
    'Parameters:',
    '  OAuth:',
    '    Type: String',
    '    Default: "true"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlowsUserPoolClient: !Ref OAuth',
    '      AllowedOAuthFlows: [client_credentials]',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(9, 40, 9, 50)]);
  assert.match(rows[0]!.message, /AllowedOAuthScopes is not set.*\(the value comes from the default of Parameter "OAuth"\)$/);
});

test('Fn::If: one finding for the branch without callbacks', () => {
  const text = [
    'Conditions:',
    '  HasUi: !Equals [!Ref Ui, "yes"]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlowsUserPoolClient: true',
    '      AllowedOAuthFlows: [code]',
    '      AllowedOAuthScopes: [openid, email]',
    '      CallbackURLs: !If [HasUi, [https://app.example.org/cb], !Ref AWS::NoValue]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(8, 27, 8, 31)]);
});

test('cloudformation json', () => {
  const text = `{
 "Resources": {
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "AllowedOAuthFlows": ["code"],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": ["openid"]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(7, 27, 7, 33)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('["openid"]', '["openid"], "CallbackURLs": ["https://app.example.org/cb"]')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthScopes": ["openid"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 89, 1, 93)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc"')), [at(1, 87, 1, 91)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthFlows": ["code"], "AllowedOAuthScopes": ["openid"], "CallbackURLs": ["https://app.example.org/cb"]}}';
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
    '        AllowedOAuthFlowsUserPoolClient: true',
    '        AllowedOAuthFlows: [code]',
    '        AllowedOAuthScopes: [openid]',
    '        CallbackURLs: ${self:custom.callbackUrls}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('        CallbackURLs: ${self:custom.callbackUrls}\n', '')), [at(9, 29, 9, 33)]);
});
