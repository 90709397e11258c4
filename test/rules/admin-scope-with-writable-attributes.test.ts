import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'admin-scope-with-writable-attributes';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });
const SCOPES = 'AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]';

function related(path: string, text: string): Array<Array<[number, number, number, number, string]>> {
  const findings = evaluate([loadFile(new SourceFile(path, text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));
  return findings.map((f) => f.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column, r.message]));
}

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['admin scope, WriteAttributes absent (standard attributes only)', [SCOPES], []],
    ['admin scope, standard attributes only', [SCOPES, 'WriteAttributes: [email, name]'], []],
    ['custom attributes without the admin scope', ['AllowedOAuthScopes: [openid, email]', 'WriteAttributes: [custom:plan]'], []],
    ['custom attributes, no scopes at all', ['WriteAttributes: [custom:plan]'], []],
    ['admin scope and a custom attribute: at the scope item', [SCOPES, 'WriteAttributes: [email, custom:nickname]'], [at(6, 36, 6, 65)]],
    ['block style scope list', ['AllowedOAuthScopes:', '  - aws.cognito.signin.user.admin', 'WriteAttributes: [custom:a]'], [at(7, 11, 7, 40)]],
    ['unknown scope item is skipped', ['AllowedOAuthScopes: [!Ref Scope]', 'WriteAttributes: [custom:a]'], []],
    ['unknown attribute item is skipped', [SCOPES, 'WriteAttributes: [!Ref Attribute]'], []],
    ['whole attribute list unknown', [SCOPES, 'WriteAttributes: !GetAtt Cfg.Attributes'], []],
    ['a custom attribute with an unknown rest still counts', [SCOPES, 'WriteAttributes: [!Sub "custom:${Name}"]'], [at(6, 36, 6, 65)]],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message and related locations at the custom attributes', () => {
  const text = cfn(SCOPES, 'WriteAttributes:', '  - custom:nickname', '  - email', '  - custom:team');
  assert.equal(
    runRule(ID, 't.yaml', text)[0]!.message,
    'AllowedOAuthScopes includes aws.cognito.signin.user.admin while WriteAttributes lets users write 2 custom attribute(s) (custom:nickname, custom:team); access tokens from the hosted UI with this scope can call UpdateUserAttributes and rewrite them. Remove aws.cognito.signin.user.admin from AllowedOAuthScopes, or take the custom attributes out of WriteAttributes.',
  );
  assert.deepEqual(related('t.yaml', text), [
    [
      [8, 11, 8, 26, 'writable custom attribute custom:nickname'],
      [10, 11, 10, 22, 'writable custom attribute custom:team'],
    ],
  ]);
});

test('Parameter defaults and Fn::If', () => {
  const text = [
    'Parameters:',
    '  Attributes:',
    '    Type: CommaDelimitedList',
    '    Default: "email,custom:plan"',
    'Conditions:',
    '  Console: !Equals [!Ref Env, dev]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]',
    '      WriteAttributes: !Ref Attributes',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(11, 36, 11, 65)]);
  assert.match(rows[0]!.message, /\(custom:plan\);.* \(WriteAttributes comes from the default of Parameter "Attributes"\)$/);
  assert.deepEqual(related('t.yaml', text), [
    [
      [12, 24, 12, 39, 'writable custom attribute custom:plan'],
      [4, 14, 4, 33, 'default of Parameter "Attributes"'],
    ],
  ]);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: "email,custom:plan"\n', '')), []);
  const branches = text.replace('[openid, aws.cognito.signin.user.admin]', '[openid, !If [Console, aws.cognito.signin.user.admin, !Ref AWS::NoValue]]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(11, 50, 11, 79)]);
});

test('cloudformation json (CDK default scopes include the admin scope)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AllowedOAuthFlows": ["implicit", "code"],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     "profile",
     "phone",
     "email",
     "openid",
     "aws.cognito.signin.user.admin"
    ],
    "CallbackURLs": ["https://example.com"],
    "UserPoolId": { "Ref": "Pool" },
    "WriteAttributes": ["custom:favoritePizza", "email"]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(13, 6, 13, 37)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"custom:favoritePizza", ', '')), []);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "AllowedOAuthScopes": ["aws.cognito.signin.user.admin"], "WriteAttributes": ["custom:x"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 77, 1, 108)]);
  const update = create.replace('"ClientName": "web"', '"ClientId": "abc"');
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 75, 1, 106)]);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "AllowedOAuthScopes": ["openid", "aws.cognito.signin.user.admin"],\n    "WriteAttributes": ["custom:x"]\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), [at(4, 38, 4, 69)]);
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
    '        AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]',
    '        WriteAttributes: ${self:custom.writeAttributes}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.writeAttributes}', '[custom:team]')), [at(8, 38, 8, 67)]);
});
