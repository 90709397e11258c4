// FORMATS.md "Second revision": a resource's own Condition, Fn::FindInMap over a parameter, Ref to an
// identity provider, and a resource-level Description, each through the rule that shows it.
import { ruleTester } from '../rule-tester';

/** Three environments; every branch of RefreshTokenValidity is 365 days, but AccessTokenValidity differs. */
const MAPPINGS = `Parameters:
  Environment:
    Type: String
    AllowedValues: [dev, build, production]
Mappings:
  Tokens:
    dev:
      Refresh: 365
      Access: 60
    build:
      Refresh: 365
      Access: 60
    production:
      Refresh: 365
      Access: 120
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_EXAMPLE
      TokenValidityUnits:
        RefreshToken: days
        AccessToken: minutes
`;

ruleTester('token-lifetime-policy', {
  fixtures: [
    {
      name: 'Fn::FindInMap over a parameter with AllowedValues: every branch equal is a known value',
      path: 'template.yaml',
      text: `${MAPPINGS}      RefreshTokenValidity: «!FindInMap [Tokens, !Ref Environment, Refresh]»[a]
`,
      errors: [{ at: 'a', message: /^RefreshTokenValidity 365 \(days\) is 365 days, longer than the 30 days policy maximum .*intended\.$/ }],
    },
    {
      name: 'Fn::FindInMap branches that differ: each is checked, and the finding names the key',
      path: 'template.yaml',
      text: `${MAPPINGS}      AccessTokenValidity: «!FindInMap [Tokens, !Ref Environment, Access]»[a]
`,
      errors: [{ at: 'a', message: /^AccessTokenValidity 120 \(minutes\) is 120 minutes \(2 hours\), .* \(when Environment is "production"\)$/ }],
    },
    {
      name: 'Fn::FindInMap over a parameter with only a Default: that key, from the default',
      path: 'template.yaml',
      text: `Parameters:
  Environment:
    Type: String
    Default: «production»[default]
Mappings:
  Tokens:
    dev: { Refresh: 7 }
    production: { Refresh: 90 }
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_EXAMPLE
      TokenValidityUnits: { RefreshToken: «days»[unit] }
      RefreshTokenValidity: «!FindInMap [Tokens, !Ref Environment, Refresh]»[a]
`,
      errors: [
        {
          at: 'a',
          message: /^RefreshTokenValidity 90 \(days\) .* \(the value comes from the default of Parameter "Environment"\)$/,
          related: [
            { at: 'default', message: 'default of Parameter "Environment"' },
            { at: 'unit', message: 'TokenValidityUnits.RefreshToken is "days" here' },
          ],
        },
      ],
    },
    {
      name: 'Fn::FindInMap over a parameter without AllowedValues or Default: unknown',
      path: 'template.yaml',
      text: `Parameters:
  Environment:
    Type: String
Mappings:
  Tokens:
    dev: { Refresh: 7 }
    production: { Refresh: 90 }
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_EXAMPLE
      TokenValidityUnits: { RefreshToken: days }
      RefreshTokenValidity: !FindInMap [Tokens, !Ref Environment, Refresh]
`,
    },
  ],
});

ruleTester('schema', {
  fixtures: [
    {
      name: "a resource's own Condition holds inside it: the else branch of Fn::If on it never deploys",
      path: 'template.yaml',
      text: `Parameters:
  UserPoolIdParam:
    Type: String
    Default: NONE
Conditions:
  ShouldCreatePool: !Equals [!Ref UserPoolIdParam, NONE]
Resources:
  UserPool:
    Type: AWS::Cognito::UserPool
    Condition: ShouldCreatePool
  UserPoolClient:
    Type: AWS::Cognito::UserPoolClient
    Condition: ShouldCreatePool
    Description: The web client
    Properties:
      UserPoolId: !If [ShouldCreatePool, !Ref UserPool, !Ref UserPoolIdParam]
      ClientName: web
`,
    },
    {
      name: 'without the Condition on the resource, the else branch is checked',
      path: 'template.yaml',
      text: `Parameters:
  UserPoolIdParam:
    Type: String
    Default: NONE
Conditions:
  ShouldCreatePool: !Equals [!Ref UserPoolIdParam, "other"]
Resources:
  UserPoolClient:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !If [ShouldCreatePool, !Ref UserPool, «!Ref UserPoolIdParam»[a]]
      ClientName: web
`,
      errors: [{ at: 'a', message: /UserPoolId/ }],
    },
    {
      name: 'a resource-level Description is accepted; a misspelt resource key is not',
      path: 'template.json',
      text: `{
  "Resources": {
    "Client": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Description": "CodeStar writes one on every resource",
      «"Metdata"»[a]: {},
      "Properties": { "UserPoolId": "us-east-1_EXAMPLE" }
    }
  }
}
`,
      errors: [{ at: 'a', message: /^"Metdata" is not a resource attribute of AWS::Cognito::UserPoolClient; did you mean "Metadata"\?/ }],
    },
  ],
});

ruleTester('federated-client-sdk-flows', {
  fixtures: [
    {
      name: 'SupportedIdentityProviders: [!Ref Provider] is the provider name: a federated-only client that allows SDK sign-in',
      path: 'template.yaml',
      text: `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  GovUkSignIn:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: GovUkOneLogin
      ProviderType: OIDC
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      SupportedIdentityProviders: [!Ref GovUkSignIn]
      «ExplicitAuthFlows»[a]: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]
`,
      errors: [{ at: 'a', message: /^ExplicitAuthFlows allows ALLOW_USER_SRP_AUTH although SupportedIdentityProviders does not include COGNITO/ }],
    },
    {
      name: 'Terraform: provider_name of an identity provider of the module',
      path: 'main.tf',
      text: `resource "aws_cognito_identity_provider" "onelogin" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "GovUkOneLogin"
  provider_type = "OIDC"
}
resource "aws_cognito_user_pool_client" "web" {
  name                         = "web"
  user_pool_id                 = aws_cognito_user_pool.pool.id
  supported_identity_providers = [aws_cognito_identity_provider.onelogin.provider_name]
  «explicit_auth_flows»[a]          = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
}
`,
      errors: [{ at: 'a' }],
    },
  ],
});

ruleTester('no-implicit-flow', {
  fixtures: [
    {
      name: 'a list from Fn::FindInMap: the item of the failing branch, named by its key',
      path: 'template.yaml',
      text: `Parameters:
  Stage:
    Type: String
    Default: prod
    AllowedValues: [dev, prod]
Mappings:
  Flows:
    dev:
      OAuth: [«implicit»[a]]
    prod:
      OAuth: [code]
Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: us-east-1_EXAMPLE
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: !FindInMap [Flows, !Ref Stage, OAuth]
      CallbackURLs: [https://app.example.org/cb]
`,
      errors: [{ at: 'a', message: /^AllowedOAuthFlows allows "implicit", .* \(when Stage is "dev"\)$/ }],
    },
  ],
});
