import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load-file';
import { evaluate } from '../../src/evaluate';
import { settingsForPreset } from '../../src/config';
import { loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { OAUTH, callbackCases } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'no-localhost-redirect';
const cfn = (...props: string[]): string =>
  ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthFlowsUserPoolClient: true', ...props.map((prop) => `      ${prop}`), ''].join('\n');

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

const hosts = callbackCases([
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
]);

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  DevUrl:
    Type: String
    Default: http://localhost:5173/
  ProdUrl:
    Type: String
Conditions:
  IsDev: !Equals [!Ref Stage, dev]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsDev, "http://localhost:5173/cb", "https://app.mycompany.com/cb"]
`;

ruleTester(ID, {
  valid: [...hosts.valid],
  invalid: [
    ...hosts.invalid,
    { name: 'LogoutURLs', client: { ...OAUTH, LogoutURLs: ['https://app.mycompany.com/signout', 'http://localhost:3000/signout'] }, errors: [{ at: 'LogoutURLs[1]' }] },
    {
      name: 'DefaultRedirectURI: message',
      client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'http://[::1]:3000/' },
      errors: [
        {
          at: 'DefaultRedirectURI',
          message: {
            api: 'DefaultRedirectURI "http://[::1]:3000/" redirects to the loopback host "[::1]", which only a program on the user\'s own machine can receive; production clients should not accept it. Remove it, or move it to a separate development client.',
          },
        },
      ],
    },
    { name: 'DefaultRedirectURI 127.0.0.1', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'http://127.0.0.1/cb' }, errors: [{ at: 'DefaultRedirectURI' }] },
    {
      name: 'callback and logout as CDK writes them',
      client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/callback', 'http://localhost:3000/callback'], LogoutURLs: ['http://localhost:3000/'] },
      errors: [{ at: 'CallbackURLs[1]' }, { at: 'LogoutURLs[0]' }],
    },
  ],
  fixtures: [
    {
      name: 'Sub: the port is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://localhost:\${Port}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: the host could go on',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://localhost\${Suffix}/cb"]
`,
    },
    {
      name: 'Sub: the host is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://\${Host}:3000/cb"]
`,
    },
    {
      name: 'GetAtt item',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!GetAtt Site.Url]
`,
    },
    {
      name: 'list from ImportValue',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: !ImportValue SharedCallbacks
`,
    },
    {
      name: 'message of a partly known value',
      path: 't.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://localhost:\${Port}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      DefaultRedirectURI: "http://[::1]:3000/"
                          ^~~~~~~~~~~~~~~~~~~~ b
`,
      errors: [
        {
          at: 'a',
          message:
            'CallbackURLs entry "http://localhost:…" redirects to the loopback host "localhost", which only a program on the user\'s own machine can receive; production clients should not accept it. Remove it, or move it to a separate development client.',
        },
        { at: 'b' },
      ],
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}                      ^~~~~~~~~~~~~~~~~~~~~~~~~~
      LogoutURLs: [!Ref ProdUrl]
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}                      ^~~~~~~~~~~~~~~~~~~~~~~~~~ a
      LogoutURLs: [!Ref DevUrl]
                   ^~~~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /^LogoutURLs entry "http:\/\/localhost:5173\/" redirects to the loopback host "localhost".*\(the value comes from the default of Parameter "DevUrl"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["http://localhost:3000/cb"]}
                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "\${self:custom.callbackUrl}"
          - "http://localhost\${self:custom.suffix}"
`,
    },
    {
      name: 'serverless.yml: a known host and an unknown port',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "http://localhost:\${self:custom.port}/cb"
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          - "http://localhost\${self:custom.suffix}"
`,
    },
    {
      name: 'terraform: the value from a variable default, reported at the reference',
      path: 'main.tf',
      text: `variable "urls" {
  default = ["https://app.mycompany.com/cb", "http://localhost:3000/cb"]
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows = ["code"]
  allowed_oauth_scopes = ["openid"]
  callback_urls = var.urls
                  ^~~~~~~~ a
}
`,
      errors: [{ at: 'a', message: /"http:\/\/localhost:3000\/cb".*\(the value comes from the default of variable "urls"\)$/ }],
    },
  ],
});
