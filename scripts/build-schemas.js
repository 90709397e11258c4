#!/usr/bin/env node
// Regenerates schemas/*.json from the API constraints in ../shared/spec/api-constraints.json.
// The schemas are committed: the product never reads ../shared at run time.
// Usage: node scripts/build-schemas.js [path/to/api-constraints.json]
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const source = process.argv[2] || path.join(__dirname, '..', '..', 'shared', 'spec', 'api-constraints.json');
const constraints = JSON.parse(fs.readFileSync(source, 'utf8'));
const { CreateUserPoolClientRequest: create, UpdateUserPoolClientRequest: update } = constraints.json_schema;
const clone = (value) => JSON.parse(JSON.stringify(value));

function withId(id, title, schema) {
  const { $schema, ...rest } = schema;
  return { $schema, $id: `https://cognito-lint.dev/schemas/${id}.json`, title, ...rest };
}

// DescribeUserPoolClient / Create / Update output (UserPoolClientType): no GenerateSecret, adds the
// output-only members, nothing required.
const description = clone(create);
delete description.properties.GenerateSecret;
description.properties.ClientId = clone(update.properties.ClientId);
description.properties.ClientSecret = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\w+]+$' };
description.properties.CreationDate = { type: ['number', 'string'] };
description.properties.LastModifiedDate = { type: ['number', 'string'] };
description.properties.ClientType = { type: 'string', enum: ['REGULAR', 'DCR'] };
description.required = [];

// AWS::Cognito::UserPoolClient Properties: ClientSecret and ClientId are read-only attributes, ClientName
// is optional (CloudFormation generates one) and RefreshTokenValidity starts at 1.
const cloudformation = clone(create);
delete cloudformation.properties.ClientSecret;
cloudformation.properties.RefreshTokenValidity.minimum = 1;
cloudformation.required = ['UserPoolId'];

// Terraform aws_cognito_user_pool_client (terraform-provider-aws): `name` (ClientName) and `user_pool_id`
// are required, and it cannot set a ClientSecret. awscc_cognito_user_pool_client follows the
// CloudFormation resource schema and uses the CloudFormation schema above.
const terraform = clone(create);
delete terraform.properties.ClientSecret;
terraform.required = ['UserPoolId', 'ClientName'];

// aws_cognito_managed_user_pool_client: the same arguments, but the client (and its name) belongs to the
// service that created it; Terraform finds it by name_prefix or name_pattern.
const terraformManaged = clone(terraform);
terraformManaged.required = ['UserPoolId'];

const outputs = {
  'create-user-pool-client-request': ['CreateUserPoolClient request', create],
  'update-user-pool-client-request': ['UpdateUserPoolClient request', update],
  'user-pool-client': ['UserPoolClientType (Describe/Create/Update output)', description],
  'cloudformation-user-pool-client': ['AWS::Cognito::UserPoolClient Properties (normalized values)', cloudformation],
  'terraform-user-pool-client': ['Terraform aws_cognito_user_pool_client (normalized to API names)', terraform],
  'terraform-managed-user-pool-client': ['Terraform aws_cognito_managed_user_pool_client (normalized to API names)', terraformManaged],
};
for (const [id, [title, schema]] of Object.entries(outputs)) {
  const file = path.join(__dirname, '..', 'schemas', `${id}.json`);
  fs.writeFileSync(file, JSON.stringify(withId(id, title, schema), null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
