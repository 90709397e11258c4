import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'redirect-uri-no-fragment';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['fragment in a plain scalar', ['CallbackURLs:', '  - https://app.mycompany.com/#/callback'], [at(8, 11, 8, 47)]],
    ['a YAML comment is not a fragment', ['CallbackURLs:', '  - https://app.mycompany.com/callback # the SPA'], []],
    ['quoted, in LogoutURLs', ['LogoutURLs: ["https://app.mycompany.com/signout#done"]'], [at(7, 20, 7, 60)]],
    ['DefaultRedirectURI', ['CallbackURLs: [https://app.mycompany.com/cb]', 'DefaultRedirectURI: "https://app.mycompany.com/cb#x"'], [at(8, 27, 8, 59)]],
    ['empty fragment', ['CallbackURLs: ["myapp://callback#"]'], [at(7, 22, 7, 41)]],
    ['query string is fine', ['CallbackURLs: ["https://app.mycompany.com/cb?source=cognito"]'], []],
    ['Sub with the fragment in the known prefix', ['CallbackURLs: [!Sub "https://app.mycompany.com/#/${Route}"]'], [at(7, 22, 7, 65)]],
    ['Sub with the fragment after the unknown part', ['CallbackURLs: [!Sub "https://${Domain}/#/cb"]'], []],
    ['Join with a literal fragment', ['CallbackURLs: [!Join ["", ["https://app.mycompany.com/#", !Ref Route]]]'], [at(7, 22, 7, 77)]],
    ['GetAtt item', ['CallbackURLs: [!GetAtt Site.Url]'], []],
    ['list from a Ref to a resource', ['CallbackURLs: !Ref Callbacks'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages name the fragment', () => {
  const rows = runRule(ID, 't.yaml', cfn('CallbackURLs: [!Sub "https://app.mycompany.com/#/${Route}"]', 'DefaultRedirectURI: "https://app.mycompany.com/cb#top"'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'CallbackURLs entry "https://app.mycompany.com/#/…" has the fragment "#/…"; a redirect URI must not include a fragment component. Remove everything from "#" on (a single-page app can keep its route in the path or the state parameter).',
      'DefaultRedirectURI "https://app.mycompany.com/cb#top" has the fragment "#top"; a redirect URI must not include a fragment component. Remove everything from "#" on (a single-page app can keep its route in the path or the state parameter).',
    ],
  );
});

test('Fn::If: one finding; a Parameter default is named', () => {
  const text = [
    'Parameters:',
    '  AppUrl:',
    '    Type: String',
    '    Default: "https://app.mycompany.com/#/callback"',
    '  Other:',
    '    Type: String',
    'Conditions:',
    '  HashRouter: !Equals [!Ref Router, hash]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [HashRouter, "https://app.mycompany.com/#/cb", "https://app.mycompany.com/cb"]',
    '      LogoutURLs:',
    '        - !Ref Other',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(14, 28, 14, 60)]);
  const rows = runRule(ID, 't.yaml', text.replace('!Ref Other', '!Ref AppUrl'));
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(14, 28, 14, 60), at(16, 11, 16, 22)]);
  assert.match(rows[1]!.message, /^LogoutURLs entry "https:\/\/app\.mycompany\.com\/#\/callback" has the fragment "#\/callback".*\(the value comes from the default of Parameter "AppUrl"\)$/);
});

test('cloudformation json as CDK synth writes it', () => {
  const text = `{
 "Resources": {
  "UserPoolSpaClient5F2A3C1D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": {
     "Ref": "UserPool6BA7E5F2"
    },
    "AllowedOAuthFlows": [
     "code"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "CallbackURLs": [
     "https://app.mycompany.com/#/callback"
    ],
    "DefaultRedirectURI": "https://app.mycompany.com/#/callback"
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(14, 6, 14, 44), at(16, 27, 16, 65)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replaceAll('/#/callback', '/callback')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "spa", "CallbackURLs": ["https://app.mycompany.com/#cb"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 71, 1, 102)]);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName": "spa"', '"ClientId": "abc123"')), [at(1, 72, 1, 103)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "LogoutURLs": ["https://app.mycompany.com/bye"]}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  assert.deepEqual(positions(ID, 'describe.json', described.replace('/bye', '/#bye')), [at(1, 89, 1, 121)]);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: spa',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        CallbackURLs:',
    '          - "${self:custom.appUrl}#/callback"',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.appUrl}#/callback', 'https://app.mycompany.com/#/${self:custom.route}')), [at(9, 13, 9, 63)]);
});
