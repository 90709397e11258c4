import { ruleTester } from '../rule-tester';
import { OAUTH, callbackCases } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, TF_OAUTH, serverless } from './fixture-parts';

const REMOVE = 'a redirect URI must not include a fragment component. Remove everything from "#" on (a single-page app can keep its route in the path or the state parameter).';
const urls = callbackCases([
  ['a fragment route', 'https://app.mycompany.com/#/callback', true],
  ['a fragment', 'https://app.mycompany.com/#cb', true],
  ['empty fragment', 'myapp://callback#', true],
  ['query string is fine', 'https://app.mycompany.com/cb?source=cognito', false],
]);
const SPA = { ...OAUTH, AllowedOAuthFlows: ['code'] };

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  AppUrl:
    Type: String
    Default: "https://app.mycompany.com/#/callback"
  Other:
    Type: String
Conditions:
  HashRouter: !Equals [!Ref Router, hash]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [HashRouter, "https://app.mycompany.com/#/cb", "https://app.mycompany.com/cb"]
`;

ruleTester('redirect-uri-no-fragment', {
  valid: [
    ...urls.valid,
    { name: 'no fragment (CDK)', client: { ...SPA, CallbackURLs: ['https://app.mycompany.com/callback'], DefaultRedirectURI: 'https://app.mycompany.com/callback' } },
    { name: 'a logout URL without fragment', client: { LogoutURLs: ['https://app.mycompany.com/bye'] } },
  ],
  invalid: [
    ...urls.invalid,
    { name: 'in LogoutURLs', client: { ...OAUTH, LogoutURLs: ['https://app.mycompany.com/signout#done'] }, errors: [{ at: 'LogoutURLs[0]' }] },
    { name: 'in a logout URL of a description', client: { LogoutURLs: ['https://app.mycompany.com/#bye'] }, errors: [{ at: 'LogoutURLs[0]' }] },
    {
      name: 'DefaultRedirectURI: message',
      client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'https://app.mycompany.com/cb#top' },
      errors: [{ at: 'DefaultRedirectURI', message: { api: `DefaultRedirectURI "https://app.mycompany.com/cb#top" has the fragment "#top"; ${REMOVE}` } }],
    },
    { name: 'DefaultRedirectURI', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'https://app.mycompany.com/cb#x' }, errors: [{ at: 'DefaultRedirectURI' }] },
    {
      name: 'callback and default as CDK writes them',
      client: { ...SPA, CallbackURLs: ['https://app.mycompany.com/#/callback'], DefaultRedirectURI: 'https://app.mycompany.com/#/callback' },
      errors: [{ at: 'CallbackURLs[0]' }, { at: 'DefaultRedirectURI' }],
    },
  ],
  fixtures: [
    {
      name: 'fragment in a plain scalar',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs:
        - https://app.mycompany.com/#/callback
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'a YAML comment is not a fragment',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs:
        - https://app.mycompany.com/callback # the SPA
`,
    },
    {
      name: 'Sub with the fragment in the known prefix',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://app.mycompany.com/#/\${Route}"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub with the fragment after the unknown part',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://\${Domain}/#/cb"]
`,
    },
    {
      name: 'Join with a literal fragment',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Join ["", ["https://app.mycompany.com/#", !Ref Route]]]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'GetAtt item',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!GetAtt Site.Url]
`,
    },
    {
      name: 'list from a Ref to a resource',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: !Ref Callbacks
`,
    },
    {
      name: 'messages name the fragment',
      path: 't.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://app.mycompany.com/#/\${Route}"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      DefaultRedirectURI: "https://app.mycompany.com/cb#top"
                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ b
`,
      errors: [
        { at: 'a', message: `CallbackURLs entry "https://app.mycompany.com/#/…" has the fragment "#/…"; ${REMOVE}` },
        { at: 'b', message: `DefaultRedirectURI "https://app.mycompany.com/cb#top" has the fragment "#top"; ${REMOVE}` },
      ],
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      LogoutURLs:
        - !Ref Other
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      LogoutURLs:
        - !Ref AppUrl
          ^~~~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /^LogoutURLs entry "https:\/\/app\.mycompany\.com\/#\/callback" has the fragment "#\/callback".*\(the value comes from the default of Parameter "AppUrl"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "CallbackURLs": ["https://app.mycompany.com/#cb"]}
                                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('spa')}        CallbackURLs:
          - "\${self:custom.appUrl}#/callback"
`,
    },
    {
      name: 'serverless.yml: the fragment in the known prefix',
      path: 'serverless.yml',
      text: `${serverless('spa')}        CallbackURLs:
          - "https://app.mycompany.com/#/\${self:custom.route}"
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: fragment only in the known prefix of a template',
      path: 'main.tf',
      text: `${TF_OAUTH}  logout_urls = ["https://app.mycompany.com/#\${var.route}"]
                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
}
`,
    },
  ],
});
