import { ruleTester } from '../rule-tester';

/** The \`orders\` resource server of Pool, with the scopes read and write. */
const SERVER = `Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: orders
      Name: Orders API
      Scopes:
        - ScopeName: read
          ScopeDescription: Read orders
        - ScopeName: write
          ScopeDescription: Write orders
`;
/** A second resource server of Pool, without Scopes. */
const BILLING = `  Billing:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: billing
      Name: Billing
`;
/** The same server in Terraform. */
const TF_SERVER = `resource "aws_cognito_resource_server" "orders" {
  identifier   = "orders"
  name         = "Orders"
  user_pool_id = aws_cognito_user_pool.pool.id
  scope {
    scope_name        = "read"
    scope_description = "Read"
  }
}
`;

/** Opening lines shared by 4 of the fixtures below. */
const PARAMETERS = `Parameters:
  Scope:
    Type: String
    Default: orders/admin
Conditions:
  Admin: !Equals [!Ref Role, admin]
`;
/** Opening lines shared by 2 of the fixtures below. */
const SERVERLESS = `service: orders
resources:
  Resources:
    Api:
      Type: AWS::Cognito::UserPoolResourceServer
      Properties:
        UserPoolId: !Ref Pool
        Identifier: orders
        Name: Orders
        Scopes: [{ScopeName: read, ScopeDescription: Read}]
    Client:
      Type: AWS::Cognito::UserPoolClient
      Properties:
        UserPoolId: !Ref Pool
`;

ruleTester('scope-defined', {
  valid: [
    // API requests and describe output have no resource servers, and these renderings hold none either.
    { name: 'no resource server in the file: unknown', client: { AllowedOAuthScopes: ['orders/delete'] } },
    { name: 'the five standard scopes', client: { AllowedOAuthScopes: ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'] } },
  ],
  invalid: [
    {
      name: "a scope the pool's resource server does not define (the pool beside the client)",
      pool: { ResourceServers: { orders: ['read'] } },
      client: { AllowedOAuthScopes: ['orders/read', 'orders/write'] },
      errors: [{ at: 'AllowedOAuthScopes[1]', message: /^(AllowedOAuthScopes|allowed_oauth_scopes) has "orders\/write", which no resource server of this user pool in the file defines \(defined: orders\/read\);/ }],
    },
    {
      name: 'a misspelt standard scope, in every format',
      client: { AllowedOAuthScopes: ['openid', 'emial'] },
      errors: [{ at: 'AllowedOAuthScopes[1]', message: { api: /^AllowedOAuthScopes has "emial", .*Did you mean "email"\?$/, terraform: /^allowed_oauth_scopes has "emial", .*Did you mean "email"\?$/ } }],
    },
  ],
  fixtures: [
    {
      name: 'undefined scope name',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/read, orders/delete, openid]
                                        ^~~~~~~~~~~~~
`,
    },
    {
      name: 'undefined identifier, block list',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes:
        - order/read
          ^~~~~~~~~~
        - orders/write
`,
    },
    {
      name: 'all defined',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/read, orders/write, openid, aws.cognito.signin.user.admin]
`,
    },
    {
      name: 'same pool written in long form',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: {Ref: Pool}
      AllowedOAuthScopes: [orders/admin]
                           ^~~~~~~~~~~~
`,
    },
    {
      name: 'client of another pool: unknown',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref OtherPool
      AllowedOAuthScopes: [orders/admin]
`,
    },
    {
      name: 'client without UserPoolId: unknown',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      AllowedOAuthScopes: [orders/admin]
`,
    },
    {
      name: 'scope partly unknown',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!Sub "\${Prefix}/admin", !Sub "orders/\${Name}"]
`,
    },
    {
      name: 'whole list unknown',
      path: 'template.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: !GetAtt Cfg.Scopes
`,
    },
    {
      name: 'message lists the defined scopes',
      path: 't.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/delete]
                           ^~~~~~~~~~~~~ a
`,
      errors: [
        {
          at: 'a',
          message:
            'AllowedOAuthScopes has "orders/delete", which no resource server of this user pool in the file defines (defined: orders/read, orders/write); Cognito rejects it with ScopeDoesNotExistException. Add the scope to the resource server\'s Scopes, or correct the name.',
        },
      ],
    },
    {
      name: 'a second server without Scopes defines none',
      path: 't.yaml',
      text: `${SERVER}${BILLING}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/read, billing/charge]
                                        ^~~~~~~~~~~~~~
`,
    },
    {
      name: 'a second server with the scope',
      path: 't.yaml',
      text: `${SERVER}${BILLING}      Scopes:
        - {ScopeName: charge, ScopeDescription: Charge}
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/read, billing/charge]
`,
    },
    {
      name: 'a server of the pool whose scope name is not known: anything may be defined',
      path: 't.yaml',
      text: `${SERVER}${BILLING}      Scopes:
        - ScopeName: !Ref ScopeName
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [billing/refund]
`,
    },
    {
      name: 'a scope name from Fn::If',
      path: 't.yaml',
      text: `${SERVER}${BILLING}      Scopes:
        - ScopeName: !If [Prod, charge, refund]
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [billing/refund]
`,
    },
    {
      name: 'a server identifier that is not known',
      path: 't.yaml',
      text: `${SERVER}  Billing:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !ImportValue BillingId
      Name: Billing
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [billing/refund]
`,
    },
    {
      name: 'a scope from a Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!Ref Scope]
                           ^~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /"orders\/admin".*\(the value comes from the default of Parameter "Scope"\)$/ }],
    },
    {
      name: 'Fn::If',
      path: 't.yaml',
      text: `${PARAMETERS}${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!If [Admin, orders/admin, orders/read]]
                                       ^~~~~~~~~~~~
`,
    },
    {
      name: 'a server identifier from a Parameter default is known too',
      path: 't.yaml',
      text: `${PARAMETERS}Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !Ref Scope
      Name: Orders API
      Scopes:
        - ScopeName: read
          ScopeDescription: Read orders
        - ScopeName: write
          ScopeDescription: Write orders
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/admin/read]
`,
    },
    {
      name: 'a server identifier from a Parameter default: undefined scope',
      path: 't.yaml',
      text: `${PARAMETERS}Resources:
  Pool:
    Type: AWS::Cognito::UserPool
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !Ref Scope
      Name: Orders API
      Scopes:
        - ScopeName: read
          ScopeDescription: Read orders
        - ScopeName: write
          ScopeDescription: Write orders
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [orders/admin/delete]
                           ^~~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: "CDK's OAuthScope.resourceServer() is a Join on a Ref: the Ref of a resource server is its Identifier",
      path: 'Stack.template.json',
      text: `{
 "Resources": {
  "Pool": { "Type": "AWS::Cognito::UserPool" },
  "PoolOrders": {
   "Type": "AWS::Cognito::UserPoolResourceServer",
   "Properties": {
    "Identifier": "orders",
    "Name": "orders",
    "Scopes": [{ "ScopeDescription": "Read", "ScopeName": "read" }],
    "UserPoolId": { "Ref": "Pool" }
   }
  },
  "PoolClient": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AllowedOAuthFlows": ["client_credentials"],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     { "Fn::Join": ["", [{ "Ref": "PoolOrders" }, "/read"]] },
     { "Fn::Join": ["", [{ "Ref": "PoolOrders" }, "/write"]] },
     ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~ a
     "orders/write"
     ^~~~~~~~~~~~~~
    ],
    "GenerateSecret": true,
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`,
      errors: [{ at: 'a', message: /^AllowedOAuthScopes has "orders\/write", which no resource server of this user pool in the file defines \(defined: orders\/read\)/ }],
    },
    {
      name: 'hand-written !Sub "${Server}/name"',
      path: 't.yaml',
      text: `${SERVER}  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!Sub "\${Api}/read", «!Sub "\${Api}/delete"»[a]]
`,
      errors: [{ at: 'a', message: /^AllowedOAuthScopes has "orders\/delete"/ }],
    },
    {
      name: 'Fn::Sub long form with a variable map and a resource server reference',
      path: 't.json',
      text: `{
 "Resources": {
  "Api": {
   "Type": "AWS::Cognito::UserPoolResourceServer",
   "Properties": { "UserPoolId": { "Ref": "Pool" }, "Identifier": "https://api.mycompany.com", "Name": "Api", "Scopes": [{ "ScopeName": "read", "ScopeDescription": "Read" }] }
  },
  "Client": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "AllowedOAuthScopes": [
     { "Fn::Sub": ["\${Api}/\${Name}", { "Name": "read" }] },
     «{ "Fn::Sub": "\${Api}/write" }»
    ]
   }
  }
 }
}`,
    },
    {
      name: 'a Ref to a resource server whose Identifier is not known stays silent',
      path: 't.yaml',
      text: `Resources:
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !ImportValue ApiId
      Name: Api
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!Sub "\${Api}/delete"]
`,
    },
    {
      name: 'an Identifier that refers to its own server stays unknown',
      path: 't.yaml',
      text: `Resources:
  Api:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: !Ref Api
      Name: Api
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [!Sub "\${Api}/delete"]
`,
    },
    {
      name: 'a misspelt standard scope names the closest one, resource servers or not',
      path: 't.yaml',
      text: `Resources:
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      AllowedOAuthScopes: [«opneid»[a], email, «OpenID»[b], «profiles»[c], «read»[d]]
`,
      errors: [
        {
          at: 'a',
          message:
            'AllowedOAuthScopes has "opneid", which is not a standard scope (openid, email, phone, profile, aws.cognito.signin.user.admin) and has no "/" of a resource-server scope (identifier/name); Cognito rejects it with ScopeDoesNotExistException. Did you mean "openid"?',
        },
        { at: 'b', message: /Did you mean "openid"\?$/ },
        { at: 'c', message: /Did you mean "profile"\?$/ },
        { at: 'd', message: /Use a standard scope, or identifier\/name of a resource server scope\.$/ },
      ],
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${SERVERLESS}        AllowedOAuthScopes: [orders/read, "\${self:custom.extraScope}"]
`,
    },
    {
      name: 'serverless.yml: a literal',
      path: 'serverless.yml',
      text: `${SERVERLESS}        AllowedOAuthScopes: [orders/read, orders/write]
                                          ^~~~~~~~~~~~
`,
    },
    {
      name: 'terraform: an undefined scope',
      path: 'main.tf',
      text: `${TF_SERVER}resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/read", "orders/write", "openid"]
                                         ^~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: an identifier written as a reference to the resource server',
      path: 'main.tf',
      text: `${TF_SERVER}resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["\${aws_cognito_resource_server.orders.identifier}/read", «"\${aws_cognito_resource_server.orders.identifier}/delete"»[a]]
}
`,
      errors: [{ at: 'a', message: /^allowed_oauth_scopes has "orders\/delete", which no resource server of this user pool in the file defines \(defined: orders\/read\)/ }],
    },
    {
      name: 'terraform: a reference to a resource server with count stays silent',
      path: 'main.tf',
      text: `resource "aws_cognito_resource_server" "orders" {
  count        = 2
  identifier   = "orders"
  name         = "Orders"
  user_pool_id = aws_cognito_user_pool.pool.id
  scope {
    scope_name        = "read"
    scope_description = "Read"
  }
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["\${aws_cognito_resource_server.orders[0].identifier}/delete", "\${aws_cognito_resource_server.orders.identifier}/delete"]
}
`,
    },
    {
      name: 'terraform: a reference to a resource server that is not in the module stays silent',
      path: 'main.tf',
      text: `${TF_SERVER}resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["\${aws_cognito_resource_server.billing.identifier}/refund"]
}
`,
    },
    {
      name: 'terraform: all defined',
      path: 'main.tf',
      text: `${TF_SERVER}resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/read", "openid"]
}
`,
    },
    {
      name: 'terraform: a server of another pool: not known',
      path: 'main.tf',
      text: `resource "aws_cognito_resource_server" "orders" {
  identifier   = "orders"
  name         = "Orders"
  user_pool_id = aws_cognito_user_pool.other.id
  scope {
    scope_name        = "read"
    scope_description = "Read"
  }
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/write"]
}
`,
    },
    {
      name: 'terraform: dynamic scope blocks over a known list are folded',
      path: 'main.tf',
      text: `resource "aws_cognito_resource_server" "orders" {
  identifier   = "orders"
  user_pool_id = aws_cognito_user_pool.pool.id
  dynamic "scope" {
    for_each = ["read", "write"]
    content {
      scope_name        = scope.value
      scope_description = scope.value
    }
  }
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/read", "orders/delete"]
                                         ^~~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: dynamic scope blocks over an unknown list make the scopes unknown',
      path: 'main.tf',
      text: `resource "aws_cognito_resource_server" "orders" {
  identifier   = "orders"
  user_pool_id = aws_cognito_user_pool.pool.id
  dynamic "scope" {
    for_each = var.scopes
    content {
      scope_name        = scope.value
      scope_description = scope.value
    }
  }
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/read", "orders/delete"]
}
`,
    },
    {
      name: 'terraform: awscc resource server, scopes list of objects',
      path: 'main.tf',
      text: `resource "awscc_cognito_user_pool_resource_server" "orders" {
  identifier   = "orders"
  user_pool_id = aws_cognito_user_pool.pool.id
  scopes = [{ scope_name = "read", scope_description = "Read" }]
}
resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/write"]
                          ^~~~~~~~~~~~~~
}
`,
    },
    {
      name: 'terraform: message',
      path: 'main.tf',
      text: `${TF_SERVER}resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.pool.id
  allowed_oauth_scopes = ["orders/write"]
                          ^~~~~~~~~~~~~~ a
}
`,
      errors: [{ at: 'a', message: /"orders\/write".*\(defined: orders\/read\)/ }],
    },
  ],
});
