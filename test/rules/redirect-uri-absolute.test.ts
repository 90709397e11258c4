import { ruleTester } from '../rule-tester';
import { OAUTH, callbackCases } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, TF_OAUTH, serverless } from './fixture-parts';

const urls = callbackCases([
  ['relative path', '/callback', true],
  ['host without scheme', 'app.mycompany.com/cb', true],
  ['scheme missing its colon', 'https//app.mycompany.com/cb', true],
  ['https', 'https://app.mycompany.com/cb', false],
  ['an app scheme', 'myapp://callback', false],
  ['a reverse-domain app scheme', 'com.mycompany.app:/oauth2redirect', false],
  // "localhost:3000/callback" has the scheme "localhost:" as far as RFC 3986 goes.
  ['localhost:3000 without a scheme', 'localhost:3000/callback', false],
]);
const NOT_ABSOLUTE = 'is not an absolute URI (it has no scheme such as https:); Cognito requires absolute redirect URIs. Write the full URL with its scheme and host, such as https://host/path or myapp://path.';

ruleTester('redirect-uri-absolute', {
  valid: [...urls.valid, { name: 'absent', client: { ...OAUTH, AllowedOAuthFlows: ['code'] } }],
  invalid: [
    ...urls.invalid,
    { name: 'host without scheme beside an absolute URL', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb', 'app.mycompany.com/cb'] }, errors: [{ at: 'CallbackURLs[1]' }] },
    { name: 'bare word in LogoutURLs', client: { ...OAUTH, LogoutURLs: ['signout'] }, errors: [{ at: 'LogoutURLs[0]' }] },
    { name: 'relative logout beside an absolute callback', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], LogoutURLs: ['/logout'] }, errors: [{ at: 'LogoutURLs[0]' }] },
    {
      name: 'messages: list entry and DefaultRedirectURI',
      client: { ...OAUTH, CallbackURLs: ['/callback'], DefaultRedirectURI: '/callback' },
      errors: [
        { at: 'CallbackURLs[0]', message: { api: `CallbackURLs entry "/callback" ${NOT_ABSOLUTE}` } },
        { at: 'DefaultRedirectURI', message: { api: `DefaultRedirectURI "/callback" ${NOT_ABSOLUTE}` } },
      ],
    },
    { name: 'DefaultRedirectURI without a scheme', client: { ...OAUTH, DefaultRedirectURI: 'app.mycompany.com' }, errors: [{ at: 'DefaultRedirectURI' }] },
    { name: 'relative callback and logout', client: { ...OAUTH, CallbackURLs: ['app.mycompany.com/cb', 'https://app.mycompany.com/cb'], LogoutURLs: ['/signout'] }, errors: [{ at: 'CallbackURLs[0]' }, { at: 'LogoutURLs[0]' }] },
    { name: 'relative DefaultRedirectURI beside an app scheme', client: { ...OAUTH, CallbackURLs: ['myapp://cb'], DefaultRedirectURI: 'cb' }, errors: [{ at: 'DefaultRedirectURI' }] },
  ],
  fixtures: [
    {
      name: 'Sub with a literal scheme',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://\${Domain}/cb"]
`,
    },
    {
      name: 'Sub with a relative literal prefix',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "/auth/\${Stage}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub whose scheme is cut off: not certain',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "myapp\${Suffix}://cb"]
`,
    },
    {
      name: 'Sub starting with a variable',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "\${Scheme}://app/cb"]
`,
    },
    {
      name: 'GetAtt item',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!GetAtt Distribution.DomainName]
`,
    },
    {
      name: 'Ref to a resource',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      DefaultRedirectURI: !Ref CallbackUrlResource
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
      text: `${CFN_OAUTH}      CallbackURLs: [/callback, !Sub "/auth/\${Stage}"]
                     ^~~~~~~~~ a
                                ^~~~~~~~~~~~~~~~~~~~~ b
`,
      errors: [
        { at: 'a', message: `CallbackURLs entry "/callback" ${NOT_ABSOLUTE}` },
        { at: 'b', message: `CallbackURLs entry "/auth/…" ${NOT_ABSOLUTE}` },
      ],
    },
    {
      name: 'a Parameter Default placeholder (as in the serverless-patterns SMS sample) is reported with its default',
      path: 'template.yaml',
      text: `Parameters:
  CallbackUrl:
    Type: String
    Description: Allowed redirect URL after user login
    Default: <application-url-after-user-login> #for example https://www.amazon.com/
  LogoutUrl:
    Type: String
Resources:
  CognitoAppClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref UserPool
      CallbackURLs:
        - !Ref CallbackUrl
          ^~~~~~~~~~~~~~~~ a
      LogoutURLs:
        - !Ref LogoutUrl
`,
      errors: [{ at: 'a', message: /^CallbackURLs entry "<application-url-after-user-login>" is not an absolute URI.*\(the value comes from the default of Parameter "CallbackUrl"\)$/ }],
    },
    {
      name: 'Fn::If: only the bad branch is reported, once',
      path: 't.yaml',
      text: `Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsProd, https://app.mycompany.com/cb, /cb]
                                                     ^~~
        - https://app.mycompany.com/other
`,
    },
    {
      name: 'cloudformation json: a Fn::Join is unknown',
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
     "https://app.mycompany.com/callback",
     "/callback"
     ^~~~~~~~~~~
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
}`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["https://app.mycompany.com/cb"], "LogoutURLs": ["/logout"]}
                                                                                                                       ^~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - \${self:custom.callbackUrl}
          - "\${self:custom.appScheme}://callback"
`,
    },
    {
      name: 'serverless.yml: a relative known prefix',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - /callback/\${self:custom.stage}
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          - "\${self:custom.appScheme}://callback"
`,
    },
    {
      name: 'terraform: unknown and partial values are silent',
      path: 'main.tf',
      text: `${TF_OAUTH}  callback_urls = [var.url, "\${var.host}/cb", aws_x.y.url]
}
`,
    },
  ],
});
