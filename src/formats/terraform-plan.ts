// Terraform plan JSON (`terraform show -json plan.out`): `change.after` of each client resource.
import type { DocumentDialect } from './dialect';
import type { MappingNode, SyntaxNode } from '../parse/syntax';
import { isTerraformPlan, loadTerraformPlan } from '../load/terraform-plan';
import { TERRAFORM_KINDS } from './terraform';

export const terraformPlan: DocumentDialect = {
  id: 'terraform-plan',
  description: 'Terraform plan JSON (`terraform show -json plan.out`): `format_version` with `resource_changes` / `planned_values`',
  syntax: 'document',
  extensions: ['json'],
  words: ['user_pool_client'],
  kinds: TERRAFORM_KINDS,
  recognises: (root: SyntaxNode): root is MappingNode => isTerraformPlan(root),
  load: (file, root) => ({ clients: loadTerraformPlan(file, root) }),
};
