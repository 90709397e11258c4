import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { lint, render, ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'oauth-requires-user-pool-client-flag';
const FLAG_FALSE = { at: 'AllowedOAuthFlowsUserPoolClient', message: { api: 'AllowedOAuthFlowsUserPoolClient is false here' } };
const CB = 'https://app.example.org/cb';

test('a warning: the API accepts the settings, they are dead', () => {
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

// One finding per OAuth member, at its key.
ruleTester(ID, {
  valid: [
    { name: 'flag true', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], CallbackURLs: [CB] } },
    { name: 'empty lists are not set', client: { CallbackURLs: [], AllowedOAuthFlows: [] } },
    { name: 'no OAuth members', client: { AccessTokenValidity: 1 } },
  ],
  invalid: [
    {
      name: 'flag missing: every OAuth member',
      client: { CallbackURLs: [CB], LogoutURLs: ['https://app.example.org/bye'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlows: ['code'] },
      errors: [
        { at: 'CallbackURLs', on: 'key' },
        { at: 'LogoutURLs', on: 'key' },
        { at: 'AllowedOAuthScopes', on: 'key' },
        { at: 'AllowedOAuthFlows', on: 'key' },
      ],
    },
    {
      name: 'flag missing: message',
      client: { CallbackURLs: [CB] },
      errors: [
        {
          at: 'CallbackURLs',
          on: 'key',
          message: {
            api: 'CallbackURLs is set while AllowedOAuthFlowsUserPoolClient is not set, so Cognito uses false; Cognito stores the setting but its OAuth endpoints refuse this client, so the setting has no effect. Set AllowedOAuthFlowsUserPoolClient: true if the client should use OAuth, or remove CallbackURLs.',
            terraform:
              'callback_urls is set while allowed_oauth_flows_user_pool_client is not set here: a new client gets false, an existing one keeps its current value; Cognito stores the setting but its OAuth endpoints refuse this client, so the setting has no effect. Set allowed_oauth_flows_user_pool_client = true if the client should use OAuth, or remove callback_urls.',
          },
        },
      ],
    },
    {
      name: 'flag false: message and related location at the flag',
      client: { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: ['code'] },
      errors: [{ at: 'AllowedOAuthFlows', on: 'key', message: { api: /^AllowedOAuthFlows is set while AllowedOAuthFlowsUserPoolClient is false;/ }, related: [FLAG_FALSE] }],
    },
    { name: 'DefaultRedirectURI without the flag', client: { DefaultRedirectURI: CB }, errors: [{ at: 'DefaultRedirectURI', on: 'key' }] },
    { name: 'flag false with logout URLs', client: { AllowedOAuthFlowsUserPoolClient: false, LogoutURLs: ['https://app.example.org/bye'] }, errors: [{ at: 'LogoutURLs', on: 'key' }] },
    {
      name: 'flag "false" string (CloudFormation and Terraform read it as false)',
      client: { AllowedOAuthFlowsUserPoolClient: 'false', AllowedOAuthScopes: ['openid'] },
      skip: { 'api-request': 'the API takes a real boolean', 'api-response': 'the API takes a real boolean' },
      errors: [{ at: 'AllowedOAuthScopes', on: 'key' }],
    },
  ],
  fixtures: [
    {
      name: 'flag from Ref without a default',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthFlowsUserPoolClient: !Ref OAuth
      AllowedOAuthFlows: [code]
`,
    },
    {
      name: 'flag from GetAtt',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthFlowsUserPoolClient: !GetAtt Settings.OAuth
      AllowedOAuthFlows: [code]
`,
    },
    {
      name: 'list from Ref without a default is not known to be non-empty',
      path: 'template.yaml',
      text: `${CFN}      CallbackURLs: !Ref Urls
`,
    },
    {
      name: 'a list with an unknown item is non-empty',
      path: 'template.yaml',
      text: `${CFN}      LogoutURLs: [!Ref LogoutUrl]
      ^~~~~~~~~~
`,
    },
    {
      name: 'flag from a Parameter default: the message says so and points at the default',
      path: 't.yaml',
      text: `Parameters:
  EnableOAuth:
    Type: String
    Default: "false"
             ^~~~~~~ ar1
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: !Ref EnableOAuth
                                       ^~~~~~~~~~~~~~~~ ar0
      AllowedOAuthScopes: [openid]
      ^~~~~~~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message: /AllowedOAuthFlowsUserPoolClient is false \(AllowedOAuthFlowsUserPoolClient comes from the default of Parameter "EnableOAuth"\);/,
          related: [
            { at: 'ar0', message: 'AllowedOAuthFlowsUserPoolClient is false here' },
            { at: 'ar1', message: 'default of Parameter "EnableOAuth"' },
          ],
        },
      ],
    },
    {
      name: 'Fn::If: one finding for the branch that turns OAuth off',
      path: 't.yaml',
      text: `Conditions:
  HasUi: !Equals [!Ref Ui, "yes"]
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: !If [HasUi, true, false]
      AllowedOAuthFlows: [code]
      ^~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'Fn::If: a list in one branch',
      path: 't.yaml',
      text: `Conditions:
  HasUi: !Equals [!Ref Ui, "yes"]
Resources:
${CLIENT_YAML}      CallbackURLs: !If [HasUi, [https://app.example.org/cb], !Ref AWS::NoValue]
      ^~~~~~~~~~~~
`,
    },
    {
      name: 'an update request resets the omitted flag to false as well',
      path: 'update.json',
      text: `{
  "UserPoolId": "us-east-1_abc",
  "ClientId": "abc",
  "CallbackURLs": ["https://app.example.org/cb"]
  ^~~~~~~~~~~~~~
}`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthFlowsUserPoolClient: \${self:custom.oauthEnabled}
        AllowedOAuthFlows: [code]
`,
    },
    {
      name: 'serverless.yml: a literal false',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthFlowsUserPoolClient: false
        AllowedOAuthFlows: [code]
        ^~~~~~~~~~~~~~~~~
`,
    },
  ],
});

test('the finding names the member it is about', async () => {
  const { path, text } = render('cloudformation-yaml', { AllowedOAuthFlowsUserPoolClient: false, AllowedOAuthFlows: ['code'] });
  assert.deepEqual((await lint(ID, path, text)).map((row) => row.path), ['AllowedOAuthFlows']);
});
