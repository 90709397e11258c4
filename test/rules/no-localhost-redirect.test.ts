import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { settingsForPreset } from '../../src/config';
import { loadRule } from '../../rules';

const ID = 'no-localhost-redirect';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('off in recommended, error in strict', () => {
  const rule = loadRule(ID);
  assert.equal(rule.meta.defaultSeverity, 'off');
  const loaded = loadFile(new SourceFile('t.yaml', cfn('CallbackURLs: ["http://localhost:3000/cb"]')));
  assert.deepEqual(evaluate([loaded], [rule], settingsForPreset([rule], 'recommended')), []);
  assert.deepEqual(
    evaluate([loaded], [rule], settingsForPreset([rule], 'strict')).map((f) => [f.ruleId, f.severity]),
    [[ID, 'error']],
  );
});

test('cloudformation yaml: hosts', () => {
  const cases: Array<[string, string, boolean]> = [
    ['localhost with a port', 'http://localhost:3000/callback', true],
    ['localhost over https', 'https://localhost/cb', true],
    ['localhost in capitals', 'http://LocalHost/cb', true],
    ['IPv4 loopback', 'http://127.0.0.1:8080/', true],
    ['IPv6 loopback', 'http://[::1]:3000/cb', true],
    ['IPv6 loopback without port', 'http://[::1]', true],
    ['a subdomain named localhost', 'http://localhost.mycompany.com/cb', false],
    ['another 127/8 address', 'http://127.0.0.2/', false],
    ['an app scheme', 'myapp://localhost/cb', false],
    ['a real domain', 'https://app.mycompany.com/cb', false],
  ];
  for (const [name, url, bad] of cases) {
    const text = cfn(`CallbackURLs: ["${url}"]`);
    assert.deepEqual(positions(ID, 'template.yaml', text), bad ? [at(7, 22, 7, 24 + url.length)] : [], name);
  }
});

test('cloudformation yaml: members and partly known values', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['LogoutURLs block list', ['LogoutURLs:', '  - https://app.mycompany.com/signout', '  - http://localhost:3000/signout'], [at(9, 11, 9, 40)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: http://127.0.0.1/cb'], [at(8, 27, 8, 46)]],
    ['Sub: the port is unknown', ['CallbackURLs: [!Sub "http://localhost:${Port}/cb"]'], [at(7, 22, 7, 56)]],
    ['Sub: the host could go on', ['CallbackURLs: [!Sub "http://localhost${Suffix}/cb"]'], []],
    ['Sub: the host is unknown', ['CallbackURLs: [!Sub "http://${Host}:3000/cb"]'], []],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Site.Url]'], []],
    ['list from ImportValue', ['CallbackURLs: !ImportValue SharedCallbacks'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message', () => {
  const rows = runRule(ID, 't.yaml', cfn('CallbackURLs: [!Sub "http://localhost:${Port}/cb"]', 'DefaultRedirectURI: "http://[::1]:3000/"'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'CallbackURLs entry "http://localhost:…" redirects to the loopback host "localhost", which only a program on the user\'s own machine can receive; production clients should not accept it. Remove it, or move it to a separate development client.',
      'DefaultRedirectURI "http://[::1]:3000/" redirects to the loopback host "[::1]", which only a program on the user\'s own machine can receive; production clients should not accept it. Remove it, or move it to a separate development client.',
    ],
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  DevUrl:',
    '    Type: String',
    '    Default: http://localhost:5173/',
    '  ProdUrl:',
    '    Type: String',
    'Conditions:',
    '  IsDev: !Equals [!Ref Stage, dev]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsDev, "http://localhost:5173/cb", "https://app.mycompany.com/cb"]',
    '      LogoutURLs: [!Ref ProdUrl]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(14, 23, 14, 49)]);
  const rows = runRule(ID, 't.yaml', text.replace('!Ref ProdUrl', '!Ref DevUrl'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 23, 14, 49), at(15, 20, 15, 31)]);
  assert.match(rows[1]!.message, /^LogoutURLs entry "http:\/\/localhost:5173\/" redirects to the loopback host "localhost".*\(the value comes from the default of Parameter "DevUrl"\)$/);
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
    "CallbackURLs": [
     "https://app.mycompany.com/callback",
     "http://localhost:3000/callback"
    ],
    "LogoutURLs": [
     "http://localhost:3000/"
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(12, 6, 12, 38), at(15, 6, 15, 30)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "CallbackURLs": ["http://localhost:3000/cb"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 71, 1, 97)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(1, 72, 1, 98)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["https://app.mycompany.com/cb"]}}';
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
    '        CallbackURLs:',
    '          - "${self:custom.callbackUrl}"',
    '          - "http://localhost${self:custom.suffix}"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.callbackUrl}"', '"http://localhost:${self:custom.port}/cb"')), [at(9, 13, 9, 54)]);
});
