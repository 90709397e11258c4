import { ruleTester, type ApiClient } from '../rule-tester';
import { CFN_OAUTH, CLIENT_YAML, TF, serverless } from './fixture-parts';

/** A confidential OAuth client with these flows and scopes. */
const client = (flows: string[], scopes: string[]): ApiClient => ({
  GenerateSecret: true,
  AllowedOAuthFlowsUserPoolClient: true,
  AllowedOAuthFlows: flows,
  AllowedOAuthScopes: scopes,
});
const m2m = (...scopes: string[]): ApiClient => client(['client_credentials'], scopes);

ruleTester('client-credentials-scopes', {
  valid: [
    { name: 'resource-server scopes only', client: m2m('orders/read', 'orders/write') },
    { name: 'standard scopes on a code client', client: client(['code'], ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']) },
    { name: 'client_credentials without scopes', client: { GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'] } },
    { name: 'scopes without flows', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'] } },
    { name: 'other spellings are not standard scopes (scope-defined reports them)', client: m2m('OpenID', 'opneid', 'orders/openid') },
  ],
  invalid: [
    {
      name: 'openid after a resource-server scope',
      client: m2m('orders/read', 'openid'),
      errors: [
        {
          at: 'AllowedOAuthScopes[1]',
          message: {
            api: 'AllowedOAuthScopes lists the standard scope openid on a client_credentials client; the client credentials grant takes only resource-server scopes (identifier/name), and Cognito rejects the client with InvalidOAuthFlowException. Remove openid, or move it to a separate user-facing app client.',
            terraform:
              'allowed_oauth_scopes lists the standard scope openid on a client_credentials client; the client credentials grant takes only resource-server scopes (identifier/name), and Cognito rejects the client with InvalidOAuthFlowException. Remove openid, or move it to a separate user-facing app client.',
          },
          related: [{ at: 'AllowedOAuthFlows[0]', message: 'client_credentials here' }],
        },
      ],
    },
    {
      name: 'every standard scope, each at its position',
      client: m2m('email', 'orders/read', 'phone', 'profile', 'aws.cognito.signin.user.admin', 'openid'),
      errors: [
        { at: 'AllowedOAuthScopes[0]', message: /standard scope email / },
        { at: 'AllowedOAuthScopes[2]', message: /standard scope phone / },
        { at: 'AllowedOAuthScopes[3]', message: /standard scope profile / },
        { at: 'AllowedOAuthScopes[4]', message: /standard scope aws\.cognito\.signin\.user\.admin / },
        { at: 'AllowedOAuthScopes[5]', message: /standard scope openid / },
      ],
    },
    {
      name: 'client_credentials combined with code (client-credentials-exclusive reports that too)',
      client: client(['code', 'client_credentials'], ['openid']),
      errors: [{ at: 'AllowedOAuthScopes[0]', related: [{ at: 'AllowedOAuthFlows[1]' }] }],
    },
  ],
  fixtures: [
    {
      name: 'unknown scope items stay silent',
      path: 'template.yaml',
      text: `Parameters:
  Scope:
    Type: String
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [!Ref Scope, !Sub "\${Server}/read"]
`,
    },
    {
      name: 'unknown flows stay silent',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: !Ref Flows
      AllowedOAuthScopes: [openid]
`,
    },
    {
      name: 'Parameter default: the message says so',
      path: 't.yaml',
      text: `Parameters:
  Scopes:
    Type: CommaDelimitedList
    Default: orders/read,openid
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: !Ref Scopes
                          ^~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /standard scope openid .*\(the value comes from the default of Parameter "Scopes"\)$/ }],
    },
    {
      name: 'Fn::If: one finding for the branch with openid',
      path: 't.yaml',
      text: `Conditions:
  WithOidc: !Equals [!Ref Mode, oidc]
Resources:
${CLIENT_YAML}      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes:
        - orders/read
        - !If [WithOidc, openid, !Ref AWS::NoValue]
                         ^~~~~~
`,
    },
    {
      name: 'update request',
      path: 'update.json',
      text: `{
  "UserPoolId": "us-east-1_abc",
  "ClientId": "abc",
  "AllowedOAuthFlowsUserPoolClient": true,
  "AllowedOAuthFlows": ["client_credentials"],
  "AllowedOAuthScopes": ["orders/read", "profile"]
                                        ^~~~~~~~~
}
`,
    },
    {
      name: 'Terraform: a resource-server reference stays silent, a literal is reported',
      path: 'main.tf',
      text: `${TF}  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = ["\${aws_cognito_resource_server.api.identifier}/read", "email"]
                                                                                                ^~~~~~~
}
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('m2m')}        AllowedOAuthFlows: [client_credentials]
        AllowedOAuthScopes: [orders/read, openid]
                                          ^~~~~~
`,
    },
  ],
});
