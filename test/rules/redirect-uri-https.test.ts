import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'redirect-uri-https';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: complete URLs', () => {
  const cases: Array<[string, string, boolean]> = [
    ['http to a real host', 'http://app.mycompany.com/callback', true],
    ['HTTP in capitals', 'HTTP://app.mycompany.com/callback', true],
    ['http to an IP address', 'http://10.0.0.5:8080/cb', true],
    ['http with user info', 'http://user@app.mycompany.com/cb', true],
    ['http to a name that starts with localhost', 'http://localhost.mycompany.com/cb', true],
    ['http to another 127/8 address', 'http://127.0.0.2/cb', true],
    ['http to localhost', 'http://localhost/callback', false],
    ['http to localhost with a port', 'http://localhost:3000/callback', false],
    ['http to LOCALHOST', 'http://LOCALHOST:3000/', false],
    ['http to 127.0.0.1', 'http://127.0.0.1:8080/cb', false],
    ['http to [::1]', 'http://[::1]:3000/cb', false],
    ['http to localhost with a query only', 'http://localhost?next=/home', false],
    ['https', 'https://app.mycompany.com/callback', false],
    ['an app scheme', 'myapp://callback', false],
    ['a reverse-domain app scheme', 'com.mycompany.app:/oauth2redirect', false],
  ];
  for (const [name, url, bad] of cases) {
    assert.deepEqual(positions(ID, 'template.yaml', cfn(`CallbackURLs: ["${url}"]`)), bad ? [at(7, 22, 7, 24 + url.length)] : [], name);
  }
});

test('cloudformation yaml: members and partly known values', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['LogoutURLs block list', ['LogoutURLs:', '  - https://app.mycompany.com/signout', '  - http://app.mycompany.com/signout'], [at(9, 11, 9, 43)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: http://app.mycompany.com/cb'], [at(8, 27, 8, 54)]],
    ['Sub: a known host followed by an unknown path', ['CallbackURLs: [!Sub "http://app.mycompany.com/${Path}"]'], [at(7, 22, 7, 61)]],
    ['Sub: a known host followed by an unknown port', ['CallbackURLs: [!Sub "http://app.mycompany.com:${Port}/cb"]'], [at(7, 22, 7, 64)]],
    ['Sub: a host cut off after "api."', ['CallbackURLs: [!Sub "http://api.${Domain}/cb"]'], [at(7, 22, 7, 52)]],
    ['Sub: the host is unknown', ['CallbackURLs: [!Sub "http://${Host}/cb"]'], []],
    ['Sub: the host could still become localhost', ['CallbackURLs: [!Sub "http://local${Suffix}/cb"]'], []],
    ['Sub: localhost with an unknown port', ['CallbackURLs: [!Sub "http://localhost:${Port}/cb"]'], []],
    ['Sub: [::1] with an unknown rest', ['CallbackURLs: [!Sub "http://[::1]${Rest}"]'], []],
    ['Sub: an IPv6 host that could still be [::1]', ['CallbackURLs: [!Sub "http://[::${Suffix}]/cb"]'], []],
    ['Sub: an IPv6 host that cannot be [::1]', ['CallbackURLs: [!Sub "http://[fe80::${Suffix}]/cb"]'], [at(7, 22, 7, 56)]],
    ['Sub: the scheme is unknown', ['CallbackURLs: [!Sub "${Scheme}://app.mycompany.com/cb"]'], []],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Site.Url]'], []],
    ['list from ImportValue', ['CallbackURLs: !ImportValue SharedCallbacks'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages: complete and partly known URLs', () => {
  const rows = runRule(ID, 't.yaml', cfn('CallbackURLs: [http://app.mycompany.com/cb, !Sub "http://api.${Domain}/cb"]'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'CallbackURLs entry "http://app.mycompany.com/cb" uses http:// to the non-loopback host "app.mycompany.com"; Cognito accepts http:// only for localhost, 127.0.0.1 and [::1]. Use https://.',
      'CallbackURLs entry "http://api.…" uses http:// to the non-loopback host "api.…"; Cognito accepts http:// only for localhost, 127.0.0.1 and [::1]. Use https://.',
    ],
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  SiteUrl:',
    '    Type: String',
    '    Default: http://app.mycompany.com/',
    '  ProdUrl:',
    '    Type: String',
    'Conditions:',
    '  IsDev: !Equals [!Ref Stage, dev]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsDev, "http://dev.mycompany.com/cb", "https://app.mycompany.com/cb"]',
    '      LogoutURLs: [!Ref ProdUrl]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(14, 23, 14, 52)]);
  const rows = runRule(ID, 't.yaml', text.replace('!Ref ProdUrl', '!Ref SiteUrl'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 23, 14, 52), at(15, 20, 15, 32)]);
  assert.match(rows[1]!.message, /^LogoutURLs entry "http:\/\/app\.mycompany\.com\/" uses http:\/\/.*\(the value comes from the default of Parameter "SiteUrl"\)$/);
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
     "http://localhost:3000/callback",
     "http://app.mycompany.com/callback"
    ],
    "LogoutURLs": [
     {
      "Fn::Join": [
       "",
       [
        "http://",
        {
         "Fn::GetAtt": [
          "Distribution830FAC52",
          "DomainName"
         ]
        },
        "/signout"
       ]
      ]
     }
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(12, 6, 12, 41)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "CallbackURLs": ["http://app.mycompany.com/cb"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 71, 1, 100)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(1, 72, 1, 101)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["http://localhost:3000/cb"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace('localhost:3000', 'app.mycompany.com')), [at(1, 91, 1, 120)]);
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
    '          - ${self:custom.callbackUrl}',
    '          - "http://${self:custom.host}/cb"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.callbackUrl}', 'http://app.mycompany.com/${self:custom.path}')), [at(9, 13, 9, 57)]);
});
