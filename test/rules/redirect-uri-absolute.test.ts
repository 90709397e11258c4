import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'redirect-uri-absolute';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['relative path', ['CallbackURLs: [/callback]'], [at(7, 22, 7, 31)]],
    ['host without scheme', ['CallbackURLs: [https://app.mycompany.com/cb, app.mycompany.com/cb]'], [at(7, 52, 7, 72)]],
    ['bare word in LogoutURLs', ['LogoutURLs:', '  - signout'], [at(8, 11, 8, 18)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: /home'], [at(8, 27, 8, 32)]],
    ['scheme missing its colon', ['CallbackURLs: [https//app.mycompany.com/cb]'], [at(7, 22, 7, 49)]],
    ['https and app schemes', ['CallbackURLs: [https://app.mycompany.com/cb, myapp://callback, com.mycompany.app:/oauth2redirect]'], []],
    ['Sub with a literal scheme', ['CallbackURLs: [!Sub "https://${Domain}/cb"]'], []],
    ['Sub with a relative literal prefix', ['CallbackURLs: [!Sub "/auth/${Stage}/cb"]'], [at(7, 22, 7, 46)]],
    ['Sub whose scheme is cut off: not certain', ['CallbackURLs: [!Sub "myapp${Suffix}://cb"]'], []],
    ['Sub starting with a variable', ['CallbackURLs: [!Sub "${Scheme}://app/cb"]'], []],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Distribution.DomainName]'], []],
    ['Ref to a resource', ['DefaultRedirectURI: !Ref CallbackUrlResource'], []],
    ['list from ImportValue', ['CallbackURLs: !ImportValue SharedCallbacks'], []],
    ['absent', ['AllowedOAuthFlows: [code]'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages: list entry, DefaultRedirectURI, partial value', () => {
  const rows = runRule(ID, 't.yaml', cfn('CallbackURLs: [/callback, !Sub "/auth/${Stage}"]', 'DefaultRedirectURI: /callback'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'CallbackURLs entry "/callback" is not an absolute URI (it has no scheme such as https:); Cognito requires absolute redirect URIs. Write the full URL with its scheme and host, such as https://host/path or myapp://path.',
      'CallbackURLs entry "/auth/…" is not an absolute URI (it has no scheme such as https:); Cognito requires absolute redirect URIs. Write the full URL with its scheme and host, such as https://host/path or myapp://path.',
      'DefaultRedirectURI "/callback" is not an absolute URI (it has no scheme such as https:); Cognito requires absolute redirect URIs. Write the full URL with its scheme and host, such as https://host/path or myapp://path.',
    ],
  );
});

test('a Parameter Default placeholder (as in the serverless-patterns SMS sample) is reported with its default', () => {
  const text = [
    'Parameters:',
    '  CallbackUrl:',
    '    Type: String',
    '    Description: Allowed redirect URL after user login',
    '    Default: <application-url-after-user-login> #for example https://www.amazon.com/',
    '  LogoutUrl:',
    '    Type: String',
    'Resources:',
    '  CognitoAppClient:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      UserPoolId: !Ref UserPool',
    '      CallbackURLs:',
    '        - !Ref CallbackUrl',
    '      LogoutURLs:',
    '        - !Ref LogoutUrl',
    '',
  ].join('\n');
  const rows = runRule(ID, 'template.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 11, 14, 27)]);
  assert.match(rows[0]!.message, /^CallbackURLs entry "<application-url-after-user-login>" is not an absolute URI/);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "CallbackUrl"\)$/);
});

test('Fn::If: only the bad branch is reported, once', () => {
  const text = [
    'Conditions:',
    '  IsProd: !Equals [!Ref Stage, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsProd, https://app.mycompany.com/cb, /cb]',
    '        - https://app.mycompany.com/other',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(8, 54, 8, 57)]);
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
     "localhost:3000/callback"
    ],
    "LogoutURLs": [
     {
      "Fn::Join": [
       "",
       [
        "https://",
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
  // "localhost:3000/callback" has the scheme "localhost:" as far as RFC 3986 goes: not reported here.
  assert.deepEqual(positions(ID, 'Stack.template.json', text), []);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"localhost:3000/callback"', '"/callback"')), [at(12, 6, 12, 17)]);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "CallbackURLs": ["https://app.mycompany.com/cb"], "LogoutURLs": ["/logout"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 119, 1, 128)]);
  const update = create.replace('"ClientName": "web"', '"ClientId": "abc123"');
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 120, 1, 129)]);
  const described = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "ClientId": "abc123",\n    "DefaultRedirectURI": "app.mycompany.com"\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', described), [at(5, 27, 5, 46)]);
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
    '          - "${self:custom.appScheme}://callback"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.callbackUrl}', '/callback/${self:custom.stage}')), [at(9, 13, 9, 43)]);
});
