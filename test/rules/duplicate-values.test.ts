import { ruleTester } from '../rule-tester';
import { CFN_OAUTH, CLIENT_YAML, TF, serverless } from './fixture-parts';

const CB = 'https://app.mycompany.com/cb';
/** Every case is an OAuth client, as in the templates these lists come from. */
const oauth = (members: Record<string, string[]>) => ({ AllowedOAuthFlowsUserPoolClient: true, ...members });

ruleTester('duplicate-values', {
  valid: [
    { name: 'values that differ in case are different', client: oauth({ AllowedOAuthScopes: ['openid', 'OpenID'], CallbackURLs: [CB, `${CB}/`] }) },
    { name: 'the same value in two lists is fine', client: oauth({ ReadAttributes: ['email'], WriteAttributes: ['email'] }) },
    { name: 'not a list member of this rule', client: { UserPoolId: 'same', ClientName: 'same' } },
    { name: 'identity providers without a repeat', client: { SupportedIdentityProviders: ['COGNITO', 'Google'] } },
  ],
  invalid: [
    { name: 'CallbackURLs', client: oauth({ CallbackURLs: [CB, 'myapp://cb', CB] }), output: oauth({ CallbackURLs: [CB, 'myapp://cb'] }), fixType: 'fix', errors: [{ at: 'CallbackURLs[2]' }] },
    { name: 'LogoutURLs', client: oauth({ LogoutURLs: ['https://app.mycompany.com/', 'https://app.mycompany.com/'] }), errors: [{ at: 'LogoutURLs[1]' }] },
    { name: 'AllowedOAuthScopes', client: oauth({ AllowedOAuthScopes: ['openid', 'email', 'openid'] }), errors: [{ at: 'AllowedOAuthScopes[2]' }] },
    { name: 'AllowedOAuthFlows', client: oauth({ AllowedOAuthFlows: ['code', 'code'] }), errors: [{ at: 'AllowedOAuthFlows[1]' }] },
    { name: 'ExplicitAuthFlows', client: oauth({ ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'] }), errors: [{ at: 'ExplicitAuthFlows[2]' }] },
    { name: 'ReadAttributes', client: oauth({ ReadAttributes: ['email', 'name', 'email'] }), errors: [{ at: 'ReadAttributes[2]' }] },
    { name: 'WriteAttributes', client: oauth({ WriteAttributes: ['custom:tier', 'custom:tier'] }), errors: [{ at: 'WriteAttributes[1]' }] },
    { name: 'SupportedIdentityProviders', client: oauth({ SupportedIdentityProviders: ['COGNITO', 'Google', 'COGNITO'] }), errors: [{ at: 'SupportedIdentityProviders[2]' }] },
    { name: 'three times: the second and the third', client: oauth({ AllowedOAuthScopes: ['openid', 'openid', 'openid'] }), output: oauth({ AllowedOAuthScopes: ['openid'] }), fixType: 'fix', errors: [{ at: 'AllowedOAuthScopes[1]' }, { at: 'AllowedOAuthScopes[2]' }] },
    {
      name: 'message and related location at the first occurrence',
      client: oauth({ AllowedOAuthScopes: ['openid', 'email', 'openid'] }),
      errors: [
        {
          at: 'AllowedOAuthScopes[2]',
          message: { api: 'AllowedOAuthScopes[2] repeats "openid", already listed as AllowedOAuthScopes[0]; the repeated entry adds nothing. Remove it, or correct it if another value was meant.' },
          related: [{ at: 'AllowedOAuthScopes[0]', message: { api: 'first "openid" in AllowedOAuthScopes' } }],
        },
      ],
    },
    {
      name: 'a repeated callback as CDK writes it',
      client: oauth({ AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: ['https://app.mycompany.com/callback', 'https://app.mycompany.com/callback'], ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
      errors: [{ at: 'CallbackURLs[1]', related: [{ at: 'CallbackURLs[0]', message: { api: 'first "https://app.mycompany.com/callback" in CallbackURLs' } }] }],
    },
    { name: 'a repeated scope and callback', client: oauth({ AllowedOAuthScopes: ['openid', 'email', 'openid'], CallbackURLs: ['https://a.mycompany.com/cb', 'https://a.mycompany.com/cb'] }), errors: [{ at: 'AllowedOAuthScopes[2]' }, { at: 'CallbackURLs[1]' }] },
  ],
  fixtures: [
    {
      name: 'unknown items are not compared',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthScopes: [!Ref ScopeA, !Ref ScopeA, !GetAtt Server.Scope, !GetAtt Server.Scope]
`,
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `Conditions:
  HasAdmin: !Equals [!Ref Admin, "yes"]
Resources:
${CLIENT_YAML}      AllowedOAuthScopes:
        - openid
          ^~~~~~ ar0
        - !If [HasAdmin, aws.cognito.signin.user.admin, openid]
                                                        ^~~~~~ a
`,
      errors: [{ at: 'a', related: [{ at: 'ar0', message: 'first "openid" in AllowedOAuthScopes' }] }],
    },
    {
      name: 'a CommaDelimitedList Parameter default: named in the message, no second location at the same place',
      path: 't.yaml',
      text: `Parameters:
  Scopes:
    Type: CommaDelimitedList
    Default: "openid,email,openid"
             ^~~~~~~~~~~~~~~~~~~~~ ar0
Resources:
${CLIENT_YAML}      AllowedOAuthScopes: !Ref Scopes
                          ^~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /^AllowedOAuthScopes\[2\] repeats "openid".*\(the value comes from the default of Parameter "Scopes"\)$/, related: [{ at: 'ar0', message: 'default of Parameter "Scopes"' }] }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc123", "ReadAttributes": ["email", "email"]}
                                                                                  ^~~~~~~`,
    },
    {
      name: 'serverless.yml: ${self:custom} variables stay silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - \${self:custom.callbackUrl}
          - \${self:custom.callbackUrl}
`,
    },
    {
      name: 'serverless.yml: literal values',
      path: 'serverless.yml',
      text: `${serverless('web')}        CallbackURLs:
          - https://app.mycompany.com/cb
          - https://app.mycompany.com/cb
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: concat of two known lists',
      path: 'main.tf',
      text: `${TF}  explicit_auth_flows = concat(["ALLOW_USER_SRP_AUTH"], ["ALLOW_USER_SRP_AUTH"])
                                                         ^~~~~~~~~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: toset() removes repeats',
      path: 'main.tf',
      text: `${TF}  allowed_oauth_scopes = toset(["openid", "openid"])
}
`,
    },
  ],
});
