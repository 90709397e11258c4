import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'redirect-uri-wildcard';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['wildcard subdomain', ['CallbackURLs:', '  - "https://*.mycompany.com/callback"', '  - https://app.mycompany.com/callback'], [at(8, 11, 8, 45)]],
    ['wildcard path', ['LogoutURLs: ["https://app.mycompany.com/*"]'], [at(7, 20, 7, 49)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: "https://app.mycompany.com/*"'], [at(8, 27, 8, 56)]],
    ['exact URLs', ['CallbackURLs: [https://app.mycompany.com/cb, "myapp://callback"]'], []],
    ['Sub with the star in the known prefix', ['CallbackURLs: [!Sub "https://*.${Domain}/cb"]'], [at(7, 22, 7, 51)]],
    ['Sub with the star after the unknown part', ['CallbackURLs: [!Sub "https://${Domain}/*"]'], []],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Site.Url]'], []],
    ['list from ImportValue', ['LogoutURLs: !ImportValue SharedLogoutUrls'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message', () => {
  const [row] = runRule(ID, 't.yaml', cfn('CallbackURLs: ["https://*.mycompany.com/callback"]'));
  assert.equal(
    row!.message,
    'CallbackURLs entry "https://*.mycompany.com/callback" contains "*", but Cognito matches redirect URIs exactly and has no wildcards, so this entry matches only a URL with a literal "*" in it. List every exact URL the app uses instead.',
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  PreviewUrl:',
    '    Type: String',
    '    Default: "https://*.preview.mycompany.com/"',
    '  ProdUrl:',
    '    Type: String',
    'Conditions:',
    '  IsPreview: !Equals [!Ref Stage, preview]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsPreview, "https://pr-*.mycompany.com/", "https://app.mycompany.com/"]',
    '      LogoutURLs: [!Ref ProdUrl]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(14, 27, 14, 56)]);
  const rows = runRule(ID, 't.yaml', text.replace('!Ref ProdUrl', '!Ref PreviewUrl'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 27, 14, 56), at(15, 20, 15, 35)]);
  assert.match(rows[1]!.message, /^LogoutURLs entry "https:\/\/\*\.preview\.mycompany\.com\/" contains "\*".*\(the value comes from the default of Parameter "PreviewUrl"\)$/);
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
     "https://*.mycompany.com/callback"
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(12, 6, 12, 40)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "LogoutURLs": ["https://app.mycompany.com/*"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 69, 1, 98)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "web"', '"ClientId": "abc123"')), [at(1, 70, 1, 99)]);
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
    '          - "https://${self:custom.domain}/*"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('https://${self:custom.domain}/*', 'https://*.${self:custom.domain}/')), [at(9, 13, 9, 47)]);
});
