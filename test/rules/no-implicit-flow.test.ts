import { ruleTester } from '../rule-tester';
import { CFN_OAUTH, CLIENT_YAML, TF, serverless } from './fixture-parts';

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  Flow:
    Type: String
    Default: implicit
Conditions:
  Spa: !Equals [!Ref AppType, spa]
Resources:
`;

ruleTester('no-implicit-flow', {
  valid: [
    { name: 'code only', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'] } },
    { name: 'absent', client: { AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: ['https://app.example.org/cb'] } },
  ],
  invalid: [
    { name: 'implicit and code', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit', 'code'] }, errors: [{ at: 'AllowedOAuthFlows[0]' }] },
    { name: 'code and implicit', client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code', 'implicit'] }, errors: [{ at: 'AllowedOAuthFlows[1]' }] },
    {
      name: 'message',
      client: { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['implicit'] },
      errors: [
        {
          at: 'AllowedOAuthFlows[0]',
          message: {
            api: 'AllowedOAuthFlows allows "implicit", which returns tokens in the redirect URL where they can leak (OAuth 2.1 removes this grant); expected "code". Replace "implicit" with "code" and use PKCE in the app.',
          },
        },
      ],
    },
    { name: 'without the flag', client: { AllowedOAuthFlows: ['implicit'] }, errors: [{ at: 'AllowedOAuthFlows[0]' }] },
    { name: 'CDK default OAuth settings', client: { AllowedOAuthFlows: ['implicit', 'code'], AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: ['https://example.com'] }, errors: [{ at: 'AllowedOAuthFlows[0]' }] },
  ],
  fixtures: [
    {
      name: 'unknown item',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: [code, !Ref SecondFlow]
`,
    },
    {
      name: 'list from ImportValue',
      path: 'template.yaml',
      text: `${CFN_OAUTH}      AllowedOAuthFlows: !ImportValue SharedFlows
`,
    },
    {
      name: 'Fn::If: one finding',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      AllowedOAuthFlows: [!If [Spa, implicit, code]]
                                    ^~~~~~~~
`,
    },
    {
      name: 'a Parameter default is named',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      AllowedOAuthFlows: [!Ref Flow]
                          ^~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /\(the value comes from the default of Parameter "Flow"\)$/ }],
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthFlows": ["implicit"]}
                                                                         ^~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('spa')}        AllowedOAuthFlows: ["\${self:custom.oauthFlow}"]
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${serverless('spa')}        AllowedOAuthFlows: [implicit]
                            ^~~~~~~~
`,
    },
    {
      name: 'terraform: from a for expression over a known list: at the item',
      path: 'main.tf',
      text: `${TF}  allowed_oauth_flows = [for f in ["code", "implicit"] : f]
                                           ^~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: awscc resource',
      path: 'main.tf',
      text: `resource "awscc_cognito_user_pool_client" "spa" {
  user_pool_id         = aws_cognito_user_pool.pool.id
  allowed_o_auth_flows = ["implicit"]
                          ^~~~~~~~~~
}
`,
    },
  ],
});
