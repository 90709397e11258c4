import { ruleTester, type ApiClient } from '../rule-tester';
import { OAUTH } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, TF_OAUTH, serverless } from './fixture-parts';

const APP = 'https://app.mycompany.com/callback';
const HOME = 'https://app.mycompany.com/home';
const redirect = (members: ApiClient): ApiClient => ({ ...OAUTH, ...members });

ruleTester('default-redirect-uri-in-callbacks', {
  valid: [
    { name: 'listed', client: redirect({ CallbackURLs: [APP, 'myapp://callback'], DefaultRedirectURI: 'myapp://callback' }) },
    { name: 'listed alone', client: redirect({ CallbackURLs: [APP], DefaultRedirectURI: APP }) },
    { name: 'no DefaultRedirectURI', client: redirect({ CallbackURLs: [APP] }) },
    { name: 'default among callbacks', client: redirect({ CallbackURLs: ['https://app.mycompany.com/cb', 'https://app.mycompany.com/'], DefaultRedirectURI: 'https://app.mycompany.com/' }) },
  ],
  invalid: [
    {
      name: 'not listed',
      client: redirect({ CallbackURLs: [APP, 'myapp://callback'], DefaultRedirectURI: HOME }),
      errors: [
        {
          at: 'DefaultRedirectURI',
          message: {
            api: 'DefaultRedirectURI "https://app.mycompany.com/home" is not in CallbackURLs ("https://app.mycompany.com/callback", "myapp://callback"); the default redirect URI must be one of them, compared exactly. Add it to CallbackURLs or change it to one of the listed URLs.',
          },
        },
      ],
    },
    { name: 'not listed, one callback', client: redirect({ CallbackURLs: [APP], DefaultRedirectURI: HOME }), errors: [{ at: 'DefaultRedirectURI' }] },
    { name: 'trailing slash differs', client: redirect({ CallbackURLs: [APP], DefaultRedirectURI: `${APP}/` }), errors: [{ at: 'DefaultRedirectURI' }] },
    {
      name: 'case and trailing slash differ',
      client: redirect({ CallbackURLs: [APP], DefaultRedirectURI: 'https://App.MyCompany.com/callback/' }),
      errors: [
        {
          at: 'DefaultRedirectURI',
          message: {
            api: 'DefaultRedirectURI "https://App.MyCompany.com/callback/" is not in CallbackURLs, which has "https://app.mycompany.com/callback"; Cognito compares redirect URIs exactly, including case and trailing slashes. Spell both the same way.',
          },
        },
      ],
    },
    {
      name: 'CallbackURLs absent',
      client: redirect({ DefaultRedirectURI: APP }),
      errors: [
        {
          at: 'DefaultRedirectURI',
          message: {
            api: 'DefaultRedirectURI is "https://app.mycompany.com/callback" but CallbackURLs is not set; the default redirect URI must be one of the CallbackURLs. Add it to CallbackURLs or remove DefaultRedirectURI.',
          },
        },
      ],
    },
    {
      name: 'CallbackURLs empty',
      client: redirect({ CallbackURLs: [], DefaultRedirectURI: APP }),
      errors: [
        {
          at: 'DefaultRedirectURI',
          message: {
            api: 'DefaultRedirectURI is "https://app.mycompany.com/callback" but CallbackURLs is empty; the default redirect URI must be one of the CallbackURLs. Add it to CallbackURLs or remove DefaultRedirectURI.',
          },
        },
      ],
    },
    { name: 'a site root not among the callbacks (CDK)', client: redirect({ AllowedOAuthFlows: ['code'], CallbackURLs: [APP], DefaultRedirectURI: 'https://app.mycompany.com/' }), errors: [{ at: 'DefaultRedirectURI' }] },
  ],
  fixtures: [
    {
      name: 'CallbackURLs removed with AWS::NoValue',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: !Ref AWS::NoValue
      DefaultRedirectURI: https://app.mycompany.com/callback
                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'a callback is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [https://app.mycompany.com/callback, !GetAtt Site.Url]
      DefaultRedirectURI: https://app.mycompany.com/home
`,
    },
    {
      name: 'a callback is partly known',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [https://app.mycompany.com/callback, !Sub "https://\${Domain}/cb"]
      DefaultRedirectURI: https://app.mycompany.com/home
`,
    },
    {
      name: 'the list is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: !ImportValue SharedCallbacks
      DefaultRedirectURI: https://app.mycompany.com/callback
`,
    },
    {
      name: 'the default is unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [https://app.mycompany.com/callback]
      DefaultRedirectURI: !GetAtt Site.Url
`,
    },
    {
      name: 'the default is partly known and could match',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [https://app.mycompany.com/callback]
      DefaultRedirectURI: !Sub "https://\${Domain}/callback"
`,
    },
    {
      name: 'the default is partly known and cannot match',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [https://app.mycompany.com/callback]
      DefaultRedirectURI: !Sub "myapp://\${Path}"
                          ^~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message:
            'DefaultRedirectURI "myapp://…" cannot be any of the CallbackURLs ("https://app.mycompany.com/callback"): none of them starts with "myapp://"; the default redirect URI must be one of them. Add it to CallbackURLs or change it to one of the listed URLs.',
        },
      ],
    },
    {
      name: 'the default is partly known, CallbackURLs absent',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      DefaultRedirectURI: !Sub "https://\${Domain}/cb"
                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Fn::If: matching branches are clean',
      path: 't.yaml',
      text: `Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsProd, "https://app.mycompany.com/cb", "https://dev.mycompany.com/cb"]
      DefaultRedirectURI: !If [IsProd, "https://app.mycompany.com/cb", "https://dev.mycompany.com/cb"]
`,
    },
    {
      name: 'Fn::If: one mismatched branch gives one finding',
      path: 't.yaml',
      text: `Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsProd, "https://app.mycompany.com/cb", "https://test.mycompany.com/cb"]
      DefaultRedirectURI: !If [IsProd, "https://app.mycompany.com/cb", "https://dev.mycompany.com/cb"]
                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'CallbackURLs from a Parameter default: named in the message and as related locations',
      path: 't.yaml',
      text: `Parameters:
  Callbacks:
    Type: CommaDelimitedList
    Default: "https://app.mycompany.com/cb,https://app.mycompany.com/alt"
             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ ar1
  Home:
    Type: String
    Default: https://app.mycompany.com/home
Resources:
${CLIENT_YAML}      CallbackURLs: !Ref Callbacks
      ^~~~~~~~~~~~ ar0
      DefaultRedirectURI: https://app.mycompany.com/home
                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message: /\(CallbackURLs comes from the default of Parameter "Callbacks"\); the default redirect URI/,
          related: [
            { at: 'ar0', message: 'CallbackURLs' },
            { at: 'ar1', message: 'default of Parameter "Callbacks"' },
          ],
        },
      ],
    },
    {
      name: 'both from Parameter defaults',
      path: 't.yaml',
      text: `Parameters:
  Callbacks:
    Type: CommaDelimitedList
    Default: "https://app.mycompany.com/cb,https://app.mycompany.com/alt"
  Home:
    Type: String
    Default: https://app.mycompany.com/home
Resources:
${CLIENT_YAML}      CallbackURLs: !Ref Callbacks
      DefaultRedirectURI: !Ref Home
                          ^~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(CallbackURLs comes from the default of Parameter "Callbacks"\).*\(the value comes from the default of Parameter "Home"\)$/ }],
    },
    {
      name: 'an update request without CallbackURLs resets them to none: the default cannot be listed',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "DefaultRedirectURI": "https://app.mycompany.com/cb"}
                                                                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - \${self:custom.callbackUrl}
        DefaultRedirectURI: https://app.mycompany.com/cb
`,
    },
    {
      name: 'serverless.yml: a literal callback',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - https://app.mycompany.com/other
        DefaultRedirectURI: https://app.mycompany.com/cb
                            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: callbacks not fully known: silent',
      path: 'main.tf',
      text: `${TF_OAUTH}  callback_urls = concat(["https://app.mycompany.com/cb"], var.more)
  default_redirect_uri = "https://app.mycompany.com/"
}
`,
    },
  ],
});
