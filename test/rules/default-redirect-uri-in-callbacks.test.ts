import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';

const ID = 'default-redirect-uri-in-callbacks';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true'];
/** A CloudFormation YAML template whose remaining client properties start on line 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });
const APP = 'https://app.mycompany.com/callback';

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['listed', [`CallbackURLs: [${APP}, myapp://callback]`, 'DefaultRedirectURI: myapp://callback'], []],
    ['not listed', [`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: https://app.mycompany.com/home'], [at(8, 27, 8, 57)]],
    ['trailing slash differs', [`CallbackURLs: [${APP}]`, `DefaultRedirectURI: ${APP}/`], [at(8, 27, 8, 62)]],
    ['CallbackURLs absent', [`DefaultRedirectURI: ${APP}`], [at(7, 27, 7, 61)]],
    ['CallbackURLs removed with AWS::NoValue', ['CallbackURLs: !Ref AWS::NoValue', `DefaultRedirectURI: ${APP}`], [at(8, 27, 8, 61)]],
    ['CallbackURLs empty', ['CallbackURLs: []', `DefaultRedirectURI: ${APP}`], [at(8, 27, 8, 61)]],
    ['no DefaultRedirectURI', [`CallbackURLs: [${APP}]`], []],
    ['a callback is unknown', [`CallbackURLs: [${APP}, !GetAtt Site.Url]`, 'DefaultRedirectURI: https://app.mycompany.com/home'], []],
    ['a callback is partly known', [`CallbackURLs: [${APP}, !Sub "https://\${Domain}/cb"]`, 'DefaultRedirectURI: https://app.mycompany.com/home'], []],
    ['the list is unknown', ['CallbackURLs: !ImportValue SharedCallbacks', `DefaultRedirectURI: ${APP}`], []],
    ['the default is unknown', [`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: !GetAtt Site.Url'], []],
    ['the default is partly known and could match', [`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: !Sub "https://${Domain}/callback"'], []],
    ['the default is partly known and cannot match', [`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: !Sub "myapp://${Path}"'], [at(8, 27, 8, 49)]],
    ['the default is partly known, CallbackURLs absent', ['DefaultRedirectURI: !Sub "https://${Domain}/cb"'], [at(7, 27, 7, 54)]],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages', () => {
  const message = (...props: string[]): string => runRule(ID, 't.yaml', cfn(...props))[0]!.message;
  assert.equal(
    message(`CallbackURLs: [${APP}, myapp://callback]`, 'DefaultRedirectURI: https://app.mycompany.com/home'),
    'DefaultRedirectURI "https://app.mycompany.com/home" is not in CallbackURLs ("https://app.mycompany.com/callback", "myapp://callback"); the default redirect URI must be one of them, compared exactly. Add it to CallbackURLs or change it to one of the listed URLs.',
  );
  assert.equal(
    message(`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: https://App.MyCompany.com/callback/'),
    'DefaultRedirectURI "https://App.MyCompany.com/callback/" is not in CallbackURLs, which has "https://app.mycompany.com/callback"; Cognito compares redirect URIs exactly, including case and trailing slashes. Spell both the same way.',
  );
  assert.equal(
    message(`DefaultRedirectURI: ${APP}`),
    'DefaultRedirectURI is "https://app.mycompany.com/callback" but CallbackURLs is not set; the default redirect URI must be one of the CallbackURLs. Add it to CallbackURLs or remove DefaultRedirectURI.',
  );
  assert.equal(
    message('CallbackURLs: []', `DefaultRedirectURI: ${APP}`),
    'DefaultRedirectURI is "https://app.mycompany.com/callback" but CallbackURLs is empty; the default redirect URI must be one of the CallbackURLs. Add it to CallbackURLs or remove DefaultRedirectURI.',
  );
  assert.equal(
    message(`CallbackURLs: [${APP}]`, 'DefaultRedirectURI: !Sub "myapp://${Path}"'),
    'DefaultRedirectURI "myapp://…" cannot be any of the CallbackURLs ("https://app.mycompany.com/callback"): none of them starts with "myapp://"; the default redirect URI must be one of them. Add it to CallbackURLs or change it to one of the listed URLs.',
  );
});

test('Fn::If: matching branches are clean; one mismatched branch gives one finding', () => {
  const text = [
    'Conditions:',
    '  IsProd: !Equals [!Ref Stage, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs:',
    '        - !If [IsProd, "https://app.mycompany.com/cb", "https://dev.mycompany.com/cb"]',
    '      DefaultRedirectURI: !If [IsProd, "https://app.mycompany.com/cb", "https://dev.mycompany.com/cb"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), []);
  const mismatched = text.replace('"https://dev.mycompany.com/cb"]\n      Default', '"https://test.mycompany.com/cb"]\n      Default');
  assert.deepEqual(positions(ID, 't.yaml', mismatched), [at(9, 72, 9, 102)]);
});

test('values from Parameter defaults are named in the message and as related locations', () => {
  const text = [
    'Parameters:',
    '  Callbacks:',
    '    Type: CommaDelimitedList',
    '    Default: "https://app.mycompany.com/cb,https://app.mycompany.com/alt"',
    '  Home:',
    '    Type: String',
    '    Default: https://app.mycompany.com/home',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      CallbackURLs: !Ref Callbacks',
    '      DefaultRedirectURI: https://app.mycompany.com/home',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(13, 27, 13, 57)]);
  assert.match(rows[0]!.message, /\(CallbackURLs comes from the default of Parameter "Callbacks"\); the default redirect URI/);

  const rule = loadRule(ID);
  const findings = evaluate([loadFile(new SourceFile('t.yaml', text))], [rule], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.deepEqual(
    findings[0]!.related.map((r) => [r.message, r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column]),
    [
      ['CallbackURLs', 12, 7, 12, 19],
      ['default of Parameter "Callbacks"', 4, 14, 4, 74],
    ],
  );

  const fromDefault = runRule(ID, 't.yaml', text.replace('      DefaultRedirectURI: https://app.mycompany.com/home', '      DefaultRedirectURI: !Ref Home'));
  assert.deepEqual(fromDefault.map(({ message: _m, ...rest }) => rest), [at(13, 27, 13, 36)]);
  assert.match(fromDefault[0]!.message, /\(CallbackURLs comes from the default of Parameter "Callbacks"\).*\(the value comes from the default of Parameter "Home"\)$/);
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
    "AllowedOAuthFlows": [
     "code"
    ],
    "AllowedOAuthFlowsUserPoolClient": true,
    "CallbackURLs": [
     "https://app.mycompany.com/callback"
    ],
    "DefaultRedirectURI": "https://app.mycompany.com/"
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(16, 27, 16, 55)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"https://app.mycompany.com/"', '"https://app.mycompany.com/callback"')), []);
});

test('api create and update requests, describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "CallbackURLs": ["https://app.mycompany.com/cb"], "DefaultRedirectURI": "https://app.mycompany.com/"}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 126, 1, 154)]);
  // An update request without CallbackURLs resets them to none: the default cannot be listed.
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "DefaultRedirectURI": "https://app.mycompany.com/cb"}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 77, 1, 107)]);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["https://app.mycompany.com/cb"], "DefaultRedirectURI": "https://app.mycompany.com/cb"}}';
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
    '          - ${self:custom.callbackUrl}',
    '        DefaultRedirectURI: https://app.mycompany.com/cb',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.callbackUrl}', 'https://app.mycompany.com/other')), [at(10, 29, 10, 57)]);
});
