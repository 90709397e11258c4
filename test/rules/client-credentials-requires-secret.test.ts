import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'client-credentials-requires-secret';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table of GenerateSecret settings', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['no GenerateSecret (defaults to false)', ['AllowedOAuthFlows: [client_credentials]'], [at(6, 27, 6, 45)]],
    ['GenerateSecret false', ['GenerateSecret: false', 'AllowedOAuthFlows: [client_credentials]'], [at(7, 27, 7, 45)]],
    ['GenerateSecret "false" string', ['GenerateSecret: "false"', 'AllowedOAuthFlows:', '  - client_credentials'], [at(8, 11, 8, 29)]],
    ['GenerateSecret true', ['GenerateSecret: true', 'AllowedOAuthFlows: [client_credentials]'], []],
    ['no client_credentials', ['AllowedOAuthFlows: [code]'], []],
    ['GenerateSecret from GetAtt', ['GenerateSecret: !GetAtt Other.Secret', 'AllowedOAuthFlows: [client_credentials]'], []],
    ['GenerateSecret from Ref without a default', ['GenerateSecret: !Ref Secret', 'AllowedOAuthFlows: [client_credentials]'], []],
    ['unknown flow item', ['AllowedOAuthFlows: [!Ref Flow]'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message names the missing secret', () => {
  const [row] = runRule(ID, 'template.yaml', cfn('AllowedOAuthFlows: [client_credentials]'));
  assert.equal(
    row!.message,
    'AllowedOAuthFlows has client_credentials but the client has no secret (GenerateSecret is not set and defaults to false); the client credentials grant authenticates with the client secret. Set GenerateSecret: true (a new client is needed when it already exists).',
  );
});

test('GenerateSecret false is a related location', () => {
  const text = cfn('GenerateSecret: false', 'AllowedOAuthFlows: [client_credentials]');
  const rule = loadRule(ID);
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [rule], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.deepEqual(
    finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column, r.message]),
    [[6, 23, 6, 28, 'GenerateSecret is false here']],
  );
  assert.equal(finding!.path, 'AllowedOAuthFlows[0]');
});

test('GenerateSecret from a Parameter default: finding says so', () => {
  const text = [
    'Parameters:',
    '  Secret:',
    '    Type: String',
    '    Default: "false"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      GenerateSecret: !Ref Secret',
    '      AllowedOAuthFlows: [client_credentials]',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(10, 27, 10, 45)]);
  assert.match(rows[0]!.message, /GenerateSecret is false, from the default of Parameter "Secret"/);
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.message]), [
    [9, 23, 'GenerateSecret is false here'],
    [4, 14, 'default of Parameter "Secret"'],
  ]);
});

test('Fn::If: only the branch with client_credentials is reported', () => {
  const text = [
    'Conditions:',
    '  IsM2M: !Equals [!Ref Kind, m2m]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthFlows: !If [IsM2M, [client_credentials], [code]]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(7, 39, 7, 57)]);
  const withSecret = text.replace('    Properties:\n', '    Properties:\n      GenerateSecret: !If [IsM2M, true, false]\n');
  assert.deepEqual(positions(ID, 't.yaml', withSecret), []);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "M2MClient1A2B3C": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": {
     "Ref": "Pool9D4A3E2B"
    },
    "AllowedOAuthFlows": [
     "client_credentials"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     "api/read"
    ],
    "GenerateSecret": false
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'cdk.out/Stack.template.json', text), [at(10, 6, 10, 26)]);
  assert.deepEqual(positions(ID, 'cdk.out/Stack.template.json', text.replace('"GenerateSecret": false', '"GenerateSecret": true')), []);
});

test('api create request, update request and describe output', () => {
  const create = '{\n  "UserPoolId": "us-east-1_abc",\n  "ClientName": "m2m",\n  "AllowedOAuthFlows": ["client_credentials"]\n}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(4, 25, 4, 45)]);
  assert.deepEqual(positions(ID, 'create.json', create.replace('"ClientName": "m2m",', '"ClientName": "m2m", "GenerateSecret": true,')), []);
  // A custom secret (2026) is a secret too.
  assert.deepEqual(positions(ID, 'create.json', create.replace('"ClientName": "m2m",', '"ClientName": "m2m", "ClientSecret": "abcdefghijklmnopqrstuvwxyz",')), []);
  // The secret was fixed at creation: an update request cannot tell.
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "m2m",', '"ClientId": "abc123",')), []);
  const described = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "ClientId": "abc123",\n    "AllowedOAuthFlows": ["client_credentials"]\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: api',
    'custom:',
    '  generateSecret: true',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        GenerateSecret: ${self:custom.generateSecret}',
    '        AllowedOAuthFlows: [client_credentials]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('        GenerateSecret: ${self:custom.generateSecret}\n', '')), [at(10, 29, 10, 47)]);
});
