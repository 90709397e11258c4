import { PLAN_UNSET, ruleTester } from '../rule-tester';
import { CFN, TF } from './fixture-parts';

const ID = 'federated-client-sdk-flows';
const NO_DEFAULT_IN_DESCRIPTION = 'describe output leaves ExplicitAuthFlows out when the client has no flows: nothing is defaulted there';
const GOOGLE = ['Google'];

ruleTester(ID, {
  valid: [
    { name: 'COGNITO listed', client: { SupportedIdentityProviders: ['COGNITO', 'Google'] } },
    { name: 'SupportedIdentityProviders absent', client: { ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] } },
    { name: 'empty providers list: no sign-in page, not a federated client', client: { SupportedIdentityProviders: [] } },
    { name: 'federated client with refresh only', client: { SupportedIdentityProviders: GOOGLE, ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'federated client with no flows', client: { SupportedIdentityProviders: ['MySAML'], ExplicitAuthFlows: [] }, skip: { 'terraform-plan': PLAN_UNSET } },
  ],
  invalid: [
    {
      name: 'ExplicitAuthFlows absent: the default allows SRP and custom sign-in, at the providers key',
      client: { SupportedIdentityProviders: GOOGLE },
      skip: { 'api-response': NO_DEFAULT_IN_DESCRIPTION },
      errors: [
        {
          at: 'SupportedIdentityProviders',
          on: 'key',
          message: {
            api: 'SupportedIdentityProviders does not include COGNITO, but ExplicitAuthFlows is not set, so Cognito uses the default list (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH); that list allows ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH, and the API reference says leaving COGNITO out does not prevent local users from authenticating with the user pools API in an AWS SDK, so they can sign in through this client, bypassing the IdP. Allow refresh only: ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"].',
            terraform: 'supported_identity_providers does not include COGNITO, but explicit_auth_flows is not set here: a new client gets the default list (ALLOW_REFRESH_TOKEN_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_CUSTOM_AUTH), an existing one keeps its current value; that list allows ALLOW_USER_SRP_AUTH and ALLOW_CUSTOM_AUTH, and the API reference says leaving COGNITO out does not prevent local users from authenticating with the user pools API in an AWS SDK, so they can sign in through this client, bypassing the IdP. Allow refresh only: explicit_auth_flows = ["ALLOW_REFRESH_TOKEN_AUTH"].',
          },
        },
      ],
    },
    {
      name: 'written SRP and refresh: at the ExplicitAuthFlows key',
      client: { SupportedIdentityProviders: ['MyOIDC'], ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      errors: [
        {
          at: 'ExplicitAuthFlows',
          on: 'key',
          message: {
            api: 'ExplicitAuthFlows allows ALLOW_USER_SRP_AUTH although SupportedIdentityProviders does not include COGNITO: the API reference says leaving COGNITO out does not prevent local users from authenticating with the user pools API in an AWS SDK, so they can sign in through this client with these flows, bypassing the IdP. Allow refresh only: ExplicitAuthFlows: ["ALLOW_REFRESH_TOKEN_AUTH"].',
          },
        },
      ],
    },
    {
      name: 'every sign-in flow named once',
      client: { SupportedIdentityProviders: GOOGLE, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_CUSTOM_AUTH'] },
      errors: [{ at: 'ExplicitAuthFlows', on: 'key', message: /allows ALLOW_USER_PASSWORD_AUTH, ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_CUSTOM_AUTH, ALLOW_USER_AUTH although / }],
    },
    { name: 'legacy names sign in too', client: { SupportedIdentityProviders: GOOGLE, ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH'] }, errors: [{ at: 'ExplicitAuthFlows', on: 'key', message: /allows ADMIN_NO_SRP_AUTH although / }] },
  ],
  fixtures: [
    {
      name: 'an unknown provider may be COGNITO',
      path: 'template.yaml',
      text: `${CFN}      SupportedIdentityProviders: [Google, !Ref Provider]
`,
    },
    {
      name: 'an unknown flow is not reported, a known one is',
      path: 'template.yaml',
      text: `${CFN}      SupportedIdentityProviders: [Google]
      ExplicitAuthFlows: [!Ref Flow, ALLOW_USER_SRP_AUTH]
      ^~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'only an unknown flow',
      path: 'template.yaml',
      text: `${CFN}      SupportedIdentityProviders: [Google]
      ExplicitAuthFlows: [!Ref Flow]
`,
    },
    {
      name: 'Terraform: default flows, at the argument name',
      path: 'main.tf',
      text: `${TF}  supported_identity_providers = [aws_cognito_identity_provider.google.provider_name]
}
`,
    },
    {
      name: 'Terraform: a literal provider',
      path: 'main.tf',
      text: `${TF}  supported_identity_providers = ["Google"]
  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
}
`,
    },
  ],
});
