import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'redirect-uri-placeholder';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: hosts', () => {
  const cases: Array<[string, string, boolean]> = [
    ['example.com', 'https://example.com', true],
    ['subdomain of example.org', 'https://app.example.org/callback', true],
    ['example.net in capitals, with a port', 'https://EXAMPLE.NET:8443/cb', true],
    ['fully qualified with a trailing dot', 'https://example.com./cb', true],
    ['*.test', 'https://myapp.test/cb', true],
    ['*.invalid', 'http://sso.invalid/', true],
    ['*.example', 'https://shop.example/signin', true],
    ['user info before the host', 'https://app.mycompany.com@example.com/cb', true],
    ['example.com as a subdomain of a real domain', 'https://example.com.mycompany.com/cb', false],
    ['a name that ends like example.com', 'https://notexample.com/cb', false],
    ['a bare "test" host', 'https://test/cb', false],
    ['an app scheme', 'myapp://example.com/cb', false],
    ['loopback', 'http://localhost:3000/cb', false],
    ['a real domain', 'https://app.mycompany.com/cb', false],
  ];
  for (const [name, url, bad] of cases) {
    const text = cfn(`CallbackURLs: ["${url}"]`);
    assert.deepEqual(positions(ID, 'template.yaml', text), bad ? [at(7, 22, 7, 24 + url.length)] : [], name);
  }
});

test('cloudformation yaml: members and partly known values', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['LogoutURLs block list', ['LogoutURLs:', '  - https://app.mycompany.com/signout', '  - https://www.example.com/signout'], [at(9, 11, 9, 42)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: https://app.example.com/cb'], [at(8, 27, 8, 53)]],
    ['Sub: the host is cut off before a placeholder suffix', ['CallbackURLs: [!Sub "https://${Sub}.example.com/cb"]'], []],
    ['Sub: the known host ends at the path', ['CallbackURLs: [!Sub "https://app.example.com/${Path}"]'], [at(7, 22, 7, 60)]],
    ['Sub: the known host ends at the port', ['CallbackURLs: [!Sub "https://example.com:${Port}/cb"]'], [at(7, 22, 7, 59)]],
    ['Sub: the host could go on', ['CallbackURLs: [!Sub "https://app.example.com${Suffix}/cb"]'], []],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Site.Url]'], []],
    ['list from ImportValue', ['CallbackURLs: !ImportValue SharedCallbacks'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages: CDK default, other placeholders, partial value', () => {
  const rows = runRule(ID, 't.yaml', cfn('CallbackURLs: [https://example.com, !Sub "https://app.example.com/${Path}"]', 'LogoutURLs: [https://example.com]'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'CallbackURLs entry "https://example.com" is the placeholder that CDK writes when oAuth.callbackUrls is not set; no app can receive the redirect there. Set oAuth.callbackUrls (or CallbackURLs) to the real URLs of your app.',
      'CallbackURLs entry "https://app.example.com/…" points at the placeholder host "app.example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
      'LogoutURLs entry "https://example.com" points at the placeholder host "example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
    ],
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  SiteUrl:',
    '    Type: String',
    '    Default: https://www.example.com/',
    '  ProdUrl:',
    '    Type: String',
    'Conditions:',
    '  IsDemo: !Equals [!Ref Stage, demo]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsDemo, "https://demo.example.org/cb", "https://app.mycompany.com/cb"]',
    '      LogoutURLs: [!Ref ProdUrl]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(14, 24, 14, 53)]);
  const rows = runRule(ID, 't.yaml', text.replace('!Ref ProdUrl', '!Ref SiteUrl'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 24, 14, 53), at(15, 20, 15, 32)]);
  assert.match(rows[1]!.message, /^LogoutURLs entry "https:\/\/www\.example\.com\/" points at the placeholder host "www\.example\.com".*\(the value comes from the default of Parameter "SiteUrl"\)$/);
});

test('cloudformation json: what CDK synthesizes for a client without oAuth settings', () => {
  const text = `{
 "Resources": {
  "UserPoolclient8A5A3F0C": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": {
     "Ref": "UserPool6BA7E5F2"
    },
    "AllowedOAuthFlows": [
     "implicit",
     "code"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     "profile",
     "phone",
     "email",
     "openid",
     "aws.cognito.signin.user.admin"
    ],
    "CallbackURLs": [
     "https://example.com"
    ],
    "SupportedIdentityProviders": [
     "COGNITO"
    ]
   }
  }
 }
}`;
  const rows = runRule(ID, 'Stack.template.json', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(22, 6, 22, 27)]);
  assert.match(rows[0]!.message, /placeholder that CDK writes/);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"https://example.com"', '"https://app.mycompany.com/callback"')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "CallbackURLs": ["https://app.example.com/cb"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 71, 1, 99)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(1, 72, 1, 100)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "DefaultRedirectURI": "https://app.mycompany.com/cb"}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace('mycompany.com', 'example.net')), [at(1, 96, 1, 124)]);
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
    '          - "https://${self:custom.domain}/callback"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('https://${self:custom.domain}/callback', 'https://example.com/${self:custom.path}')), [at(9, 13, 9, 54)]);
});
