import { ruleTester } from '../rule-tester';

ruleTester('identity-provider-defined', {
  valid: [
    { name: 'providers the pool defines, and COGNITO', pool: { IdentityProviders: ['Okta', 'Google'] }, client: { SupportedIdentityProviders: ['COGNITO', 'Okta', 'Google'] } },
    { name: 'a pool without providers in the file: they may be defined elsewhere', pool: {}, client: { SupportedIdentityProviders: ['Oktaa'] } },
    { name: 'no pool in the file (a literal or unknown UserPoolId): not tied', client: { SupportedIdentityProviders: ['Oktaa'] } },
  ],
  invalid: [
    {
      name: 'a misspelt provider names the closest defined one',
      pool: { IdentityProviders: ['Okta'] },
      client: { SupportedIdentityProviders: ['COGNITO', 'Oktaa'] },
      errors: [
        {
          at: 'SupportedIdentityProviders[1]',
          message: {
            api: 'SupportedIdentityProviders has "Oktaa", which is not an identity provider of user pool UserPool in this file (defined: Okta); CreateUserPoolClient fails with InvalidParameterException "The provider Oktaa does not exist". Did you mean "Okta"?',
            terraform: /^supported_identity_providers has "Oktaa", which is not an identity provider of user pool aws_cognito_user_pool\.pool in this file \(defined: Okta\);.* Did you mean "Okta"\?$/,
          },
        },
      ],
    },
    {
      name: 'a provider far from every defined one',
      pool: { IdentityProviders: ['Okta', 'Google'] },
      client: { SupportedIdentityProviders: ['AzureAD'] },
      errors: [{ at: 'SupportedIdentityProviders[0]', message: /\(defined: Okta, Google\);.* Correct the name, or define the identity provider for this pool\.$/ }],
    },
  ],
  fixtures: [
    {
      name: 'Ref to the provider is its ProviderName; a federated-only client of a defined provider is fine',
      path: 'template.yaml',
      text: `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  OktaProvider:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: Okta
      ProviderType: OIDC
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !GetAtt Pool.UserPoolId
      SupportedIdentityProviders: [!Ref OktaProvider, «Gogle»]
`,
    },
    {
      name: 'CDK synth: {"Ref": pool} and {"Ref": provider}',
      path: 'cdk.out/Stack.template.json',
      text: `{
  "Resources": {
    "PoolA1B2": { "Type": "AWS::Cognito::UserPool", "Metadata": { "aws:cdk:path": "Stack/Pool/Resource" } },
    "PoolOkta": {
      "Type": "AWS::Cognito::UserPoolIdentityProvider",
      "Properties": { "UserPoolId": { "Ref": "PoolA1B2" }, "ProviderName": "Okta", "ProviderType": "OIDC" }
    },
    "PoolClient": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": { "UserPoolId": { "Ref": "PoolA1B2" }, "SupportedIdentityProviders": [{ "Ref": "PoolOkta" }, «"okta"»[a]] },
      "Metadata": { "aws:cdk:path": "Stack/Pool/Client/Resource" }
    }
  }
}
`,
      errors: [{ at: 'a', message: /has "okta", .*Did you mean "Okta"\?$/ }],
    },
    {
      name: 'a provider of another pool does not count',
      path: 'template.yaml',
      text: `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Other:
    Type: AWS::Cognito::UserPool
  OktaProvider:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Other
      ProviderName: Okta
      ProviderType: OIDC
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      SupportedIdentityProviders: [Okta]
`,
    },
    {
      name: 'a provider whose name is not known: silent',
      path: 'template.yaml',
      text: `Parameters:
  Name:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Provider:
    Type: AWS::Cognito::UserPoolIdentityProvider
    Properties:
      UserPoolId: !Ref Pool
      ProviderName: !Ref Name
      ProviderType: OIDC
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      SupportedIdentityProviders: [Oktaa]
`,
    },
    {
      name: 'Terraform: provider_name reference, and a provider in the module',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool" "pool" {
  name = "pool"
}
resource "aws_cognito_identity_provider" "okta" {
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = "Okta"
  provider_type = "OIDC"
}
resource "aws_cognito_user_pool_client" "web" {
  name                         = "web"
  user_pool_id                 = aws_cognito_user_pool.pool.id
  supported_identity_providers = [aws_cognito_identity_provider.okta.provider_name, «"Octa"»[a]]
}
`,
      errors: [{ at: 'a', message: /Did you mean "Okta"\?$/ }],
    },
    {
      name: 'Terraform: providers made by for_each over a known map, one per key',
      path: 'main.tf',
      text: `variable "providers" {
  default = { Okta = "https://okta.example.org", AzureAD = "https://login.example.org" }
}
resource "aws_cognito_user_pool" "pool" {
  name = "pool"
}
resource "aws_cognito_identity_provider" "oidc" {
  for_each      = var.providers
  user_pool_id  = aws_cognito_user_pool.pool.id
  provider_name = each.key
  provider_type = "OIDC"
}
resource "aws_cognito_user_pool_client" "web" {
  name                         = "web"
  user_pool_id                 = aws_cognito_user_pool.pool.id
  supported_identity_providers = ["Okta", "AzureAD", «"AzureAd2"»[a]]
}
`,
      errors: [{ at: 'a', message: /\(defined: AzureAD, Okta\);.* Did you mean "AzureAD"\?$/ }],
    },
    {
      name: 'Terraform JSON syntax',
      path: 'main.tf.json',
      text: `{
  "resource": {
    "aws_cognito_user_pool": { "pool": { "name": "pool" } },
    "aws_cognito_identity_provider": { "okta": { "user_pool_id": "\${aws_cognito_user_pool.pool.id}", "provider_name": "Okta", "provider_type": "OIDC" } },
    "aws_cognito_user_pool_client": { "web": { "name": "web", "user_pool_id": "\${aws_cognito_user_pool.pool.id}", "supported_identity_providers": [«"Oktaa"»] } }
  }
}
`,
    },
    {
      name: 'plan JSON of a new pool: ids known after apply, tied by the references in configuration',
      path: 'plan.json',
      text: `{
  "format_version": "1.2",
  "resource_changes": [
    { "address": "aws_cognito_user_pool.pool", "mode": "managed", "type": "aws_cognito_user_pool", "name": "pool",
      "change": { "actions": ["create"], "after": { "name": "pool" }, "after_unknown": { "id": true } } },
    { "address": "aws_cognito_identity_provider.okta", "mode": "managed", "type": "aws_cognito_identity_provider", "name": "okta",
      "change": { "actions": ["create"], "after": { "provider_name": "Okta", "provider_type": "OIDC" }, "after_unknown": { "user_pool_id": true } } },
    { "address": "aws_cognito_user_pool_client.web", "mode": "managed", "type": "aws_cognito_user_pool_client", "name": "web",
      "change": { "actions": ["create"], "after": { "name": "web", "supported_identity_providers": [«"Oktaa"»[a]] }, "after_unknown": { "user_pool_id": true } } }
  ],
  "configuration": {
    "root_module": {
      "resources": [
        { "address": "aws_cognito_identity_provider.okta", "expressions": { "user_pool_id": { "references": ["aws_cognito_user_pool.pool.id", "aws_cognito_user_pool.pool"] } } },
        { "address": "aws_cognito_user_pool_client.web", "expressions": { "user_pool_id": { "references": ["aws_cognito_user_pool.pool.id", "aws_cognito_user_pool.pool"] } } }
      ]
    }
  }
}
`,
      errors: [{ at: 'a', message: /user pool aws_cognito_user_pool\.pool .*Did you mean "Okta"\?$/ }],
    },
    {
      name: 'Terraform: a client of a pool from a variable is not tied',
      path: 'main.tf',
      text: `resource "aws_cognito_identity_provider" "okta" {
  user_pool_id  = var.pool_id
  provider_name = "Okta"
  provider_type = "OIDC"
}
resource "aws_cognito_user_pool_client" "web" {
  name                         = "web"
  user_pool_id                 = var.pool_id
  supported_identity_providers = ["Oktaa"]
}
`,
    },
  ],
});
