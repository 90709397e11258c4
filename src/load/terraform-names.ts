// Terraform attribute names of the app client resources and their API member names (FORMATS.md, Names).
import { mappedSpelling, terraformUnset, type Spelling } from '../message';
import type { ClientKind } from '../model';
import { lookupTable } from '../lookup';

/** `aws-managed`: the client a service such as OpenSearch creates, adopted with `aws_cognito_managed_user_pool_client`. */
export type TerraformDialect = 'aws' | 'aws-managed' | 'awscc';

/** The extensions of Terraform's HCL files. */
export const TERRAFORM_EXTENSIONS = ['tf', 'tofu', 'tf.json', 'tofu.json'] as const;

export const CLIENT_RESOURCE_TYPES = lookupTable<TerraformDialect>({
  aws_cognito_user_pool_client: 'aws',
  aws_cognito_managed_user_pool_client: 'aws-managed',
  awscc_cognito_user_pool_client: 'awscc',
});

/** The resources around a client that pool-aware rules read (FORMATS.md, "Pool-aware facts"), in both providers. */
export const USER_POOL_TYPES: ReadonlySet<string> = new Set(['aws_cognito_user_pool', 'awscc_cognito_user_pool']);
export const RESOURCE_SERVER_TYPES: ReadonlySet<string> = new Set(['aws_cognito_resource_server', 'awscc_cognito_user_pool_resource_server']);
export const IDENTITY_PROVIDER_TYPES: ReadonlySet<string> = new Set(['aws_cognito_identity_provider', 'awscc_cognito_user_pool_identity_provider']);

/** The attribute of these resources a reference reads as a name: `aws_cognito_identity_provider.okta.provider_name`. */
export const NAME_ATTRIBUTES: Readonly<Record<string, string>> = lookupTable({
  aws_cognito_resource_server: 'identifier',
  awscc_cognito_user_pool_resource_server: 'identifier',
  aws_cognito_identity_provider: 'provider_name',
  awscc_cognito_user_pool_identity_provider: 'provider_name',
});

/**
 * `aws_cognito_user_pool.pool.id` (also `awscc_...user_pool_id` and Terraform 0.11's `"${...}"`), written
 * without blanks: the address of the user pool it refers to.
 */
export function referencedPool(expression: string): string | undefined {
  const match = /^(?:"\$\{)?((?:aws|awscc)_cognito_user_pool\.[A-Za-z_][\w-]*)\.(?:id|user_pool_id)(?:\}")?$/.exec(expression);
  return match !== null && USER_POOL_TYPES.has(match[1]!.split('.')[0]!) ? match[1] : undefined;
}

const SHARED = {
  user_pool_id: 'UserPoolId',
  generate_secret: 'GenerateSecret',
  default_redirect_uri: 'DefaultRedirectURI',
  explicit_auth_flows: 'ExplicitAuthFlows',
  supported_identity_providers: 'SupportedIdentityProviders',
  read_attributes: 'ReadAttributes',
  write_attributes: 'WriteAttributes',
  prevent_user_existence_errors: 'PreventUserExistenceErrors',
  enable_token_revocation: 'EnableTokenRevocation',
  enable_propagate_additional_user_context_data: 'EnablePropagateAdditionalUserContextData',
  access_token_validity: 'AccessTokenValidity',
  id_token_validity: 'IdTokenValidity',
  refresh_token_validity: 'RefreshTokenValidity',
  token_validity_units: 'TokenValidityUnits',
  auth_session_validity: 'AuthSessionValidity',
  analytics_configuration: 'AnalyticsConfiguration',
  refresh_token_rotation: 'RefreshTokenRotation',
};

const AWS_NAMES = lookupTable({
  ...SHARED,
  name: 'ClientName',
  callback_urls: 'CallbackURLs',
  logout_urls: 'LogoutURLs',
  allowed_oauth_flows: 'AllowedOAuthFlows',
  allowed_oauth_scopes: 'AllowedOAuthScopes',
  allowed_oauth_flows_user_pool_client: 'AllowedOAuthFlowsUserPoolClient',
});

/** Top-level attribute (or block) name -> API member name, per provider. */
export const ATTRIBUTE_NAMES: Record<TerraformDialect, Readonly<Record<string, string>>> = {
  aws: AWS_NAMES,
  // The managed client takes the same arguments; its name is the service's, found by name_prefix or name_pattern.
  'aws-managed': AWS_NAMES,
  awscc: lookupTable({
    ...SHARED,
    client_name: 'ClientName',
    callback_ur_ls: 'CallbackURLs',
    logout_ur_ls: 'LogoutURLs',
    allowed_o_auth_flows: 'AllowedOAuthFlows',
    allowed_o_auth_scopes: 'AllowedOAuthScopes',
    allowed_o_auth_flows_user_pool_client: 'AllowedOAuthFlowsUserPoolClient',
  }),
};

/** Keys of the nested blocks (`aws`) or object attributes (`awscc`), by API member. */
export const NESTED_NAMES = lookupTable({
  TokenValidityUnits: lookupTable({ access_token: 'AccessToken', id_token: 'IdToken', refresh_token: 'RefreshToken' }),
  AnalyticsConfiguration: lookupTable({ application_id: 'ApplicationId', application_arn: 'ApplicationArn', role_arn: 'RoleArn', external_id: 'ExternalId', user_data_shared: 'UserDataShared' }),
  RefreshTokenRotation: lookupTable({ feature: 'Feature', retry_grace_period_seconds: 'RetryGracePeriodSeconds' }),
});

/**
 * Arguments that are not client settings: Terraform meta-arguments, the provider's `region`, and what
 * only the provider computes (read back in plan JSON).
 */
export const IGNORED_ATTRIBUTES: Record<TerraformDialect, ReadonlySet<string>> = {
  aws: new Set(['count', 'for_each', 'provider', 'depends_on', 'region', 'id', 'client_secret', 'timeouts']),
  'aws-managed': new Set(['count', 'for_each', 'provider', 'depends_on', 'region', 'id', 'client_secret', 'timeouts', 'name_prefix', 'name_pattern']),
  awscc: new Set(['count', 'for_each', 'provider', 'depends_on', 'id', 'client_id', 'client_secret', 'name']),
};
/** Blocks that are not client settings. */
export const IGNORED_BLOCKS: ReadonlySet<string> = new Set(['lifecycle', 'timeouts', 'provisioner', 'connection']);

const MEMBER_NAMES: Record<TerraformDialect, ReadonlyMap<string, string>> = { aws: memberNames('aws'), 'aws-managed': memberNames('aws-managed'), awscc: memberNames('awscc') };

/** `set prevent_user_existence_errors = "ENABLED"`: strings quoted; booleans, numbers and JSON lists (`["A"]`, HCL's own syntax) bare. */
function hclAssignment(name: string, value: string): string {
  return `${name} = ${/^(true|false|\d+|\[.*\])$/s.test(value) ? value : `"${value}"`}`;
}
/** The provider's optional+computed arguments keep an existing client's value when they are left out. */
const TERRAFORM_OMITTED = { unset: terraformUnset, removalRestoresDefault: false };
const SPELLINGS = Object.fromEntries(Object.entries(MEMBER_NAMES).map(([dialect, names]) => [dialect, mappedSpelling(names, hclAssignment, TERRAFORM_OMITTED)])) as Record<TerraformDialect, Spelling>;

/** The client kind (and so the schema) of each resource type's clients. */
export const TERRAFORM_CLIENT_KINDS: Record<TerraformDialect, ClientKind> = { aws: 'terraform', 'aws-managed': 'terraform-managed', awscc: 'terraform-awscc' };

/** API member paths as Terraform spells them, e.g. `TokenValidityUnits.AccessToken` -> `token_validity_units.access_token`. */
export function terraformSpelling(dialect: TerraformDialect): Spelling {
  return SPELLINGS[dialect];
}

function memberNames(dialect: TerraformDialect): Map<string, string> {
  const names = new Map<string, string>();
  for (const [hcl, api] of Object.entries(ATTRIBUTE_NAMES[dialect])) {
    names.set(api, hcl);
    for (const [nestedHcl, nestedApi] of Object.entries(NESTED_NAMES[api] ?? {})) names.set(`${api}.${nestedApi}`, `${hcl}.${nestedHcl}`);
  }
  return names;
}
