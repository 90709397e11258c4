import { ruleTester, type ApiClient } from '../rule-tester';
import { OAUTH, callbackCases } from './redirect-cases';
import { CFN, CFN_OAUTH, CLIENT_YAML, serverless } from './fixture-parts';

const hosts = callbackCases([
  ['example.com', 'https://example.com', true],
  ['subdomain of example.org', 'https://app.example.org/callback', true],
  ['example.net in capitals, with a port', 'https://EXAMPLE.NET:8443/cb', true],
  ['fully qualified with a trailing dot', 'https://example.com./cb', true],
  ['*.test', 'https://myapp.test/cb', true],
  ['*.invalid', 'http://sso.invalid/', true],
  ['*.example', 'https://shop.example/signin', true],
  ['user info before the host', 'https://app.mycompany.com@example.com/cb', true],
  ['app.example.com', 'https://app.example.com/cb', true],
  ['example.com as a subdomain of a real domain', 'https://example.com.mycompany.com/cb', false],
  ['a name that ends like example.com', 'https://notexample.com/cb', false],
  ['a bare "test" host', 'https://test/cb', false],
  ['an app scheme', 'myapp://example.com/cb', false],
  ['loopback', 'http://localhost:3000/cb', false],
  ['a real domain', 'https://app.mycompany.com/cb', false],
]);
/** What CDK synthesizes for a client without oAuth settings. */
const CDK_DEFAULTS: ApiClient = {
  AllowedOAuthFlows: ['implicit', 'code'],
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthScopes: ['profile', 'phone', 'email', 'openid', 'aws.cognito.signin.user.admin'],
  CallbackURLs: ['https://example.com'],
  SupportedIdentityProviders: ['COGNITO'],
};

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  SiteUrl:
    Type: String
    Default: https://www.example.com/
  ProdUrl:
    Type: String
Conditions:
  IsDemo: !Equals [!Ref Stage, demo]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsDemo, "https://demo.example.org/cb", "https://app.mycompany.com/cb"]
`;

ruleTester('redirect-uri-placeholder', {
  valid: [
    ...hosts.valid,
    { name: 'CDK with real callback URLs', client: { ...CDK_DEFAULTS, CallbackURLs: ['https://app.mycompany.com/callback'] } },
    { name: 'a real DefaultRedirectURI', client: { DefaultRedirectURI: 'https://app.mycompany.com/cb' } },
  ],
  invalid: [
    ...hosts.invalid,
    { name: 'LogoutURLs', client: { ...OAUTH, LogoutURLs: ['https://app.mycompany.com/signout', 'https://www.example.com/signout'] }, errors: [{ at: 'LogoutURLs[1]' }] },
    { name: 'DefaultRedirectURI', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'https://app.example.com/cb' }, errors: [{ at: 'DefaultRedirectURI' }] },
    { name: 'DefaultRedirectURI on example.net', client: { DefaultRedirectURI: 'https://app.example.net/cb' }, errors: [{ at: 'DefaultRedirectURI' }] },
    {
      name: 'what CDK writes, outside CDK synth output: the generic message',
      client: CDK_DEFAULTS,
      errors: [{ at: 'CallbackURLs[0]', message: { api: /^CallbackURLs entry "https:\/\/example\.com" points at the placeholder host "example\.com"/, terraform: /^callback_urls entry "https:\/\/example\.com" points at the placeholder host "example\.com"/ } }],
    },
    {
      name: 'example.com callback and logout: messages',
      client: { ...OAUTH, CallbackURLs: ['https://example.com'], LogoutURLs: ['https://example.com'] },
      errors: [
        {
          at: 'CallbackURLs[0]',
          message: {
            api: 'CallbackURLs entry "https://example.com" points at the placeholder host "example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
          },
        },
        {
          at: 'LogoutURLs[0]',
          message: {
            api: 'LogoutURLs entry "https://example.com" points at the placeholder host "example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
          },
        },
      ],
    },
    { name: 'example.org callback, .test logout', client: { ...OAUTH, CallbackURLs: ['https://app.example.org/cb'], LogoutURLs: ['https://myapp.test/bye'] }, errors: [{ at: 'CallbackURLs[0]' }, { at: 'LogoutURLs[0]' }] },
  ],
  fixtures: [
    {
      name: 'CDK synth output (aws:cdk:path metadata): the placeholder that CDK writes',
      path: 'cdk.out/Stack.template.json',
      text: `{
 "Resources": {
  "PoolWebClient": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthFlows": ["implicit", "code"],
    "AllowedOAuthScopes": ["openid"],
    "CallbackURLs": ["https://example.com"],
                     ^~~~~~~~~~~~~~~~~~~~~ a
    "LogoutURLs": ["https://example.com/"]
                   ^~~~~~~~~~~~~~~~~~~~~~ b
   },
   "Metadata": { "aws:cdk:path": "Stack/Pool/WebClient/Resource" }
  }
 }
}`,
      errors: [
        {
          at: 'a',
          message:
            'CallbackURLs entry "https://example.com" is the placeholder that CDK writes when oAuth.callbackUrls is not set; no app can receive the redirect there. Set oAuth.callbackUrls (or CallbackURLs) to the real URLs of your app.',
        },
        { at: 'b', message: /^LogoutURLs entry "https:\/\/example\.com\/" points at the placeholder host "example\.com"/ },
      ],
    },
    {
      name: 'CDK synth output: https://example.com/ with the root slash is the same placeholder',
      path: 'cdk.out/Stack.template.json',
      text: `{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Metadata": {"aws:cdk:path": "Stack/C/Resource"}, "Properties": {"UserPoolId": "p", "CallbackURLs": [«"https://example.com/"»[a]]}}}}`,
      errors: [{ at: 'a', message: /^CallbackURLs entry "https:\/\/example\.com\/" is the placeholder that CDK writes/ }],
    },
    {
      name: 'a hand-written template with the same URL: the generic message',
      path: 'template.yaml',
      text: `${CFN}      CallbackURLs: [https://example.com/]
                     ^~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /^CallbackURLs entry "https:\/\/example\.com\/" points at the placeholder host "example\.com", a name reserved for documentation and tests;/ }],
    },
    {
      name: 'a .tf file with the same URL: the generic message in Terraform names',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool_client" "web" {
  name          = "web"
  user_pool_id  = "us-east-1_AbCdEfGhI"
  callback_urls = [«"https://example.com"»[a]]
}
`,
      errors: [{ at: 'a', message: 'callback_urls entry "https://example.com" points at the placeholder host "example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.' }],
    },
    {
      name: 'Sub: the host is cut off before a placeholder suffix',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://\${Sub}.example.com/cb"]
`,
    },
    {
      name: 'Sub: the known host ends at the path',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://app.example.com/\${Path}"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: the known host ends at the port',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://example.com:\${Port}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: the host could go on',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://app.example.com\${Suffix}/cb"]
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
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://app.example.com/\${Path}"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message:
            'CallbackURLs entry "https://app.example.com/…" points at the placeholder host "app.example.com", a name reserved for documentation and tests; no app can receive the redirect there. Replace it with the real URL of your app or remove it.',
        },
      ],
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      LogoutURLs: [!Ref ProdUrl]
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      LogoutURLs: [!Ref SiteUrl]
                   ^~~~~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /^LogoutURLs entry "https:\/\/www\.example\.com\/" points at the placeholder host "www\.example\.com".*\(the value comes from the default of Parameter "SiteUrl"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["https://app.example.com/cb"]}
                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "https://\${self:custom.domain}/callback"
`,
    },
    {
      name: 'serverless.yml: a known placeholder host',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "https://example.com/\${self:custom.path}"
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
  ],
});
