// CloudFormation-family templates (CloudFormation JSON/YAML, SAM, CDK synth output, Serverless) to
// normalized clients. Intrinsic functions are folded where the template itself decides the value;
// everything else becomes an unknown value, on which no rule ever reports.
import type { AppClient, MetadataSuppression, ObjectValue, PoolKey, ResourceIndex, StructureProblem, UserPoolInfo, Value } from '../model';
import type { SourceFile } from '../source';
import { getPair, getValue, scalarString, type MappingNode, type PairNode, type SyntaxNode } from '../parse/syntax';
import { closestName } from '../text';
import { canonicalText, spanOf } from './values';
import { coerceTemplateScalars } from './coerce';
import { EvaluationBudget, type Overrun } from './budget';
import { HOLE, holeMapping, holeValue, writtenKey } from './template-holes';

export const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
const RESOURCE_SERVER_TYPE = 'AWS::Cognito::UserPoolResourceServer';
const USER_POOL_TYPE = 'AWS::Cognito::UserPool';
const IDENTITY_PROVIDER_TYPE = 'AWS::Cognito::UserPoolIdentityProvider';
/** What `Ref` returns for these resources: the property that names them (the resource types' "Return values"). */
const REF_PROPERTIES: Record<string, string> = { [RESOURCE_SERVER_TYPE]: 'Identifier', [IDENTITY_PROVIDER_TYPE]: 'ProviderName' };
/** Above this many Fn::If / Fn::FindInMap variants of one client, the rest are treated as unknown instead of expanded. */
const MAX_VARIANTS = 64;
/** Above this many independent conditions in one client, `Fn::If` is treated as unknown instead of expanded. */
const MAX_EXPANDED_CONDITIONS = 6;

/** `AWS::NoValue`: the member or list item is absent. */
const ABSENT = Symbol('absent');
type Folded = Value | typeof ABSENT;

interface Template {
  file: SourceFile;
  root: MappingNode;
  parameters: Map<string, MappingNode>;
  /**
   * What `Ref` returns for a resource server (its `Identifier`) or an identity provider (its
   * `ProviderName`), by logical id, as written.
   */
  refProperties: Map<string, SyntaxNode | undefined>;
  /** Logical ids of the AWS::Cognito::UserPool resources. */
  pools: Set<string>;
  /** The file's evaluation budget, shared by every template and Fn::If variant in it. */
  budget: EvaluationBudget;
}

/** True when the node looks like a template (has a `Resources` mapping). */
export function isTemplate(root: SyntaxNode | undefined): root is MappingNode {
  return !!root && root.type === 'mapping' && getValue(root, 'Resources')?.type === 'mapping';
}

/** The template-shaped mappings inside a serverless.yml: `resources` as a mapping or a list of them. */
export function serverlessTemplates(root: SyntaxNode | undefined): MappingNode[] {
  const resources = getValue(root, 'resources');
  if (!resources) return [];
  const candidates = resources.type === 'sequence' ? resources.items : [resources];
  return candidates.filter(isTemplate);
}

/**
 * Serverless merges the items of a `resources` list into one stack, so a client may refer to a pool of
 * another item: one template whose sections (`Resources`, `Parameters`, ...) hold every item's entries.
 */
export function mergeTemplates(templates: readonly MappingNode[]): MappingNode {
  if (templates.length === 1) return templates[0]!;
  const sections = new Map<string, { first: PairNode; pairs: PairNode[] }>();
  for (const template of templates) {
    for (const pair of template.pairs) {
      const section = sections.get(pair.keyText);
      if (!section) sections.set(pair.keyText, { first: pair, pairs: pair.value.type === 'mapping' ? [...pair.value.pairs] : [] });
      else if (pair.value.type === 'mapping' && section.first.value.type === 'mapping') section.pairs.push(...pair.value.pairs);
    }
  }
  const pairs = [...sections.values()].map(({ first, pairs: merged }): PairNode => (first.value.type === 'mapping' ? { ...first, value: { ...first.value, pairs: merged } } : first));
  return { type: 'mapping', pairs, start: templates[0]!.start, end: templates[templates.length - 1]!.end };
}

/** `budget` is the file's: a file may hold several templates (YAML documents, Serverless `resources`). */
export function loadTemplate(file: SourceFile, root: MappingNode, budget = new EvaluationBudget()): AppClient[] {
  const parametersNode = getValue(root, 'Parameters');
  const parameters = new Map<string, MappingNode>();
  if (parametersNode?.type === 'mapping') {
    for (const pair of parametersNode.pairs) if (pair.value.type === 'mapping') parameters.set(pair.keyText, pair.value);
  }
  const resources = getValue(root, 'Resources') as MappingNode;
  const template: Template = { file, root, parameters, refProperties: refProperties(resources), pools: resourcesOfType(resources, USER_POOL_TYPE), budget };
  let index: ResourceIndex | undefined;
  const resourceIndex = (): ResourceIndex => (index ??= buildIndex(template, resources));
  const settingsByClient = collectClientSettings(resources);
  const clients: AppClient[] = [];
  for (const pair of resources.pairs) {
    if (pair.value.type !== 'mapping' || scalarString(getValue(pair.value, 'Type')) !== CLIENT_TYPE) continue;
    const propertiesNode = getValue(pair.value, 'Properties');
    // `Propertes:`: the properties the user wrote are not where CloudFormation reads them, and not known
    // here either; the misspelt key is a structure problem, and no rule judges the empty client.
    if (!propertiesNode && misspeltResourceKeys(pair.value).length > 0) continue;
    const metadataSuppressions = readMetadataSuppressions(file, pair.value);
    // CDK synth marks every resource with its construct path; a hand-written template has no reason to.
    const cdk = getValue(getValue(pair.value, 'Metadata'), 'aws:cdk:path') !== undefined;
    const settings = settingsByClient.get(pair.keyText) ?? [];
    const nodes = [...(propertiesNode ? [propertiesNode] : []), ...settings.flatMap((applied) => applied.members.map((member) => member.value))];
    const conditions = settings.flatMap((applied) => (applied.condition === undefined ? [] : [applied.condition]));
    const before = clients.length;
    // The client exists only where its own Condition holds: inside it, `Fn::If` on it takes the true branch.
    const ownCondition = scalarString(getValue(pair.value, 'Condition'));
    for (const { conditions: assignment, keys } of variantsOf(template, nodes, conditions, ownCondition)) {
      const folder = new Folder(template, assignment, keys);
      const folded = propertiesNode ? folder.fold(propertiesNode) : ABSENT;
      const nameSpan = spanOf(file, pair.key);
      let properties: ObjectValue;
      if (folded === ABSENT) properties = { kind: 'object', members: new Map(), span: nameSpan };
      else if (folded.kind === 'object') properties = folded;
      else continue; // An intrinsic (unknown) or a list (see structureProblems): nothing the rules can read.
      for (const applied of settings) applySettings(file, folder, applied, assignment, properties);
      coerceTemplateScalars(properties);
      clients.push({
        kind: 'cloudformation',
        file,
        name: writtenKey(file, pair.key, pair.keyText),
        nameSpan,
        extent: spanOf(file, pair.value),
        properties,
        userPool: poolKeyOf(template, getValue(propertiesNode, 'UserPoolId'), assignment),
        resources: resourceIndex,
        ...(metadataSuppressions.length > 0 ? { metadataSuppressions } : {}),
        ...(assignment.size + keys.size > 0 ? { variant: describeVariant(assignment, keys) } : {}),
        ...(cdk ? { generator: 'cdk' as const } : {}),
      });
    }
    // The budget stopped before or while this resource was evaluated: one client not checked, whichever
    // of its Fn::If variants were made (an unknown Properties makes none).
    if (budget.stopped) {
      for (const client of clients.slice(before)) client.unchecked = true;
      budget.uncheckedClients++;
    }
  }
  return clients;
}

// ---- Client settings applied by a custom resource ------------------------------------------------

/**
 * A `Custom::` resource that sets members of a client of the same template (`UserPoolClientId: !Ref
 * Client`), as templates did before CloudFormation had the OAuth properties.
 */
interface ClientSettings {
  /** Its properties that are members of the client (API names); its own keys are not. */
  members: PairNode[];
  /** The resource's `Condition`: its members apply only when it holds. */
  condition: string | undefined;
}

/** The custom resource's own keys, never client members: the pool it finds the client in. */
const SETTINGS_OWN_KEYS = new Set(['ServiceToken', 'UserPoolId', 'UserPoolClientId']);

let clientMemberNames: Set<string> | undefined;

/** The members of AWS::Cognito::UserPoolClient, from its schema (API names). */
function isClientMember(name: string): boolean {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  clientMemberNames ??= new Set(Object.keys((require('../../schemas/cloudformation-user-pool-client.json') as { properties: object }).properties));
  return clientMemberNames.has(name) && !SETTINGS_OWN_KEYS.has(name);
}

/**
 * The custom resources that set client members, by the logical id of the client they name, in template
 * order. A custom resource whose properties name no member (a secret lookup, a handler with inputs of its
 * own) changes nothing the linter can know.
 */
function collectClientSettings(resources: MappingNode): Map<string, ClientSettings[]> {
  const byClient = new Map<string, ClientSettings[]>();
  for (const pair of resources.pairs) {
    const type = scalarString(getValue(pair.value, 'Type'));
    if (!type?.startsWith('Custom::') && type !== 'AWS::CloudFormation::CustomResource') continue;
    const properties = getValue(pair.value, 'Properties');
    const reference = getValue(properties, 'UserPoolClientId');
    // `!Ref Client` and `{"Ref": "Client"}` are the same node after parsing.
    const client = reference?.type === 'mapping' && reference.pairs.length === 1 ? scalarString(getValue(reference, 'Ref')) : undefined;
    if (client === undefined || properties?.type !== 'mapping') continue;
    const members = properties.pairs.filter((member) => isClientMember(member.keyText));
    if (members.length === 0) continue;
    const list = byClient.get(client) ?? [];
    list.push({ members, condition: scalarString(getValue(pair.value, 'Condition')) });
    byClient.set(client, list);
  }
  return byClient;
}

/**
 * The custom resource runs after the client exists, so at deploy time its value replaces the client's:
 * the member is judged as the custom resource sets it, and findings point there. `AWS::NoValue` passes
 * nothing to the custom resource, which then leaves the client's value.
 */
function applySettings(file: SourceFile, folder: Folder, settings: ClientSettings, assignment: Map<string, boolean>, properties: ObjectValue): void {
  if (settings.condition !== undefined && assignment.get(settings.condition) === false) return;
  for (const member of settings.members) {
    const value = folder.fold(member.value);
    if (value !== ABSENT) properties.members.set(member.keyText, { name: member.keyText, keySpan: spanOf(file, member.key), value });
  }
}

/**
 * The keys CloudFormation allows on a resource (the resource attribute reference), and `Description`,
 * which it tolerates and generators (CodeStar) write on every resource.
 */
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy', 'Description'];

/** Keys of a resource that are not resource attributes (`Propertes`), with the attribute each most likely means. */
function misspeltResourceKeys(resource: MappingNode): Array<{ key: PairNode; meant: string | undefined }> {
  return resource.pairs.filter((pair) => !RESOURCE_KEYS.includes(pair.keyText)).map((key) => ({ key, meant: closestName(key.keyText, RESOURCE_KEYS) }));
}

/**
 * A client resource whose `Type` key is misspelt (`Tpye: AWS::Cognito::UserPoolClient`): CloudFormation
 * rejects the template, and the resource is not read as a client.
 */
function misspeltTypeKey(resource: MappingNode): PairNode | undefined {
  if (getValue(resource, 'Type')) return undefined;
  return resource.pairs.find((pair) => scalarString(pair.value) === CLIENT_TYPE && closestName(pair.keyText, RESOURCE_KEYS) === 'Type');
}

/**
 * Client resources CloudFormation rejects and rules cannot read: `Properties` written as a list or a
 * scalar, and keys that are not resource attributes (a misspelt `Propertes` or `Type`).
 */
export function templateStructureProblems(file: SourceFile, root: MappingNode): StructureProblem[] {
  const problems: StructureProblem[] = [];
  for (const pair of (getValue(root, 'Resources') as MappingNode).pairs) {
    if (pair.value.type !== 'mapping') continue;
    const typeKey = misspeltTypeKey(pair.value);
    if (typeKey) {
      problems.push({ message: `"${typeKey.keyText}" is not a resource attribute; did you mean "Type"? As written, ${pair.keyText} has no Type and CloudFormation rejects the template. Rename it.`, span: spanOf(file, typeKey.key), client: pair.keyText });
      continue;
    }
    if (scalarString(getValue(pair.value, 'Type')) !== CLIENT_TYPE) continue;
    const propertiesWritten = getValue(pair.value, 'Properties') !== undefined;
    for (const { key, meant } of misspeltResourceKeys(pair.value)) {
      const suggestion = meant ? `; did you mean "${meant}"? Rename it.` : `; expected one of ${RESOURCE_KEYS.join(', ')}.`;
      const consequence = !propertiesWritten && meant === 'Properties' ? ' Its settings are not read until it is renamed.' : '';
      problems.push({ message: `"${key.keyText}" is not a resource attribute of ${CLIENT_TYPE}${suggestion}${consequence}`, span: spanOf(file, key.key), client: pair.keyText });
    }
    const properties = getValue(pair.value, 'Properties');
    if (!properties || properties.type === 'mapping' || (properties.type === 'scalar' && properties.value === null)) continue;
    const shape = properties.type === 'sequence' ? 'a list' : `the ${typeof (properties as { value: unknown }).value} ${JSON.stringify((properties as { value: unknown }).value)}`;
    problems.push({ message: `Properties of ${pair.keyText} is ${shape}; expected a mapping of AWS::Cognito::UserPoolClient properties. Write the properties as a mapping.`, span: spanOf(file, properties), client: pair.keyText });
  }
  return problems;
}

/** `Metadata: { cognito-lint: { ignore: [ { rule, reason, expires } ] } }` on the client resource. */
function readMetadataSuppressions(file: SourceFile, resource: MappingNode): MetadataSuppression[] {
  const entries = getValue(getValue(getValue(resource, 'Metadata'), 'cognito-lint'), 'ignore');
  if (entries?.type !== 'sequence') return [];
  return entries.items.map((entry) => ({
    rule: scalarString(getValue(entry, 'rule')),
    reason: scalarString(getValue(entry, 'reason')),
    expires: scalarText(getValue(entry, 'expires')),
    span: spanOf(file, entry),
  }));
}

/** A scalar as text: YAML reads an unquoted 2026-12-31 as a timestamp, which the parser keeps as written. */
function scalarText(node: SyntaxNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.value !== null ? String(node.value) : undefined;
}

function resourcesOfType(resources: MappingNode, type: string): Set<string> {
  const ids = new Set<string>();
  for (const pair of resources.pairs) if (pair.value.type === 'mapping' && scalarString(getValue(pair.value, 'Type')) === type) ids.add(pair.keyText);
  return ids;
}

function refProperties(resources: MappingNode): Map<string, SyntaxNode | undefined> {
  const values = new Map<string, SyntaxNode | undefined>();
  for (const pair of resources.pairs) {
    const property = pair.value.type === 'mapping' ? REF_PROPERTIES[scalarString(getValue(pair.value, 'Type')) ?? ''] : undefined;
    if (property !== undefined) values.set(pair.keyText, getValue(getValue(pair.value, 'Properties'), property));
  }
  return values;
}

/**
 * What a UserPoolId expression refers to (model.ts PoolKey): `Ref` or `Fn::GetAtt [Pool, UserPoolId]` of
 * a user pool of this template is that pool; `Fn::If` takes the branch of `assignment`.
 */
function poolKeyOf(template: Template, node: SyntaxNode | undefined, assignment: ReadonlyMap<string, boolean>): PoolKey | undefined {
  for (let depth = 0; node?.type === 'mapping' && node.pairs.length === 1 && node.pairs[0]!.keyText === 'Fn::If' && depth < 20; depth++) {
    const args = node.pairs[0]!.value;
    const chosen = args.type === 'sequence' && args.items.length === 3 ? assignment.get(scalarString(args.items[0]) ?? '') : undefined;
    if (chosen === undefined || args.type !== 'sequence') break;
    node = args.items[chosen ? 1 : 2];
  }
  if (!node) return undefined;
  const only = node.type === 'mapping' && node.pairs.length === 1 ? node.pairs[0]! : undefined;
  let target: string | undefined;
  if (only?.keyText === 'Ref') target = scalarString(only.value);
  else if (only?.keyText === 'Fn::GetAtt') {
    const args = only.value;
    const [resource, attribute] = args.type === 'sequence' ? args.items.map(scalarString) : (scalarString(args) ?? '').split('.');
    if (attribute === 'UserPoolId') target = resource;
  }
  return target !== undefined && template.pools.has(target) ? `pool:${target}` : canonicalText(node);
}

/** The template's user pools, resource servers and identity providers, for the pool-aware rules. */
function buildIndex(template: Template, resources: MappingNode): ResourceIndex {
  const index: ResourceIndex = { pools: new Map(), resourceServers: [], identityProviders: [] };
  const folder = new Folder(template, new Map());
  for (const pair of resources.pairs) {
    if (pair.value.type !== 'mapping') continue;
    const type = scalarString(getValue(pair.value, 'Type'));
    const properties = getValue(pair.value, 'Properties');
    // The resource's own Condition holds inside it.
    const condition = scalarString(getValue(pair.value, 'Condition'));
    const assignment = new Map<string, boolean>(condition === undefined ? [] : [[condition, true]]);
    const pool = (): PoolKey | undefined => poolKeyOf(template, getValue(properties, 'UserPoolId'), assignment);
    if (type === USER_POOL_TYPE) index.pools.set(`pool:${pair.keyText}`, userPool(new Folder(template, assignment), pair.keyText, properties));
    else if (type === RESOURCE_SERVER_TYPE) index.resourceServers.push({ pool: pool(), scopes: resourceServerScopes(folder, properties) });
    else if (type === IDENTITY_PROVIDER_TYPE) index.identityProviders.push({ pool: pool(), name: foldedString(folder, getValue(properties, 'ProviderName')) });
  }
  return index;
}

function userPool(folder: Folder, name: string, properties: SyntaxNode | undefined): UserPoolInfo {
  const tierNode = getValue(properties, 'UserPoolTier');
  const tier = tierNode ? folder.fold(tierNode) : ABSENT;
  const schemaNode = getValue(properties, 'Schema');
  const schema = schemaNode ? folder.fold(schemaNode) : ABSENT;
  let schemaAttributes: string[] | undefined = [];
  if (schema !== ABSENT) {
    if (schema.kind !== 'list') schemaAttributes = undefined;
    else {
      for (const attribute of schema.items) {
        const attributeName = attribute.kind === 'object' ? attribute.members.get('Name')?.value : undefined;
        if (attributeName?.kind !== 'scalar' || typeof attributeName.value !== 'string') {
          schemaAttributes = undefined;
          break;
        }
        schemaAttributes.push(attributeName.value);
      }
    }
  }
  return { name, schemaAttributes, tier: tier !== ABSENT && tier.kind === 'scalar' && typeof tier.value === 'string' ? tier : undefined };
}

function resourceServerScopes(folder: Folder, properties: SyntaxNode | undefined): string[] | undefined {
  const identifier = foldedString(folder, getValue(properties, 'Identifier'));
  const scopesNode = getValue(properties, 'Scopes');
  if (identifier === undefined) return undefined;
  if (!scopesNode) return [];
  if (scopesNode.type !== 'sequence') return undefined;
  const scopes: string[] = [];
  for (const scope of scopesNode.items) {
    const name = foldedString(folder, getValue(scope, 'ScopeName'));
    if (name === undefined) return undefined;
    scopes.push(`${identifier}/${name}`);
  }
  return scopes;
}

function foldedString(folder: Folder, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const value = folder.fold(node);
  return value !== ABSENT && value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

// ---- Fn::If expansion -------------------------------------------------------------------------

/** One way the template can deploy a client: a value for each condition, and for each parameter a `Fn::FindInMap` key depends on. */
interface Variant {
  conditions: Map<string, boolean>;
  /** Parameter name to the allowed value taken in this variant. */
  keys: Map<string, string>;
}

/**
 * Every combination of the conditions that `Fn::If` uses inside `nodes` (the client's properties and the
 * members custom resources set on it) and of the custom resources' own `Condition`s, those the template
 * cannot decide alone; the client's own Condition holds. Then, for each parameter a `Fn::FindInMap` key
 * refers to, one variant per allowed value (FORMATS.md: each key is a branch, like `Fn::If`).
 */
function variantsOf(template: Template, nodes: readonly SyntaxNode[], resourceConditions: readonly string[], ownCondition: string | undefined): Variant[] {
  const names = new Set<string>(resourceConditions);
  const keyParameters = new Set<string>();
  const stack: SyntaxNode[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'mapping') {
      const only = node.pairs.length === 1 ? node.pairs[0]! : undefined;
      const args = only?.value.type === 'sequence' ? only.value.items : undefined;
      const condition = only?.keyText === 'Fn::If' ? scalarString(args?.[0]) : undefined;
      if (condition !== undefined) names.add(condition);
      if (only?.keyText === 'Fn::FindInMap') {
        for (const key of args?.slice(1, 3) ?? []) {
          const parameter = referencedParameter(template, key);
          if (parameter !== undefined && (mapKeysOf(template, parameter)?.length ?? 0) > 1) keyParameters.add(parameter);
        }
      }
      for (const pair of node.pairs) stack.push(pair.value);
    } else if (node.type === 'sequence') stack.push(...node.items);
  }
  const fixed = new Map<string, boolean>();
  const free: string[] = [];
  for (const name of [...names].sort()) {
    const decided = name === ownCondition ? true : evaluateCondition(template, name, 0);
    if (decided === undefined) free.push(name);
    else fixed.set(name, decided);
  }
  let variants: Variant[] = [{ conditions: fixed, keys: new Map() }];
  if (free.length <= MAX_EXPANDED_CONDITIONS) {
    for (const name of free) {
      variants = variants.flatMap((base) => [true, false].map((value) => ({ conditions: new Map(base.conditions).set(name, value), keys: base.keys })));
    }
  }
  for (const parameter of [...keyParameters].sort()) {
    const values = mapKeysOf(template, parameter)!;
    // Past the limit the parameter stays open: a FindInMap over it is known only when every key gives the same value.
    if (variants.length * values.length > MAX_VARIANTS) continue;
    variants = variants.flatMap((base) => values.map((value) => ({ conditions: base.conditions, keys: new Map(base.keys).set(parameter, value) })));
  }
  return variants;
}

/** `{Ref: Name}` of a template parameter: its name. */
function referencedParameter(template: Template, node: SyntaxNode | undefined): string | undefined {
  const only = node?.type === 'mapping' && node.pairs.length === 1 ? node.pairs[0]! : undefined;
  const name = only?.keyText === 'Ref' ? scalarString(only.value) : undefined;
  return name !== undefined && template.parameters.has(name) ? name : undefined;
}

/** The values a parameter can take as a `Fn::FindInMap` key: its AllowedValues, or else its Default alone; undefined when open. */
function mapKeysOf(template: Template, name: string): string[] | undefined {
  const parameter = template.parameters.get(name);
  const allowed = getValue(parameter, 'AllowedValues');
  if (allowed?.type === 'sequence') {
    const values = allowed.items.map((item) => (item.type === 'scalar' && item.value !== null ? String(item.value) : undefined));
    return values.length > 0 && values.every((value) => value !== undefined) ? [...new Set(values as string[])] : undefined;
  }
  const type = scalarString(getValue(parameter, 'Type')) ?? 'String';
  const fallback = getValue(parameter, 'Default');
  return fallback?.type === 'scalar' && fallback.value !== null && !type.startsWith('AWS::SSM::') ? [String(fallback.value)] : undefined;
}

/** Decides a condition when it compares literals only (`!Equals [a, "a"]`); undefined when it depends on input. */
function evaluateCondition(template: Template, name: string, depth: number): boolean | undefined {
  if (depth > 20) return undefined;
  const definition = getValue(getValue(template.root, 'Conditions'), name);
  return definition ? evaluateConditionNode(template, definition, depth + 1) : undefined;
}

function evaluateConditionNode(template: Template, node: SyntaxNode, depth: number): boolean | undefined {
  // Conditions may refer to each other ten at a time, twenty deep: each evaluation costs a step.
  const over = template.budget.spend(1);
  if (over) {
    template.budget.exceeded(over, template.file, node, { span: spanOf(template.file, node) });
    return undefined;
  }
  if (node.type !== 'mapping' || node.pairs.length !== 1) return undefined;
  const { keyText, value } = node.pairs[0]!;
  const args = value.type === 'sequence' ? value.items : [];
  switch (keyText) {
    case 'Condition': {
      const referenced = scalarString(value);
      return referenced === undefined ? undefined : evaluateCondition(template, referenced, depth);
    }
    case 'Fn::Equals': {
      const [a, b] = args;
      if (!a || !b || a.type !== 'scalar' || b.type !== 'scalar') return undefined;
      return String(a.value) === String(b.value);
    }
    case 'Fn::Not': {
      const inner = args[0] ? evaluateConditionNode(template, args[0], depth) : undefined;
      return inner === undefined ? undefined : !inner;
    }
    case 'Fn::And':
    case 'Fn::Or': {
      const results = args.map((arg) => evaluateConditionNode(template, arg, depth));
      const isAnd = keyText === 'Fn::And';
      if (results.some((r) => r === !isAnd)) return !isAnd;
      return results.every((r) => r === isAnd) ? isAnd : undefined;
    }
    default:
      return undefined;
  }
}

function describeVariant(assignment: Map<string, boolean>, keys: Map<string, string>): string {
  return [...assignment, ...keys].map(([name, value]) => `${name}=${value}`).join(', ');
}

// ---- Folding values and intrinsic functions -------------------------------------------------------

const UNKNOWN_FUNCTIONS = new Set(['Fn::GetAtt', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Base64', 'Fn::Cidr', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach', 'Fn::GetParam', 'Condition', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);

class Folder {
  private readonly budget: EvaluationBudget;
  /** Resources whose Ref property is being folded, so a property that refers to itself stays unknown. */
  private readonly refsInProgress = new Set<string>();

  constructor(
    private readonly template: Template,
    private readonly assignment: ReadonlyMap<string, boolean>,
    /** The value of each parameter that a `Fn::FindInMap` key refers to, in this variant. */
    private readonly keys: ReadonlyMap<string, string> = new Map(),
  ) {
    this.budget = template.budget;
  }

  fold(node: SyntaxNode): Folded {
    const over = this.budget.enter();
    if (over) return this.tooLarge(over, node);
    try {
      return this.foldNode(node);
    } finally {
      this.budget.leave();
    }
  }

  /** `node` went over the file's budget: unknown, and noted once for the file. */
  private tooLarge(over: Overrun, node: SyntaxNode): Value {
    return this.budget.exceeded(over, this.template.file, node, { span: spanOf(this.template.file, node) });
  }

  private foldNode(node: SyntaxNode): Folded {
    const span = spanOf(this.template.file, node);
    if (node.unknownTag) return { kind: 'unknown', reason: `YAML tag ${node.unknownTag}`, span };
    if (node.type === 'scalar') {
      const over = typeof node.value === 'string' ? this.budget.text(node.value) : undefined;
      if (over) return this.tooLarge(over, node);
      if (typeof node.value === 'string') return this.literalString(node.value, span);
      return { kind: 'scalar', value: node.value, span };
    }
    if (node.type === 'sequence') {
      const items: Value[] = [];
      for (const item of node.items) {
        const folded = this.fold(item);
        if (folded !== ABSENT) items.push(folded);
      }
      return { kind: 'list', items, span };
    }
    const hole = holeMapping(this.template.file, node, span);
    if (hole) return hole;
    const only = node.pairs.length === 1 ? node.pairs[0]! : undefined;
    if (only && (only.keyText === 'Ref' || only.keyText.startsWith('Fn::') || only.keyText === 'Condition')) {
      return this.intrinsic(only.keyText, only.value, node);
    }
    const members = new Map<string, { name: string; keySpan: typeof span; value: Value }>();
    for (const pair of node.pairs) {
      // A key that is a template hole names a member nobody knows yet: nothing to judge.
      if (pair.keyText.includes(HOLE)) continue;
      const folded = this.fold(pair.value);
      if (folded !== ABSENT) members.set(pair.keyText, { name: pair.keyText, keySpan: spanOf(this.template.file, pair.key), value: folded });
      else members.delete(pair.keyText);
    }
    return { kind: 'object', members, span };
  }

  /**
   * A plain string. `${...}` outside `Fn::Sub` is a Serverless/Amplify variable resolved before deployment,
   * and `{{resolve:...}}` a dynamic reference: unknown from that point on.
   */
  private literalString(text: string, span: Value['span']): Value {
    const hole = holeValue(text, span);
    if (hole) return hole;
    const variable = text.search(/\$\{[^}]*\}|\{\{resolve:/);
    if (variable === -1) return { kind: 'scalar', value: text, span };
    if (variable === 0) return { kind: 'unknown', reason: 'template variable', span };
    return { kind: 'partial', prefix: text.slice(0, variable), span };
  }

  private unknown(node: SyntaxNode, reason: string): Value {
    return { kind: 'unknown', reason, span: spanOf(this.template.file, node) };
  }

  private intrinsic(name: string, args: SyntaxNode, whole: SyntaxNode): Folded {
    switch (name) {
      case 'Ref':
        return this.ref(args, whole);
      case 'Fn::If':
        return this.ifBranch(args, whole);
      case 'Fn::Sub':
        return this.sub(args, whole);
      case 'Fn::Join':
        return this.join(args, whole);
      case 'Fn::Select':
        return this.select(args, whole);
      case 'Fn::Split':
        return this.split(args, whole);
      case 'Fn::FindInMap':
        return this.findInMap(args, whole);
      default:
        return this.unknown(whole, UNKNOWN_FUNCTIONS.has(name) ? name : `unsupported ${name}`);
    }
  }

  private ref(args: SyntaxNode, whole: SyntaxNode): Folded {
    const target = scalarString(args);
    if (target === 'AWS::NoValue') return ABSENT;
    if (target === undefined) return this.unknown(whole, 'Ref');
    const parameter = this.template.parameters.get(target);
    if (!parameter) return this.resourceRef(target, whole);
    const type = scalarString(getValue(parameter, 'Type')) ?? 'String';
    const defaultPair = getPair(parameter, 'Default');
    // SSM parameter types hold the *name* of the parameter in Default, not its value.
    if (!defaultPair || defaultPair.value.type !== 'scalar' || type.startsWith('AWS::SSM::')) return this.unknown(whole, `Parameter ${target} has no usable Default`);
    const span = spanOf(this.template.file, whole);
    const origin = { owner: `Parameter "${target}"`, span: spanOf(this.template.file, defaultPair.value) };
    const raw = defaultPair.value.value;
    const over = typeof raw === 'string' ? this.budget.text(raw) : undefined;
    if (over) return this.tooLarge(over, whole);
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      const text = raw === null ? '' : String(raw);
      const tooMany = this.budget.elements(countOf(text, ','));
      if (tooMany) return this.tooLarge(tooMany, whole);
      const items: Value[] = text === '' ? [] : text.split(',').map((item) => ({ kind: 'scalar', value: item.trim(), span, origin }));
      return { kind: 'list', items, span, origin };
    }
    return { kind: 'scalar', value: raw, span, origin };
  }

  /**
   * `Ref` to a resource: a resource server's is its Identifier, an identity provider's its ProviderName
   * (as written, when known); any other is unknown.
   */
  private resourceRef(target: string, whole: SyntaxNode): Value {
    const identifierNode = this.template.refProperties.get(target);
    if (identifierNode && !this.refsInProgress.has(target)) {
      this.refsInProgress.add(target);
      try {
        const identifier = this.fold(identifierNode);
        if (identifier !== ABSENT && identifier.kind === 'scalar' && typeof identifier.value === 'string') {
          return { kind: 'scalar', value: identifier.value, span: spanOf(this.template.file, whole), ...(identifier.origin ? { origin: identifier.origin } : {}) };
        }
      } finally {
        this.refsInProgress.delete(target);
      }
    }
    return this.unknown(whole, target.startsWith('AWS::') ? `pseudo parameter ${target}` : `Ref to resource ${target}`);
  }

  private ifBranch(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length !== 3) return this.unknown(whole, 'malformed Fn::If');
    const condition = scalarString(args.items[0]);
    const chosen = condition === undefined ? undefined : this.assignment.get(condition);
    if (chosen === undefined) return this.unknown(whole, 'Fn::If');
    return this.fold(chosen ? args.items[1]! : args.items[2]!);
  }

  private sub(args: SyntaxNode, whole: SyntaxNode): Folded {
    let templateNode: SyntaxNode | undefined = args;
    let variables: SyntaxNode | undefined;
    if (args.type === 'sequence') [templateNode, variables] = args.items;
    const text = scalarString(templateNode);
    if (text === undefined) return this.unknown(whole, 'Fn::Sub');
    const span = spanOf(this.template.file, whole);
    let known = '';
    let origin: Value['origin'];
    const pattern = /\$\{([^}]*)\}/g;
    let last = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      known += text.slice(last, match.index);
      last = match.index + match[0].length;
      const name = match[1]!.trim();
      if (name.startsWith('!')) {
        known += '${' + name.slice(1) + '}';
        continue;
      }
      const variableNode = getValue(variables, name);
      // `${Name}` without a variable is `Ref Name`: a Parameter, or a resource server's Identifier.
      const referenced = this.template.parameters.has(name) || this.template.refProperties.has(name);
      const resolved = variableNode ? this.fold(variableNode) : referenced ? this.ref({ type: 'scalar', value: name, start: whole.start, end: whole.end }, whole) : undefined;
      if (!resolved || resolved === ABSENT || resolved.kind !== 'scalar' || resolved.value === null) {
        return { kind: 'partial', prefix: known, span };
      }
      origin ??= resolved.origin;
      known += String(resolved.value);
    }
    known += text.slice(last);
    const over = this.budget.text(known);
    if (over) return this.tooLarge(over, whole);
    return { kind: 'scalar', value: known, span, ...(origin ? { origin } : {}) };
  }

  private join(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length !== 2) return this.unknown(whole, 'malformed Fn::Join');
    const delimiter = scalarString(args.items[0]);
    const list = this.fold(args.items[1]!);
    const span = spanOf(this.template.file, whole);
    if (delimiter === undefined || list === ABSENT || list.kind !== 'list') return this.unknown(whole, 'Fn::Join');
    let known = '';
    let origin = list.origin;
    for (const [index, item] of list.items.entries()) {
      if (index > 0) known += delimiter;
      if (item.kind === 'partial') return { kind: 'partial', prefix: known + item.prefix, span };
      if (item.kind !== 'scalar' || item.value === null) return { kind: 'partial', prefix: known, span };
      origin ??= item.origin;
      known += String(item.value);
    }
    const over = this.budget.text(known);
    if (over) return this.tooLarge(over, whole);
    return { kind: 'scalar', value: known, span, ...(origin ? { origin } : {}) };
  }

  private select(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length !== 2) return this.unknown(whole, 'malformed Fn::Select');
    const index = this.fold(args.items[0]!);
    const list = this.fold(args.items[1]!);
    if (index === ABSENT || index.kind !== 'scalar' || list === ABSENT || list.kind !== 'list') return this.unknown(whole, 'Fn::Select');
    const item = list.items[Number(index.value)];
    if (!item) return this.unknown(whole, 'Fn::Select');
    return { ...item, span: spanOf(this.template.file, whole) } as Value;
  }

  private split(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length !== 2) return this.unknown(whole, 'malformed Fn::Split');
    const delimiter = scalarString(args.items[0]);
    const source = this.fold(args.items[1]!);
    if (delimiter === undefined || delimiter === '' || source === ABSENT || source.kind !== 'scalar' || typeof source.value !== 'string') return this.unknown(whole, 'Fn::Split');
    // Counted before splitting: a megabyte of commas would be a million items.
    const over = this.budget.elements(countOf(source.value, delimiter));
    if (over) return this.tooLarge(over, whole);
    const span = spanOf(this.template.file, whole);
    const origin = source.origin;
    const items: Value[] = source.value.split(delimiter).map((part) => ({ kind: 'scalar', value: part, span, ...(origin ? { origin } : {}) }));
    return { kind: 'list', items, span, ...(origin ? { origin } : {}) };
  }

  /**
   * `Fn::FindInMap [Map, TopKey, SecondKey]`. A key that refers to a parameter with AllowedValues (or only
   * a Default) is one branch per value: when every branch gives the same value it is known; otherwise
   * the variant's branch is taken and findings on it name the key (`branch`).
   */
  private findInMap(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length < 3) return this.unknown(whole, 'malformed Fn::FindInMap');
    const choices: Array<Array<{ key: string; parameter?: string }>> = [];
    for (const item of args.items.slice(0, 3)) {
      const parameter = referencedParameter(this.template, item);
      const values = parameter === undefined ? undefined : mapKeysOf(this.template, parameter);
      if (parameter !== undefined && values) {
        choices.push(values.map((key) => ({ key, parameter })));
        continue;
      }
      const key = this.fold(item);
      if (key === ABSENT || key.kind !== 'scalar' || key.value === null || key.origin) return this.unknown(whole, 'Fn::FindInMap');
      choices.push([{ key: String(key.value) }]);
    }
    let combinations: Array<Array<{ key: string; parameter?: string }>> = [[]];
    for (const options of choices) combinations = combinations.flatMap((base) => options.map((option) => [...base, option]));
    if (combinations.length > MAX_VARIANTS) return this.unknown(whole, 'Fn::FindInMap');
    const span = spanOf(this.template.file, whole);
    const branches: Array<{ combination: Array<{ key: string; parameter?: string }>; value: Folded }> = [];
    for (const combination of combinations) {
      const [mapName, topKey, secondKey] = combination.map((choice) => choice.key) as [string, string, string];
      const found = getValue(getValue(getValue(getValue(this.template.root, 'Mappings'), mapName), topKey), secondKey);
      if (!found) return this.unknown(whole, 'Fn::FindInMap');
      const folded = this.fold(found);
      branches.push({ combination, value: folded === ABSENT ? folded : ({ ...folded, span } as Value) });
    }
    const parameters = [...new Set(combinations[0]!.flatMap((choice) => (choice.parameter === undefined ? [] : [choice.parameter])))];
    const first = branches[0]!.value;
    if (branches.every((branch) => sameValue(branch.value, first))) {
      // One branch: the parameter's Default alone decides the value.
      const only = branches.length === 1 && parameters.length === 1 ? getPair(this.template.parameters.get(parameters[0]!), 'Default') : undefined;
      return only && first !== ABSENT ? stamp(first, { origin: { owner: `Parameter "${parameters[0]}"`, span: spanOf(this.template.file, only.value) } }) : first;
    }
    const taken = branches.find((branch) => branch.combination.every((choice) => choice.parameter === undefined || this.keys.get(choice.parameter) === choice.key));
    if (!taken || parameters.some((parameter) => !this.keys.has(parameter))) return this.unknown(whole, 'Fn::FindInMap over a parameter');
    if (taken.value === ABSENT) return ABSENT;
    const branch = parameters.map((parameter) => `${parameter} is "${this.keys.get(parameter)}"`).join(' and ');
    return stamp(taken.value, { branch });
  }
}

/** Two folded values hold the same data (positions aside); an unknown or partial value equals nothing. */
function sameValue(a: Folded, b: Folded): boolean {
  if (a === ABSENT || b === ABSENT) return a === b;
  const plain = (value: Value): unknown => {
    if (value.kind === 'scalar') return value.value;
    if (value.kind === 'list') return value.items.map(plain);
    if (value.kind === 'object') return Object.fromEntries([...value.members].map(([name, member]) => [name, plain(member.value)]));
    return undefined;
  };
  const known = (value: Value): boolean => (value.kind === 'list' ? value.items.every(known) : value.kind === 'object' ? [...value.members.values()].every((m) => known(m.value)) : value.kind === 'scalar');
  return known(a) && known(b) && JSON.stringify(plain(a)) === JSON.stringify(plain(b));
}

/** The value and everything in it, marked with where it comes from (a default, a FindInMap branch) unless already marked. */
function stamp(value: Value, mark: { origin?: Value['origin']; branch?: string }): Value {
  const own = { ...(mark.origin && !value.origin ? { origin: mark.origin } : {}), ...(mark.branch && !value.branch ? { branch: mark.branch } : {}) };
  if (value.kind === 'list') return { ...value, ...own, items: value.items.map((item) => stamp(item, mark)) };
  if (value.kind === 'object') return { ...value, ...own, members: new Map([...value.members].map(([name, member]) => [name, { ...member, value: stamp(member.value, mark) }])) };
  return { ...value, ...own };
}

/** How many parts `text.split(delimiter)` gives, without building them. */
function countOf(text: string, delimiter: string): number {
  let parts = 1;
  for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at + delimiter.length)) parts++;
  return parts;
}
