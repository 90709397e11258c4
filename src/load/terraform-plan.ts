// Terraform plan JSON (`terraform show -json plan.out`): the clients a plan creates or keeps, from
// `resource_changes[].change.after` (values resolved by Terraform), and those only in `planned_values`.
// Positions point at the values in the JSON. Values Terraform knows only after apply (`after_unknown`)
// are unknown; `null` means not set.
import type { AppClient, Member, ObjectValue, ResourceIndex, ResourceServerInfo, UserPoolInfo, Value } from '../model';
import type { SourceFile } from '../source';
import { getPair, getValue, scalarString, type MappingNode, type SyntaxNode } from '../parse/syntax';
import { coerceTemplateScalars } from './coerce';
import { TERRAFORM_CLIENT_KINDS, ATTRIBUTE_NAMES, CLIENT_RESOURCE_TYPES, IDENTITY_PROVIDER_TYPES, IGNORED_ATTRIBUTES, NESTED_NAMES, RESOURCE_SERVER_TYPES, USER_POOL_TYPES, referencedPool, terraformSpelling } from './terraform-names';
import { plainValue, spanOf } from './values';

/** `format_version` with `resource_changes` or `planned_values`. */
export function isTerraformPlan(root: SyntaxNode | undefined): root is MappingNode {
  return !!root && root.type === 'mapping' && !!getPair(root, 'format_version') && (getValue(root, 'resource_changes')?.type === 'sequence' || getValue(root, 'planned_values')?.type === 'mapping');
}

interface PlannedResource {
  type: string;
  address: SyntaxNode;
  extent: SyntaxNode;
  values: MappingNode;
  unknown: SyntaxNode | undefined;
}

export function loadTerraformPlan(file: SourceFile, root: MappingNode): AppClient[] {
  const resources: PlannedResource[] = [];
  const seen = new Set<string>();
  const changes = getValue(root, 'resource_changes');
  for (const change of changes?.type === 'sequence' ? changes.items : []) {
    const type = scalarString(getValue(change, 'type'));
    const address = getValue(change, 'address');
    const after = getValue(getValue(change, 'change'), 'after');
    if (!type || !address || scalarString(getValue(change, 'mode')) === 'data') continue;
    seen.add(String(scalarString(address)));
    // A resource being deleted has no `after`.
    if (after?.type !== 'mapping') continue;
    resources.push({ type, address, extent: change, values: after, unknown: getValue(getValue(change, 'change'), 'after_unknown') });
  }
  // planned_values repeats what resource_changes says; only what it alone has is added.
  const stack: Array<SyntaxNode | undefined> = [getValue(getValue(root, 'planned_values'), 'root_module')];
  while (stack.length > 0) {
    const module = stack.pop();
    if (module?.type !== 'mapping') continue;
    const list = getValue(module, 'resources');
    for (const resource of list?.type === 'sequence' ? list.items : []) {
      const type = scalarString(getValue(resource, 'type'));
      const address = getValue(resource, 'address');
      const values = getValue(resource, 'values');
      if (!type || !address || values?.type !== 'mapping' || seen.has(String(scalarString(address))) || scalarString(getValue(resource, 'mode')) === 'data') continue;
      seen.add(String(scalarString(address)));
      resources.push({ type, address, extent: resource, values, unknown: undefined });
    }
    const children = getValue(module, 'child_modules');
    if (children?.type === 'sequence') stack.push(...children.items);
  }

  const configured = configuredPools(root);
  const poolOf = (resource: PlannedResource): string | undefined => poolKey(planValue(file, resource.values, 'user_pool_id')) ?? configured.get(withoutInstanceKeys(resource));
  let index: ResourceIndex | undefined;
  const resourceIndex = (): ResourceIndex => (index ??= planIndex(file, resources, poolOf));
  const clients: AppClient[] = [];
  for (const resource of resources) {
    const dialect = CLIENT_RESOURCE_TYPES[resource.type];
    if (!dialect) continue;
    const names = ATTRIBUTE_NAMES[dialect];
    const ignored = IGNORED_ATTRIBUTES[dialect];
    const members = new Map<string, Member>();
    let secret: Member | undefined;
    for (const pair of resource.values.pairs) {
      // The provider computes client_secret (no setting), but a plan shows it in clear: a credential in the file.
      if (pair.keyText === 'client_secret' && pair.value.type === 'scalar' && typeof pair.value.value === 'string' && pair.value.value !== '') {
        secret = { name: 'ClientSecret', keySpan: spanOf(file, pair.key), value: { kind: 'scalar', value: pair.value.value, span: spanOf(file, pair.value) } };
      }
      if (ignored.has(pair.keyText)) continue;
      const name = names[pair.keyText] ?? pair.keyText;
      const value = normalize(plainValue(file, pair.value), NESTED_NAMES[name]);
      if (value) members.set(name, { name, keySpan: spanOf(file, pair.key), value });
    }
    // Known only after apply: present but not known.
    if (resource.unknown?.type === 'mapping') {
      for (const pair of resource.unknown.pairs) {
        if (ignored.has(pair.keyText) || !containsTrue(pair.value)) continue;
        const name = names[pair.keyText] ?? pair.keyText;
        members.set(name, { name, keySpan: spanOf(file, pair.key), value: { kind: 'unknown', reason: 'known after apply', span: spanOf(file, pair.value) } });
      }
    }
    const properties: ObjectValue = { kind: 'object', members, span: spanOf(file, resource.values) };
    coerceTemplateScalars(properties);
    clients.push({
      kind: TERRAFORM_CLIENT_KINDS[dialect],
      file,
      name: String(scalarString(resource.address)),
      nameSpan: spanOf(file, resource.address),
      extent: spanOf(file, resource.extent),
      properties,
      userPool: poolOf(resource),
      resources: resourceIndex,
      spelling: terraformSpelling(dialect),
      ...(secret ? { secret } : {}),
    });
  }
  return clients;
}

/**
 * What the provider writes for an optional, computed argument the configuration leaves unset: `null`,
 * and in plan JSON and state also `0`, `""`, `[]` and `{}` (its acceptance tests show
 * `access_token_validity "0"` on a client created without it). All mean "not set": the API default
 * applies (FORMATS.md, "Terraform unset placeholders").
 */
function isUnsetPlaceholder(value: Value): boolean {
  if (value.kind === 'scalar') return value.value === null || value.value === 0 || value.value === '';
  if (value.kind === 'list') return value.items.length === 0;
  return value.kind === 'object' && value.members.size === 0;
}

/**
 * Plan values to the client's shape: unset placeholders are not set; a nested block is a list of at
 * most one object (empty: not set); its keys, and those of awscc's objects, get their API names.
 */
function normalize(value: Value, nested: Record<string, string> | undefined): Value | undefined {
  if (isUnsetPlaceholder(value)) return undefined;
  if (!nested) return value;
  let object: Value | undefined = value;
  if (value.kind === 'list') {
    if (value.items.length === 0) return undefined;
    object = value.items.length === 1 ? value.items[0] : { kind: 'unknown', reason: 'several blocks', span: value.span };
  }
  if (object?.kind !== 'object') return object;
  if (isUnsetPlaceholder(object)) return undefined;
  const members = new Map<string, Member>();
  for (const member of object.members.values()) {
    if (isUnsetPlaceholder(member.value)) continue;
    const name = nested[member.name] ?? member.name;
    members.set(name, { ...member, name });
  }
  return { ...object, members };
}

function containsTrue(node: SyntaxNode): boolean {
  if (node.type === 'scalar') return node.value === true;
  if (node.type === 'sequence') return node.items.some(containsTrue);
  return node.pairs.some((pair) => containsTrue(pair.value));
}

/**
 * A plan ties resources by the pool id's value when the pool already exists (its `id`, written in every
 * resource that refers to it); for a pool the plan creates, by the reference in `configuration`.
 */
function poolKey(value: Value | undefined): string | undefined {
  return value?.kind === 'scalar' && typeof value.value === 'string' && value.value !== '' ? `id:${value.value}` : undefined;
}

/** `module.a.aws_cognito_user_pool_client.web["x"]` -> `module.a.aws_cognito_user_pool_client.web`: its address in `configuration`. */
function withoutInstanceKeys(resource: PlannedResource): string {
  return String(scalarString(resource.address)).replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, '');
}

/**
 * From `configuration` (module calls included): each resource whose `user_pool_id` expression refers to
 * a user pool of its module, by address, to `pool:<the pool's address>`.
 */
function configuredPools(root: MappingNode): Map<string, string> {
  const pools = new Map<string, string>();
  const stack: Array<{ module: SyntaxNode | undefined; prefix: string }> = [{ module: getValue(getValue(root, 'configuration'), 'root_module'), prefix: '' }];
  while (stack.length > 0) {
    const { module, prefix } = stack.pop()!;
    const resources = getValue(module, 'resources');
    for (const resource of resources?.type === 'sequence' ? resources.items : []) {
      const address = scalarString(getValue(resource, 'address'));
      const references = getValue(getValue(getValue(resource, 'expressions'), 'user_pool_id'), 'references');
      const pool = (references?.type === 'sequence' ? references.items : []).map((reference) => referencedPool(scalarString(reference) ?? '')).find((found) => found !== undefined);
      if (address !== undefined && pool !== undefined) pools.set(prefix + address, `pool:${prefix}${pool}`);
    }
    const calls = getValue(module, 'module_calls');
    for (const call of calls?.type === 'mapping' ? calls.pairs : []) stack.push({ module: getValue(call.value, 'module'), prefix: `${prefix}module.${call.keyText}.` });
  }
  return pools;
}

function planValue(file: SourceFile, values: MappingNode, name: string): Value | undefined {
  const node = getValue(values, name);
  return node ? plainValue(file, node) : undefined;
}

/** The plan's user pools (by id), resource servers and identity providers, for the pool-aware rules. */
function planIndex(file: SourceFile, resources: readonly PlannedResource[], poolOf: (resource: PlannedResource) => string | undefined): ResourceIndex {
  const index: ResourceIndex = { pools: new Map(), resourceServers: [], identityProviders: [] };
  for (const resource of resources) {
    if (USER_POOL_TYPES.has(resource.type)) {
      const pool = userPool(file, resource);
      const id = poolKey(planValue(file, resource.values, 'id'));
      if (id !== undefined) index.pools.set(id, pool);
      index.pools.set(`pool:${pool.name}`, pool);
    } else if (RESOURCE_SERVER_TYPES.has(resource.type)) index.resourceServers.push({ ...resourceServer(file, resource), pool: poolOf(resource) });
    else if (IDENTITY_PROVIDER_TYPES.has(resource.type)) index.identityProviders.push({ pool: poolOf(resource), name: scalarString(getValue(resource.values, 'provider_name')) });
  }
  return index;
}

function userPool(file: SourceFile, resource: PlannedResource): UserPoolInfo {
  const tier = planValue(file, resource.values, 'user_pool_tier');
  const schema = getValue(resource.values, 'schema');
  let schemaAttributes: string[] | undefined = [];
  for (const attribute of schema?.type === 'sequence' ? schema.items : []) {
    const name = scalarString(getValue(attribute, 'name'));
    if (name === undefined) schemaAttributes = undefined;
    else schemaAttributes?.push(name);
  }
  if (schema && schema.type !== 'sequence' && !(schema.type === 'scalar' && schema.value === null)) schemaAttributes = undefined;
  return { name: String(scalarString(resource.address)), schemaAttributes, tier: tier?.kind === 'scalar' && typeof tier.value === 'string' && tier.value !== '' ? tier : undefined };
}

function resourceServer(file: SourceFile, resource: PlannedResource): ResourceServerInfo {
  const values = resource.values;
  const pool = poolKey(planValue(file, values, 'user_pool_id'));
  const identifier = scalarString(getValue(values, 'identifier'));
  if (identifier === undefined) return { pool, scopes: undefined };
  const list = getValue(values, 'scope') ?? getValue(values, 'scopes');
  const scopes: string[] = [];
  for (const scope of list?.type === 'sequence' ? list.items : []) {
    const name = scalarString(getValue(scope, 'scope_name'));
    if (name === undefined) return { pool, scopes: undefined };
    scopes.push(`${identifier}/${name}`);
  }
  return { pool, scopes };
}
