import { ruleTester } from '../rule-tester';

ruleTester('attribute-defined', {
  valid: [
    { name: 'standard attributes', client: { ReadAttributes: ['email', 'email_verified', 'given_name', 'zoneinfo'], WriteAttributes: ['email', 'name'] } },
    { name: 'a custom attribute of an untied pool is not judged', client: { ReadAttributes: ['custom:anything'] } },
    { name: 'custom attributes of the pool\'s Schema', pool: { Schema: ['email', 'tenant_id'] }, client: { ReadAttributes: ['email', 'custom:tenant_id'], WriteAttributes: ['custom:tenant_id'] } },
  ],
  invalid: [
    {
      name: 'a misspelt standard attribute, in every format',
      client: { ReadAttributes: ['email', 'emial'] },
      errors: [
        {
          at: 'ReadAttributes[1]',
          message: {
            api: 'ReadAttributes has "emial", which is not a standard attribute and has no custom: prefix; Cognito rejects the client with "Invalid read attributes specified". Did you mean "email"?',
            terraform: 'read_attributes has "emial", which is not a standard attribute and has no custom: prefix; Cognito rejects the client with "Invalid read attributes specified". Did you mean "email"?',
          },
        },
      ],
    },
    {
      name: 'a write attribute far from every standard one',
      client: { WriteAttributes: ['tenant'] },
      errors: [{ at: 'WriteAttributes[0]', message: /"Invalid write attributes specified"\. Use a standard attribute, or custom:<name> for a custom one\.$/ }],
    },
    {
      name: 'a custom attribute the tied pool does not define names the closest',
      pool: { Schema: ['email', 'tenant_id'] },
      client: { ReadAttributes: ['custom:tenant_idd'] },
      errors: [
        {
          at: 'ReadAttributes[0]',
          message: {
            api: 'ReadAttributes has "custom:tenant_idd", which is not in the Schema of user pool UserPool (custom attributes: custom:tenant_id); Cognito rejects the client with "Invalid read attributes specified". Did you mean "custom:tenant_id"?',
            terraform: /^read_attributes has "custom:tenant_idd", which is not in the Schema of user pool aws_cognito_user_pool\.pool \(custom attributes: custom:tenant_id\);.*Did you mean "custom:tenant_id"\?$/,
          },
        },
      ],
    },
    {
      name: 'a pool without custom attributes',
      pool: {},
      client: { WriteAttributes: ['custom:plan'] },
      errors: [{ at: 'WriteAttributes[0]', message: /\(it defines no custom attributes\);.* Add plan to the pool's Schema, or correct the name\.$/ }],
    },
  ],
  fixtures: [
    {
      name: 'a Schema that is not known: custom attributes are not judged, standard ones are',
      path: 'template.yaml',
      text: `Parameters:
  Attributes:
    Type: String
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      Schema: !Ref Attributes
  Client:
    Type: AWS::Cognito::UserPoolClient
    Properties:
      UserPoolId: !Ref Pool
      ReadAttributes: [custom:whatever, «Email»]
`,
    },
    {
      name: 'Terraform: schema blocks of the pool, and a dynamic schema not known',
      path: 'main.tf',
      text: `resource "aws_cognito_user_pool" "pool" {
  name = "pool"
  schema {
    name                = "tenant_id"
    attribute_data_type = "String"
  }
}
resource "aws_cognito_user_pool" "open" {
  name = "open"
  dynamic "schema" {
    for_each = var.attributes
    content {
      name                = schema.value
      attribute_data_type = "String"
    }
  }
}
resource "aws_cognito_user_pool_client" "web" {
  name            = "web"
  user_pool_id    = aws_cognito_user_pool.pool.id
  read_attributes = ["custom:tenant_id", «"custom:tenantid"»[a]]
}
resource "aws_cognito_user_pool_client" "other" {
  name            = "other"
  user_pool_id    = aws_cognito_user_pool.open.id
  read_attributes = ["custom:tenantid"]
}
`,
      errors: [{ at: 'a', message: /Did you mean "custom:tenant_id"\?$/ }],
    },
    {
      name: 'awscc: schema as a list attribute',
      path: 'main.tf',
      text: `resource "awscc_cognito_user_pool" "pool" {
  schema = [{ name = "tenant_id", attribute_data_type = "String" }]
}
resource "awscc_cognito_user_pool_client" "web" {
  client_name     = "web"
  user_pool_id    = awscc_cognito_user_pool.pool.user_pool_id
  read_attributes = ["custom:tenant_id", «"custom:tennant_id"»]
}
`,
    },
  ],
});
