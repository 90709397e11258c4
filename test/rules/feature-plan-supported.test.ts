import { ruleTester } from '../rule-tester';

ruleTester('feature-plan-supported', {
  valid: [
    { name: 'ALLOW_USER_AUTH on an Essentials pool', pool: { UserPoolTier: 'ESSENTIALS' }, client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'a pool without UserPoolTier: silent', pool: {}, client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'a Lite pool without choice-based sign-in', pool: { UserPoolTier: 'LITE' }, client: { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
    { name: 'no pool in the file: not tied', client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] } },
  ],
  invalid: [
    {
      name: 'ALLOW_USER_AUTH on a Lite pool',
      pool: { UserPoolTier: 'LITE' },
      client: { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
      errors: [
        {
          at: 'ExplicitAuthFlows[0]',
          message: {
            api: "ExplicitAuthFlows has ALLOW_USER_AUTH (choice-based sign-in), but user pool UserPool is on the Lite feature plan (UserPoolTier LITE); Cognito raises FeatureUnavailableInTierException for a feature outside the pool's plan. Set the pool's UserPoolTier to ESSENTIALS, or remove ALLOW_USER_AUTH.",
            terraform: /^explicit_auth_flows has ALLOW_USER_AUTH .*user pool aws_cognito_user_pool\.pool is on the Lite feature plan \(user_pool_tier LITE\);.* Set the pool's user_pool_tier to ESSENTIALS, or remove ALLOW_USER_AUTH\.$/,
          },
        },
      ],
    },
  ],
  fixtures: [
    {
      name: 'the tier as a related location, and a pool chosen by the resource\'s own Condition',
      path: 'template.yaml',
      text: `Parameters:
  PoolIdParam:
    Type: String
Conditions:
  CreatePool: !Equals [!Ref PoolIdParam, ""]
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Condition: CreatePool
    Properties:
      UserPoolTier: «LITE»[tier]
  Client:
    Type: AWS::Cognito::UserPoolClient
    Condition: CreatePool
    Properties:
      UserPoolId: !If [CreatePool, !Ref Pool, !Ref PoolIdParam]
      ExplicitAuthFlows: [«ALLOW_USER_AUTH»[a], ALLOW_REFRESH_TOKEN_AUTH]
`,
      errors: [{ at: 'a', related: [{ at: 'tier', message: 'UserPoolTier of Pool' }] }],
    },
    {
      name: 'CDK synth: featurePlan LITE and UserPoolId as Fn::GetAtt',
      path: 'cdk.out/Stack.template.json',
      text: `{
  "Resources": {
    "PoolA1B2": { "Type": "AWS::Cognito::UserPool", "Properties": { "UserPoolTier": "LITE" }, "Metadata": { "aws:cdk:path": "Stack/Pool/Resource" } },
    "PoolClient": {
      "Type": "AWS::Cognito::UserPoolClient",
      "Properties": { "UserPoolId": { "Fn::GetAtt": ["PoolA1B2", "UserPoolId"] }, "ExplicitAuthFlows": [«"ALLOW_USER_AUTH"», "ALLOW_REFRESH_TOKEN_AUTH"] },
      "Metadata": { "aws:cdk:path": "Stack/Pool/Client/Resource" }
    }
  }
}
`,
    },
    {
      name: 'Terraform JSON syntax, the tier from a variable default',
      path: 'main.tf.json',
      text: `{
  "variable": { "tier": { "default": "LITE" } },
  "resource": {
    "aws_cognito_user_pool": { "pool": { "name": "pool", "user_pool_tier": "\${var.tier}" } },
    "aws_cognito_user_pool_client": { "web": { "name": "web", "user_pool_id": "\${aws_cognito_user_pool.pool.id}", "explicit_auth_flows": [«"ALLOW_USER_AUTH"»[a]] } }
  }
}
`,
      errors: [{ at: 'a', message: /user_pool_tier LITE.* \(user_pool_tier comes from the default of variable "tier"\)$/ }],
    },
    {
      name: 'Serverless resources',
      path: 'serverless.yml',
      text: `service: auth
resources:
  Resources:
    Pool:
      Type: AWS::Cognito::UserPool
      Properties:
        UserPoolTier: LITE
    Client:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: !Ref Pool
        ExplicitAuthFlows: [«ALLOW_USER_AUTH»]
`,
    },
    {
      name: 'Serverless resources as a list: merged into one stack, so the pool of another item is tied',
      path: 'serverless.yml',
      text: `service: auth
resources:
  - Resources:
      Pool:
        Type: AWS::Cognito::UserPool
        Properties:
          UserPoolTier: LITE
  - Resources:
      Client:
        Type: AWS::Cognito::UserPoolClient
        Properties:
          UserPoolId: !Ref Pool
          ExplicitAuthFlows: [«ALLOW_USER_AUTH»]
`,
    },
  ],
});
