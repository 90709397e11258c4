// Terraform HCL (.tf): client resources, with values folded from the module directory and the clients
// that module calls create (src/load/terraform.ts, src/load/terraform/). Parsed with the tree-sitter HCL
// grammar.
import type { FileDialect, ClientKindInfo } from './dialect';
import type { ClientKind } from '../model';
import { loadTerraform } from '../load/terraform';
import { moduleCallsMayReachClient } from '../load/terraform/reach';
import { loadHclParser } from '../parse/hcl';
import { TERRAFORM_EXTENSIONS } from '../load/terraform-names';

export const TERRAFORM_KINDS: Partial<Record<ClientKind, ClientKindInfo>> = {
  terraform: { schemaId: 'terraform-user-pool-client', what: 'aws_cognito_user_pool_client' },
  'terraform-managed': { schemaId: 'terraform-managed-user-pool-client', what: 'aws_cognito_managed_user_pool_client' },
  // awscc is the CloudFormation resource through Cloud Control: CloudFormation's constraints.
  'terraform-awscc': { schemaId: 'cloudformation-user-pool-client', what: 'awscc_cognito_user_pool_client' },
};

export const terraform: FileDialect = {
  id: 'terraform',
  description: 'Terraform and OpenTofu `.tf`/`.tofu` and their JSON syntax `.tf.json`/`.tofu.json` (CDK for Terraform `cdk.tf.json`): `aws_cognito_user_pool_client`, `aws_cognito_managed_user_pool_client` and `awscc_cognito_user_pool_client` resources, and module calls',
  syntax: 'file',
  extensions: TERRAFORM_EXTENSIONS,
  words: ['user_pool_client'],
  mayHoldOtherwise: moduleCallsMayReachClient,
  kinds: TERRAFORM_KINDS,
  init: loadHclParser,
  load: loadTerraform,
};
