import { ruleTester } from '../rule-tester';
import { OAUTH, callbackCases } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, TF_OAUTH, serverless } from './fixture-parts';

const USE_HTTPS = 'Cognito accepts http:// only for localhost, 127.0.0.1 and [::1]. Use https://.';
const urls = callbackCases([
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
]);

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  SiteUrl:
    Type: String
    Default: http://app.mycompany.com/
  ProdUrl:
    Type: String
Conditions:
  IsDev: !Equals [!Ref Stage, dev]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsDev, "http://dev.mycompany.com/cb", "https://app.mycompany.com/cb"]
`;

ruleTester('redirect-uri-https', {
  valid: [
    ...urls.valid,
    { name: 'https everywhere', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'https://app.mycompany.com/cb' } },
  ],
  invalid: [
    ...urls.invalid,
    {
      name: 'message',
      client: { ...OAUTH, CallbackURLs: ['http://app.mycompany.com/cb'] },
      errors: [{ at: 'CallbackURLs[0]', message: { api: `CallbackURLs entry "http://app.mycompany.com/cb" uses http:// to the non-loopback host "app.mycompany.com"; ${USE_HTTPS}` } }],
    },
    { name: 'LogoutURLs', client: { ...OAUTH, LogoutURLs: ['https://app.mycompany.com/signout', 'http://app.mycompany.com/signout'] }, errors: [{ at: 'LogoutURLs[1]' }] },
    { name: 'DefaultRedirectURI', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'http://app.mycompany.com/cb' }, errors: [{ at: 'DefaultRedirectURI' }] },
    { name: 'loopback http beside a real host (CDK)', client: { ...OAUTH, CallbackURLs: ['http://localhost:3000/callback', 'http://app.mycompany.com/callback'] }, errors: [{ at: 'CallbackURLs[1]' }] },
    {
      name: 'http to a real host; loopback hosts allowed',
      client: { ...OAUTH, CallbackURLs: ['http://app.mycompany.com/cb', 'http://localhost:3000/cb', 'http://127.0.0.1/cb'], LogoutURLs: ['http://[::1]/bye'] },
      errors: [{ at: 'CallbackURLs[0]' }],
    },
  ],
  fixtures: [
    {
      name: 'Sub: a known host followed by an unknown path',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://app.mycompany.com/\${Path}"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: a known host followed by an unknown port',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://app.mycompany.com:\${Port}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: a host cut off after "api."',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://api.\${Domain}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: the host is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://\${Host}/cb"]
`,
    },
    {
      name: 'Sub: the host could still become localhost',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://local\${Suffix}/cb"]
`,
    },
    {
      name: 'Sub: localhost with an unknown port',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://localhost:\${Port}/cb"]
`,
    },
    {
      name: 'Sub: [::1] with an unknown rest',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://[::1]\${Rest}"]
`,
    },
    {
      name: 'Sub: an IPv6 host that could still be [::1]',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://[::\${Suffix}]/cb"]
`,
    },
    {
      name: 'Sub: an IPv6 host that cannot be [::1]',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "http://[fe80::\${Suffix}]/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub: the scheme is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "\${Scheme}://app.mycompany.com/cb"]
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
      name: 'messages: complete and partly known URLs',
      path: 't.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [http://app.mycompany.com/cb, !Sub "http://api.\${Domain}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~ a
                                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ b
`,
      errors: [
        { at: 'a', message: `CallbackURLs entry "http://app.mycompany.com/cb" uses http:// to the non-loopback host "app.mycompany.com"; ${USE_HTTPS}` },
        { at: 'b', message: `CallbackURLs entry "http://api.…" uses http:// to the non-loopback host "api.…"; ${USE_HTTPS}` },
      ],
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      LogoutURLs: [!Ref ProdUrl]
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      LogoutURLs: [!Ref SiteUrl]
                   ^~~~~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /^LogoutURLs entry "http:\/\/app\.mycompany\.com\/" uses http:\/\/.*\(the value comes from the default of Parameter "SiteUrl"\)$/ }],
    },
    {
      name: 'cloudformation json: a Fn::Join with an unknown host is silent',
      path: 'Stack.template.json',
      text: `{
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
     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
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
}`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["http://app.mycompany.com/cb"]}
                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - \${self:custom.callbackUrl}
          - "http://\${self:custom.host}/cb"
`,
    },
    {
      name: 'serverless.yml: a known host',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - http://app.mycompany.com/\${self:custom.path}
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          - "http://\${self:custom.host}/cb"
`,
    },
    {
      name: 'terraform: http known from the template prefix, host unknown: silent (could be localhost)',
      path: 'main.tf',
      text: `${TF_OAUTH}  callback_urls = ["http://\${var.host}/cb"]
}
`,
    },
    {
      name: 'terraform: http with a literal host and an unknown path: reported',
      path: 'main.tf',
      text: `${TF_OAUTH}  callback_urls = ["http://app.mycompany.com/\${var.path}"]
                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: https with an unknown host',
      path: 'main.tf',
      text: `${TF_OAUTH}  callback_urls = ["https://\${var.host}/cb"]
}
`,
    },
  ],
});
