import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { lint, render, ruleTester, type ApiClient, PLAN_UNSET } from '../rule-tester';
import { CFN, CFN_OAUTH, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'oauth-config-complete';
const CB = ['https://app.example.org/cb'];
/** An OAuth client (the flag true) with these members. */
const oauth = (members: ApiClient): ApiClient => ({ AllowedOAuthFlowsUserPoolClient: true, ...members });
const WITH_EMPTY_CALLBACKS = oauth({ AllowedOAuthFlows: ['code', 'implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: [] });

test('an error: both cases fail the deployment', () => {
  assert.equal(loadRule(ID).meta.defaultSeverity, 'error');
});

ruleTester(ID, {
  valid: [
    { name: 'complete', client: oauth({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: CB }) },
    { name: 'client_credentials needs no callback', client: oauth({ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'] }) },
    { name: 'flag absent (false): nothing to complete', client: { AllowedOAuthFlows: ['code'] } },
    { name: 'flag false', client: { AllowedOAuthFlowsUserPoolClient: false } },
  ],
  invalid: [
    {
      name: 'flows and scopes missing: both at the flag',
      client: oauth({}),
      errors: [
        {
          at: 'AllowedOAuthFlowsUserPoolClient',
          message: {
            api: 'AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthFlows is not set; Cognito rejects the client ("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows"). Add the grants the app uses, for example AllowedOAuthFlows: ["code"], or set AllowedOAuthFlowsUserPoolClient: false.',
            terraform:
              'allowed_oauth_flows_user_pool_client is true but allowed_oauth_flows is not set; Cognito rejects the client ("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows"). Add the grants the app uses, for example allowed_oauth_flows = ["code"], or set allowed_oauth_flows_user_pool_client = false.',
          },
        },
        {
          at: 'AllowedOAuthFlowsUserPoolClient',
          message: {
            api: 'AllowedOAuthFlowsUserPoolClient is true but AllowedOAuthScopes is not set; Cognito rejects the client ("AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows"). Add the scopes the app needs, for example AllowedOAuthScopes: ["openid", "email"], or set AllowedOAuthFlowsUserPoolClient: false.',
          },
        },
      ],
    },
    { name: 'flows empty: at the empty list', skip: { 'terraform-plan': PLAN_UNSET }, client: oauth({ AllowedOAuthFlows: [], AllowedOAuthScopes: ['openid'] }), errors: [{ at: 'AllowedOAuthFlows' }] },
    { name: 'scopes empty', skip: { 'terraform-plan': PLAN_UNSET }, client: oauth({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: [], CallbackURLs: CB }), errors: [{ at: 'AllowedOAuthScopes' }] },
    { name: 'code without callbacks: at the flow', client: oauth({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] }), errors: [{ at: 'AllowedOAuthFlows[0]' }] },
    { name: 'implicit with empty callbacks', client: oauth({ AllowedOAuthFlows: ['client_credentials', 'implicit'], AllowedOAuthScopes: ['openid'], CallbackURLs: [] }), errors: [{ at: 'AllowedOAuthFlows[1]' }] },
    {
      name: 'code and implicit with empty callbacks: message and related location', skip: { 'terraform-plan': PLAN_UNSET },
      client: WITH_EMPTY_CALLBACKS,
      errors: [
        {
          at: 'AllowedOAuthFlows[0]',
          message: {
            api: 'AllowedOAuthFlows allows "code", "implicit" but CallbackURLs is empty; Cognito rejects the client with InvalidOAuthFlowException ("CallbackUrls can not be empty when code flow or implicit flow is selected"). Add the app\'s redirect URLs to CallbackURLs, or remove "code", "implicit".',
          },
          related: [{ at: 'CallbackURLs', message: { api: 'CallbackURLs is empty here' } }],
        },
      ],
    },
    { name: 'flows missing beside scopes', client: oauth({ AllowedOAuthScopes: ['openid'] }), errors: [{ at: 'AllowedOAuthFlowsUserPoolClient' }] },
  ],
  fixtures: [
    {
      name: 'flag unknown: flows and scopes not required, code still needs a callback',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthFlowsUserPoolClient: !Ref OAuth
      AllowedOAuthFlows: [code]
                          ^~~~
`,
    },
    {
      name: 'callbacks unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: [code]
      AllowedOAuthScopes: [openid]
      CallbackURLs: !Ref Callbacks
`,
    },
    {
      name: 'flows and scopes unknown',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: !GetAtt Cfg.Flows
      AllowedOAuthScopes: !GetAtt Cfg.Scopes
`,
    },
    {
      name: 'flag from a Parameter default: the message says so',
      path: 't.yaml',
      text: `Parameters:
  OAuth:
    Type: String
    Default: "true"
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: !Ref OAuth
                                       ^~~~~~~~~~ a
      AllowedOAuthFlows: [client_credentials]
`,
      errors: [{ at: 'a', message: /AllowedOAuthScopes is not set.*\(the value comes from the default of Parameter "OAuth"\)$/ }],
    },
    {
      name: 'Fn::If: one finding for the branch without callbacks',
      path: 't.yaml',
      text: `Conditions:
  HasUi: !Equals [!Ref Ui, "yes"]
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [code]
                          ^~~~
      AllowedOAuthScopes: [openid, email]
      CallbackURLs: !If [HasUi, [https://app.example.org/cb], !Ref AWS::NoValue]
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthFlowsUserPoolClient": true, "AllowedOAuthScopes": ["openid"]}
                                                                                      ^~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthFlowsUserPoolClient: true
        AllowedOAuthFlows: [code]
        AllowedOAuthScopes: [openid]
        CallbackURLs: \${self:custom.callbackUrls}
`,
    },
    {
      name: 'serverless.yml: without callbacks',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthFlowsUserPoolClient: true
        AllowedOAuthFlows: [code]
                            ^~~~
        AllowedOAuthScopes: [openid]
`,
    },
  ],
});

test('the finding names the list item it is about', async () => {
  const { path, text } = render('cloudformation-yaml', WITH_EMPTY_CALLBACKS);
  assert.deepEqual((await lint(ID, path, text)).map((row) => row.path), ['AllowedOAuthFlows[0]']);
});
