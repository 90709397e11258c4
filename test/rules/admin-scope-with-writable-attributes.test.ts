import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { PLAN_UNSET, ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'admin-scope-with-writable-attributes';
const ADMIN = 'aws.cognito.signin.user.admin';
/** A client whose only SDK flow is refresh: its tokens carry the admin scope only through OAuth. */
const NO_SDK_SIGN_IN = { ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] };

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'note');
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
    { name: 'admin scope and SDK sign-in, standard attributes only', client: { AllowedOAuthScopes: ['openid', ADMIN], WriteAttributes: ['email', 'name'] } },
    { name: 'custom attributes, no admin scope, refresh only', client: { ...NO_SDK_SIGN_IN, AllowedOAuthScopes: ['openid', 'email'], WriteAttributes: ['custom:plan'] } },
    { name: 'custom attributes, no SDK flows at all', client: { ExplicitAuthFlows: [], WriteAttributes: ['custom:plan'] }, skip: { 'terraform-plan': PLAN_UNSET } },
    { name: 'CDK default scopes without a custom attribute', client: { ...CDK_DEFAULTS, WriteAttributes: ['email'] } },
  ],
  invalid: [
    {
      name: 'SDK sign-in by default: no OAuth scope needed, at the WriteAttributes key',
      client: { WriteAttributes: ['email', 'custom:nickname'] },
      errors: [
        {
          at: 'WriteAttributes',
          on: 'key',
          message: {
            api: 'WriteAttributes lets users write 1 custom attribute(s) (custom:nickname), and ExplicitAuthFlows is not set, so Cognito uses the default list (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH); that list allows SDK sign-in (ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH), whose access tokens always carry aws.cognito.signin.user.admin: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of WriteAttributes and set them with AdminUpdateUserAttributes; removing the OAuth scope alone does not help while SDK sign-in is allowed.',
            terraform: /^write_attributes lets users write 1 custom attribute\(s\) \(custom:nickname\), and explicit_auth_flows is not set here: a new client gets the default list \(ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH\), an existing one keeps its current value; that list allows SDK sign-in/,
          },
        },
      ],
      skip: { 'api-response': 'Describe output leaves ExplicitAuthFlows out when the client has no flows' },
    },
    {
      name: 'written SDK flows and the admin scope: one finding, both named',
      client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], AllowedOAuthScopes: ['openid', ADMIN], WriteAttributes: ['custom:nickname', 'email', 'custom:team'] },
      errors: [
        {
          at: 'WriteAttributes',
          on: 'key',
          message: {
            api: 'WriteAttributes lets users write 2 custom attribute(s) (custom:nickname, custom:team), and ExplicitAuthFlows allows SDK sign-in (ALLOW_USER_SRP_AUTH), whose access tokens always carry aws.cognito.signin.user.admin, and AllowedOAuthScopes includes the scope: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of WriteAttributes and set them with AdminUpdateUserAttributes; removing the OAuth scope alone does not help while SDK sign-in is allowed.',
          },
          related: [
            { at: 'WriteAttributes[0]', message: 'writable custom attribute custom:nickname' },
            { at: 'WriteAttributes[2]', message: 'writable custom attribute custom:team' },
            { at: 'ExplicitAuthFlows[0]', message: 'SDK sign-in is allowed here' },
            { at: 'AllowedOAuthScopes[1]', message: 'aws.cognito.signin.user.admin is allowed here' },
          ],
        },
      ],
    },
    {
      name: 'OAuth scope only (refresh is no sign-in): the message also offers removing the scope',
      client: { ...NO_SDK_SIGN_IN, AllowedOAuthScopes: [ADMIN], WriteAttributes: ['custom:a'] },
      errors: [
        {
          at: 'WriteAttributes',
          on: 'key',
          message: {
            api: 'WriteAttributes lets users write 1 custom attribute(s) (custom:a), and AllowedOAuthScopes includes aws.cognito.signin.user.admin: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of WriteAttributes and set them with AdminUpdateUserAttributes (or remove aws.cognito.signin.user.admin from AllowedOAuthScopes).',
            terraform: 'write_attributes lets users write 1 custom attribute(s) (custom:a), and allowed_oauth_scopes includes aws.cognito.signin.user.admin: with such a token users can call UpdateUserAttributes and rewrite them, so never use them for authorization. Take them out of write_attributes and set them with AdminUpdateUserAttributes (or remove aws.cognito.signin.user.admin from allowed_oauth_scopes).',
          },
        },
      ],
    },
    { name: 'a legacy sign-in name counts', client: { ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'], WriteAttributes: ['custom:a'] }, errors: [{ at: 'WriteAttributes', on: 'key', message: /allows SDK sign-in \(ADMIN_NO_SRP_AUTH\)/ }] },
    { name: 'choice-based sign-in counts', client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'], WriteAttributes: ['custom:a'] }, errors: [{ at: 'WriteAttributes', on: 'key' }] },
    { name: 'CDK default scopes include the admin scope', client: { ...CDK_DEFAULTS, ...NO_SDK_SIGN_IN, WriteAttributes: ['custom:favoritePizza', 'email'] }, errors: [{ at: 'WriteAttributes', on: 'key' }] },
  ],
  fixtures: [
    {
      name: 'unknown flow list and no admin scope: silent',
      path: 'template.yaml',
      text: `${CFN}      ExplicitAuthFlows: !Ref Flows
      AllowedOAuthScopes: [!Ref Scope]
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
      WriteAttributes: [!Sub "custom:\${Name}"]
      ^~~~~~~~~~~~~~~
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
${CLIENT_YAML}      WriteAttributes: !Ref Attributes
      ^~~~~~~~~~~~~~~ a
                       ^~~~~~~~~~~~~~~ ar0
`,
      errors: [
        {
          at: 'a',
          message: /\(custom:plan\), and ExplicitAuthFlows is not set.* \(WriteAttributes comes from the default of Parameter "Attributes"\)$/,
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
      name: 'Fn::If branch: only the branch with the scope (refresh is the only SDK flow)',
      path: 't.yaml',
      text: `Conditions:
  Console: !Equals [!Ref Env, dev]
Resources:
${CLIENT_YAML}      ExplicitAuthFlows: [ALLOW_REFRESH_TOKEN_AUTH]
      AllowedOAuthScopes: [openid, !If [Console, aws.cognito.signin.user.admin, !Ref AWS::NoValue]]
      WriteAttributes: [custom:plan]
      ^~~~~~~~~~~~~~~
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthScopes": ["aws.cognito.signin.user.admin"], "WriteAttributes": ["custom:x"]}
                                                                                                            ^~~~~~~~~~~~~~~~~`,
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
        WriteAttributes: [custom:team]
        ^~~~~~~~~~~~~~~
`,
    },
  ],
});
