import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'admin-scope-with-writable-attributes';
const ADMIN = 'aws.cognito.signin.user.admin';

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'warning');
});

/** What CDK synthesizes by default: every scope, implicit and code flows. */
const CDK_DEFAULTS = {
  AllowedOAuthFlows: ['implicit', 'code'],
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthScopes: ['profile', 'phone', 'email', 'openid', ADMIN],
  CallbackURLs: ['https://example.com'],
};

ruleTester(ID, {
  valid: [
    { name: 'admin scope, WriteAttributes absent (standard attributes only)', client: { AllowedOAuthScopes: ['openid', ADMIN] } },
    { name: 'admin scope, standard attributes only', client: { AllowedOAuthScopes: ['openid', ADMIN], WriteAttributes: ['email', 'name'] } },
    { name: 'custom attributes without the admin scope', client: { AllowedOAuthScopes: ['openid', 'email'], WriteAttributes: ['custom:plan'] } },
    { name: 'custom attributes, no scopes at all', client: { WriteAttributes: ['custom:plan'] } },
    { name: 'CDK default scopes without a custom attribute', client: { ...CDK_DEFAULTS, WriteAttributes: ['email'] } },
  ],
  invalid: [
    {
      name: 'admin scope and a custom attribute: at the scope item',
      client: { AllowedOAuthScopes: ['openid', ADMIN], WriteAttributes: ['email', 'custom:nickname'] },
      errors: [{ at: 'AllowedOAuthScopes[1]' }],
    },
    { name: 'the admin scope alone', client: { AllowedOAuthScopes: [ADMIN], WriteAttributes: ['custom:a'] }, errors: [{ at: 'AllowedOAuthScopes[0]' }] },
    {
      name: 'message and related locations at the custom attributes',
      client: { AllowedOAuthScopes: ['openid', ADMIN], WriteAttributes: ['custom:nickname', 'email', 'custom:team'] },
      errors: [
        {
          at: 'AllowedOAuthScopes[1]',
          message: {
            api: 'AllowedOAuthScopes includes aws.cognito.signin.user.admin while WriteAttributes lets users write 2 custom attribute(s) (custom:nickname, custom:team); access tokens from the hosted UI with this scope can call UpdateUserAttributes and rewrite them. Remove aws.cognito.signin.user.admin from AllowedOAuthScopes, or take the custom attributes out of WriteAttributes.',
          },
          related: [
            { at: 'WriteAttributes[0]', message: 'writable custom attribute custom:nickname' },
            { at: 'WriteAttributes[2]', message: 'writable custom attribute custom:team' },
          ],
        },
      ],
    },
    { name: 'CDK default scopes include the admin scope', client: { ...CDK_DEFAULTS, WriteAttributes: ['custom:favoritePizza', 'email'] }, errors: [{ at: 'AllowedOAuthScopes[4]' }] },
  ],
  fixtures: [
    {
      name: 'unknown scope item is skipped',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthScopes: [!Ref Scope]
      WriteAttributes: [custom:a]
`,
    },
    {
      name: 'unknown attribute item is skipped',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
      WriteAttributes: [!Ref Attribute]
`,
    },
    {
      name: 'whole attribute list unknown',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
      WriteAttributes: !GetAtt Cfg.Attributes
`,
    },
    {
      name: 'a custom attribute with an unknown rest still counts',
      path: 'template.yaml',
      text: `${CFN}      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
                                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      WriteAttributes: [!Sub "custom:\${Name}"]
`,
    },
    {
      name: 'Parameter default: named in the message and as a related location',
      path: 't.yaml',
      text: `Parameters:
  Attributes:
    Type: CommaDelimitedList
    Default: "email,custom:plan"
             ^~~~~~~~~~~~~~~~~~~ ar1
Conditions:
  Console: !Equals [!Ref Env, dev]
Resources:
${CLIENT_YAML}      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
                                   ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
      WriteAttributes: !Ref Attributes
                       ^~~~~~~~~~~~~~~ ar0
`,
      errors: [
        {
          at: 'a',
          message: /\(custom:plan\);.* \(WriteAttributes comes from the default of Parameter "Attributes"\)$/,
          related: [
            { at: 'ar0', message: 'writable custom attribute custom:plan' },
            { at: 'ar1', message: 'default of Parameter "Attributes"' },
          ],
        },
      ],
    },
    {
      name: 'Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  Attributes:
    Type: CommaDelimitedList
Conditions:
  Console: !Equals [!Ref Env, dev]
Resources:
${CLIENT_YAML}      AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
      WriteAttributes: !Ref Attributes
`,
    },
    {
      name: 'Fn::If branch',
      path: 't.yaml',
      text: `Parameters:
  Attributes:
    Type: CommaDelimitedList
    Default: "email,custom:plan"
Conditions:
  Console: !Equals [!Ref Env, dev]
Resources:
${CLIENT_YAML}      AllowedOAuthScopes: [openid, !If [Console, aws.cognito.signin.user.admin, !Ref AWS::NoValue]]
                                                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
      WriteAttributes: !Ref Attributes
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthScopes": ["aws.cognito.signin.user.admin"], "WriteAttributes": ["custom:x"]}
                                                                          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
        WriteAttributes: \${self:custom.writeAttributes}
`,
    },
    {
      name: 'serverless.yml: a literal list',
      path: 'serverless.yml',
      text: `${serverless('web')}        AllowedOAuthScopes: [openid, aws.cognito.signin.user.admin]
                                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~
        WriteAttributes: [custom:team]
`,
    },
  ],
});
