// The Cognito resources of one Terraform module (user pools, resource servers, identity providers) that
// pool-aware rules read, and what a client's `user_pool_id` refers to (FORMATS.md, "Pool-aware facts").
import type { PoolKey, ResourceIndex, ResourceServerInfo, UserPoolInfo, Value } from '../../model';
import type { SourceFile } from '../../source';
import type { HclAttribute, HclBlock, HclExpr } from '../../parse/hcl';
import { IDENTITY_PROVIDER_TYPES, RESOURCE_SERVER_TYPES, USER_POOL_TYPES, referencedPool } from '../terraform-names';
import { ABSENT, NO_ITERATION, canonicalExpression, type Folder } from './folder';

/** What a `user_pool_id` expression refers to: `pool:<address>` for a user pool of the module, else its text. */
export function poolKeyOf(file: SourceFile, expr: HclExpr | undefined): PoolKey | undefined {
  const text = canonicalExpression(file, expr);
  if (text === undefined) return undefined;
  const pool = referencedPool(text);
  return pool === undefined ? text : `pool:${pool}`;
}

const indexes = new WeakMap<Folder, ResourceIndex>();

/** The index of the folder's module directory, with its frame's inputs; built once per folder. */
export function resourceIndexOf(folder: Folder): ResourceIndex {
  const cached = indexes.get(folder);
  if (cached) return cached;
  const index: ResourceIndex = { pools: new Map(), resourceServers: [], identityProviders: [] };
  for (const tf of folder.frame.directory.all()) {
    for (const block of tf.body.blocks) {
      const type = block.type === 'resource' ? block.labels[0]?.value : undefined;
      if (type === undefined) continue;
      const attribute = (name: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === name);
      if (USER_POOL_TYPES.has(type)) {
        const name = `${type}.${block.labels[1]?.value ?? ''}`;
        index.pools.set(`pool:${name}`, userPool(folder, block, tf.file, name));
      } else if (RESOURCE_SERVER_TYPES.has(type)) {
        index.resourceServers.push(resourceServer(folder, block, tf.file));
      } else if (IDENTITY_PROVIDER_TYPES.has(type)) {
        const pool = poolKeyOf(tf.file, attribute('user_pool_id')?.expr);
        const nameExpr = attribute('provider_name')?.expr;
        if (!attribute('for_each') && !attribute('count')) {
          index.identityProviders.push({ pool, name: folder.knownString(nameExpr, tf.file) });
          continue;
        }
        // One provider per instance of a known `for_each`/`count`; otherwise one whose name is not known.
        const instances = folder.instances(block.body, tf.file, NO_ITERATION);
        for (const instance of instances ?? [undefined]) {
          const name = instance && nameExpr ? folder.fold(nameExpr, tf.file, instance.iteration) : ABSENT;
          index.identityProviders.push({ pool, name: name !== ABSENT && name.kind === 'scalar' && typeof name.value === 'string' ? name.value : undefined });
        }
      }
    }
  }
  indexes.set(folder, index);
  return index;
}

/** aws: `user_pool_tier` and `schema { name = ... }` blocks (or dynamic ones); awscc: `schema = [{ name = ... }]`. */
function userPool(folder: Folder, block: HclBlock, file: SourceFile, name: string): UserPoolInfo {
  const attribute = (attributeName: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === attributeName);
  const tierExpr = attribute('user_pool_tier')?.expr;
  const tier = tierExpr ? folder.fold(tierExpr, file, NO_ITERATION) : ABSENT;
  const schemaObjects: Value[] = [];
  let known = true;
  const schemaAttribute = attribute('schema');
  if (schemaAttribute) {
    const list = folder.fold(schemaAttribute.expr, file, NO_ITERATION);
    if (list !== ABSENT && list.kind === 'list') schemaObjects.push(...list.items);
    else if (list !== ABSENT) known = false;
  }
  for (const nested of block.body.blocks) {
    if (nested.type === 'schema') schemaObjects.push(folder.blockObject(nested.body, file, NO_ITERATION, undefined, nested));
    else if (nested.type === 'dynamic' && nested.labels[0]?.value === 'schema') {
      const objects = folder.dynamicObjects(nested, file, NO_ITERATION, undefined);
      if (objects) schemaObjects.push(...objects);
      else known = false;
    }
  }
  const schemaAttributes: string[] = [];
  for (const item of schemaObjects) {
    const attributeName = item.kind === 'object' ? item.members.get('name')?.value : undefined;
    if (attributeName?.kind !== 'scalar' || typeof attributeName.value !== 'string') known = false;
    else schemaAttributes.push(attributeName.value);
  }
  return { name, schemaAttributes: known ? schemaAttributes : undefined, tier: tier !== ABSENT && tier.kind === 'scalar' && typeof tier.value === 'string' ? tier : undefined };
}

/** aws: `scope { scope_name = ... }` blocks (or dynamic ones); awscc: `scopes = [{ scope_name = ... }]`. */
function resourceServer(folder: Folder, block: HclBlock, file: SourceFile): ResourceServerInfo {
  const attribute = (name: string): HclAttribute | undefined => block.body.attributes.find((a) => a.name === name);
  const pool = poolKeyOf(file, attribute('user_pool_id')?.expr);
  const identifier = folder.knownString(attribute('identifier')?.expr, file);
  if (identifier === undefined) return { pool, scopes: undefined };
  const scopeObjects: Value[] = [];
  const scopesAttribute = attribute('scopes');
  if (scopesAttribute) {
    const list = folder.fold(scopesAttribute.expr, file, NO_ITERATION);
    if (list === ABSENT) return { pool, scopes: [] };
    if (list.kind !== 'list') return { pool, scopes: undefined };
    scopeObjects.push(...list.items);
  }
  for (const scope of block.body.blocks) {
    if (scope.type === 'scope') scopeObjects.push(folder.blockObject(scope.body, file, NO_ITERATION, undefined, scope));
    else if (scope.type === 'dynamic' && scope.labels[0]?.value === 'scope') {
      const objects = folder.dynamicObjects(scope, file, NO_ITERATION, undefined);
      if (!objects) return { pool, scopes: undefined };
      scopeObjects.push(...objects);
    }
  }
  const scopes: string[] = [];
  for (const scope of scopeObjects) {
    const name = scope.kind === 'object' ? scope.members.get('scope_name')?.value : undefined;
    if (name?.kind !== 'scalar' || typeof name.value !== 'string') return { pool, scopes: undefined };
    scopes.push(`${identifier}/${name.value}`);
  }
  return { pool, scopes };
}
