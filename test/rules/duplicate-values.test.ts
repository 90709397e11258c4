import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';

const ID = 'duplicate-values';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

/** Related locations of each finding as [message, line, column, endLine, endColumn]. */
function related(path: string, text: string): Array<Array<Array<string | number>>> {
  const rule = loadRule(ID);
  const findings = evaluate([loadFile(new SourceFile(path, text))], [rule], new Map([[ID, { severity: 'warning', options: {} }]]));
  return findings.map((f) => f.related.map((r) => [r.message, r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column]));
}

test('cloudformation yaml: every list member', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['CallbackURLs', ['CallbackURLs: [https://app.mycompany.com/cb, myapp://cb, https://app.mycompany.com/cb]'], [at(7, 64, 7, 92)]],
    ['LogoutURLs block list', ['LogoutURLs:', '  - https://app.mycompany.com/', '  - https://app.mycompany.com/'], [at(9, 11, 9, 37)]],
    ['AllowedOAuthScopes', ['AllowedOAuthScopes: [openid, email, openid]'], [at(7, 43, 7, 49)]],
    ['AllowedOAuthFlows', ['AllowedOAuthFlows: [code, code]'], [at(7, 33, 7, 37)]],
    ['ExplicitAuthFlows', ['ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH]'], [at(7, 74, 7, 93)]],
    ['ReadAttributes', ['ReadAttributes: [email, name, email]'], [at(7, 37, 7, 42)]],
    ['WriteAttributes', ['WriteAttributes: ["custom:tier", "custom:tier"]'], [at(7, 40, 7, 53)]],
    ['SupportedIdentityProviders', ['SupportedIdentityProviders: [COGNITO, Google, COGNITO]'], [at(7, 53, 7, 60)]],
    ['three times: the second and the third', ['AllowedOAuthScopes: [openid, openid, openid]'], [at(7, 36, 7, 42), at(7, 44, 7, 50)]],
    ['values that differ in case are different', ['AllowedOAuthScopes: [openid, OpenID]', 'CallbackURLs: [https://app.mycompany.com/cb, https://app.mycompany.com/cb/]'], []],
    ['the same value in two lists is fine', ['ReadAttributes: [email]', 'WriteAttributes: [email]'], []],
    ['unknown items are not compared', ['AllowedOAuthScopes: [!Ref ScopeA, !Ref ScopeA, !GetAtt Server.Scope, !GetAtt Server.Scope]'], []],
    ['not a list member of this rule', ['UserPoolId: same', 'ClientName: same'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message and related location at the first occurrence', () => {
  const text = cfn('AllowedOAuthScopes:', '  - openid', '  - email', '  - openid');
  const [row] = runRule(ID, 't.yaml', text);
  assert.equal(
    row!.message,
    'AllowedOAuthScopes[2] repeats "openid", already listed as AllowedOAuthScopes[0]; the repeated entry adds nothing. Remove it, or correct it if another value was meant.',
  );
  assert.deepEqual(related('t.yaml', text), [[['first "openid" in AllowedOAuthScopes', 8, 11, 8, 17]]]);
});

test('Fn::If: one finding', () => {
  const text = [
    'Conditions:',
    '  HasAdmin: !Equals [!Ref Admin, "yes"]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthScopes:',
    '        - openid',
    '        - !If [HasAdmin, aws.cognito.signin.user.admin, openid]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(9, 57, 9, 63)]);
  assert.deepEqual(related('t.yaml', text), [[['first "openid" in AllowedOAuthScopes', 8, 11, 8, 17]]]);
});

test('a CommaDelimitedList Parameter default: named in the message, no second location at the same place', () => {
  const text = [
    'Parameters:',
    '  Scopes:',
    '    Type: CommaDelimitedList',
    '    Default: "openid,email,openid"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      AllowedOAuthScopes: !Ref Scopes',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(9, 27, 9, 38)]);
  assert.match(rows[0]!.message, /^AllowedOAuthScopes\[2\] repeats "openid".*\(the value comes from the default of Parameter "Scopes"\)$/);
  assert.deepEqual(related('t.yaml', text), [[['default of Parameter "Scopes"', 4, 14, 4, 35]]]);
});

test('cloudformation json as CDK synth writes it', () => {
  const text = `{
 "Resources": {
  "UserPoolWebClientB7E4B61A": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": {
     "Ref": "UserPool6BA7E5F2"
    },
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     "openid",
     "email"
    ],
    "CallbackURLs": [
     "https://app.mycompany.com/callback",
     "https://app.mycompany.com/callback"
    ],
    "ExplicitAuthFlows": [
     "ALLOW_USER_SRP_AUTH",
     "ALLOW_REFRESH_TOKEN_AUTH"
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(16, 6, 16, 42)]);
  assert.deepEqual(related('Stack.template.json', text), [[['first "https://app.mycompany.com/callback" in CallbackURLs', 15, 6, 15, 42]]]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "ReadAttributes": ["email", "email"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 82, 1, 89)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(1, 83, 1, 90)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "SupportedIdentityProviders": ["COGNITO", "Google"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace('"Google"', '"COGNITO"')), [at(1, 116, 1, 125)]);
});

test('serverless.yml: ${self:custom} variables stay silent', () => {
  const text = [
    'service: web',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        CallbackURLs:',
    '          - ${self:custom.callbackUrl}',
    '          - ${self:custom.callbackUrl}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replaceAll('${self:custom.callbackUrl}', 'https://app.mycompany.com/cb')), [at(10, 13, 10, 41)]);
});
