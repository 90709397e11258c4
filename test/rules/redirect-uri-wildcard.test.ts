import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, render, ruleTester } from '../rule-tester';
import { severities } from './severities';
import { OAUTH } from './redirect-cases';
import { CFN_OAUTH, CLIENT_YAML, serverless } from './fixture-parts';

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  PreviewUrl:
    Type: String
    Default: "https://*.preview.mycompany.com/"
  ProdUrl:
    Type: String
Conditions:
  IsPreview: !Equals [!Ref Stage, preview]
Resources:
${CLIENT_YAML}      CallbackURLs:
        - !If [IsPreview, "https://pr-*.mycompany.com/", "https://app.mycompany.com/"]
`;

ruleTester('redirect-uri-wildcard', {
  valid: [{ name: 'exact URLs', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb', 'myapp://callback'] } }],
  invalid: [
    {
      name: 'wildcard subdomain: message',
      client: { ...OAUTH, CallbackURLs: ['https://*.mycompany.com/callback', 'https://app.mycompany.com/callback'] },
      errors: [
        {
          at: 'CallbackURLs[0]',
          message: {
            api: 'CallbackURLs entry "https://*.mycompany.com/callback" contains "*": the API accepts it, but Cognito matches redirect URIs exactly and has no wildcards, so this entry never matches a real redirect (only a URL with a literal "*" in it). List every exact URL the app uses instead.',
          },
        },
      ],
    },
    { name: 'wildcard subdomain second (CDK)', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/callback', 'https://*.mycompany.com/callback'] }, errors: [{ at: 'CallbackURLs[1]' }] },
    { name: 'wildcard host beside an exact URL', client: { ...OAUTH, CallbackURLs: ['https://*.preview.mycompany.com/cb', 'https://app.mycompany.com/cb'] }, errors: [{ at: 'CallbackURLs[0]' }] },
    { name: 'wildcard path', client: { ...OAUTH, LogoutURLs: ['https://app.mycompany.com/*'] }, errors: [{ at: 'LogoutURLs[0]' }] },
    { name: 'DefaultRedirectURI', client: { ...OAUTH, CallbackURLs: ['https://app.mycompany.com/cb'], DefaultRedirectURI: 'https://app.mycompany.com/*' }, errors: [{ at: 'DefaultRedirectURI' }] },
  ],
  fixtures: [
    {
      name: 'Sub with the star in the known prefix',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://*.\${Domain}/cb"]
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Sub with the star after the unknown part',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      CallbackURLs: [!Sub "https://\${Domain}/*"]
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
      text: `${CFN_OAUTH}      LogoutURLs: !ImportValue SharedLogoutUrls
`,
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      LogoutURLs: [!Ref ProdUrl]
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      LogoutURLs: [!Ref PreviewUrl]
                   ^~~~~~~~~~~~~~~ b
`,
      errors: [{ at: 'a' }, { at: 'b', message: /^LogoutURLs entry "https:\/\/\*\.preview\.mycompany\.com\/" contains "\*".*\(the value comes from the default of Parameter "PreviewUrl"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "LogoutURLs": ["https://app.mycompany.com/*"]}
                                                                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "https://\${self:custom.domain}/*"
`,
    },
    {
      name: 'serverless.yml: the star in the known prefix',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - "https://*.\${self:custom.domain}/"
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
  ],
});

test('a warning in every dialect: the API pattern accepts "*" and no public source says the service rejects it', async () => {
  for (const dialect of DIALECTS) {
    const { path, text } = render(dialect, { ...OAUTH, CallbackURLs: ['https://*.mycompany.com/callback'] });
    assert.deepEqual(await severities('redirect-uri-wildcard', path, text), [['CallbackURLs[0]', 'warning']], dialect);
  }
});
