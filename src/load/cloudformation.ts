// CloudFormation-family templates (CloudFormation JSON/YAML, SAM, CDK synth output, Serverless) to
// normalized clients. Intrinsic functions are folded where the template itself decides the value;
// everything else becomes an unknown value, on which no rule ever reports.
import type { AppClient, MetadataSuppression, ObjectValue, ResourceServerInfo, StructureProblem, Value } from '../model';
import type { SourceFile } from '../source';
import { getPair, getValue, scalarString, type MappingNode, type PairNode, type SyntaxNode } from '../parse/syntax';
import { closestName } from '../text';
import { canonicalText, spanOf } from './values';
import { coerceTemplateScalars } from './coerce';
import { EvaluationBudget, type Overrun } from './budget';
import { HOLE, holeMapping, holeValue, writtenKey } from './template-holes';

export const CLIENT_TYPE = 'AWS::Cognito::UserPoolClient';
const RESOURCE_SERVER_TYPE = 'AWS::Cognito::UserPoolResourceServer';
/** Above this many independent conditions in one client, `Fn::If` is treated as unknown instead of expanded. */
const MAX_EXPANDED_CONDITIONS = 6;

/** `AWS::NoValue`: the member or list item is absent. */
const ABSENT = Symbol('absent');
type Folded = Value | typeof ABSENT;

interface Template {
  file: SourceFile;
  root: MappingNode;
  parameters: Map<string, MappingNode>;
  /** The `Identifier` of each AWS::Cognito::UserPoolResourceServer, by logical id: what its `Ref` returns. */
  resourceServerIdentifiers: Map<string, SyntaxNode | undefined>;
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

/** `budget` is the file's: a file may hold several templates (YAML documents, Serverless `resources`). */
export function loadTemplate(file: SourceFile, root: MappingNode, budget = new EvaluationBudget()): AppClient[] {
  const parametersNode = getValue(root, 'Parameters');
  const parameters = new Map<string, MappingNode>();
  if (parametersNode?.type === 'mapping') {
    for (const pair of parametersNode.pairs) if (pair.value.type === 'mapping') parameters.set(pair.keyText, pair.value);
  }
  const resources = getValue(root, 'Resources') as MappingNode;
  const template: Template = { file, root, parameters, resourceServerIdentifiers: resourceServerIdentifiers(resources), budget };
  const resourceServers = collectResourceServers(template, resources);
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
    for (const assignment of conditionAssignments(template, nodes, conditions)) {
      const folder = new Folder(template, assignment);
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
        userPoolKey: canonicalText(getValue(propertiesNode, 'UserPoolId')),
        resourceServers,
        ...(metadataSuppressions.length > 0 ? { metadataSuppressions } : {}),
        ...(assignment.size > 0 ? { variant: describeAssignment(assignment) } : {}),
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

/** The keys CloudFormation allows on a resource (the resource attribute reference). */
const RESOURCE_KEYS = ['Type', 'Properties', 'DependsOn', 'Condition', 'Metadata', 'DeletionPolicy', 'UpdateReplacePolicy', 'UpdatePolicy', 'CreationPolicy'];

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

function resourceServerIdentifiers(resources: MappingNode): Map<string, SyntaxNode | undefined> {
  const identifiers = new Map<string, SyntaxNode | undefined>();
  for (const pair of resources.pairs) {
    if (pair.value.type === 'mapping' && scalarString(getValue(pair.value, 'Type')) === RESOURCE_SERVER_TYPE) identifiers.set(pair.keyText, getValue(getValue(pair.value, 'Properties'), 'Identifier'));
  }
  return identifiers;
}

function collectResourceServers(template: Template, resources: MappingNode): ResourceServerInfo[] {
  const servers: ResourceServerInfo[] = [];
  const folder = new Folder(template, new Map());
  for (const pair of resources.pairs) {
    if (pair.value.type !== 'mapping' || scalarString(getValue(pair.value, 'Type')) !== RESOURCE_SERVER_TYPE) continue;
    const properties = getValue(pair.value, 'Properties');
    const identifier = foldedString(folder, getValue(properties, 'Identifier'));
    const scopesNode = getValue(properties, 'Scopes');
    let scopes: string[] | undefined = [];
    if (identifier === undefined) scopes = undefined;
    else if (scopesNode?.type === 'sequence') {
      for (const scope of scopesNode.items) {
        const name = foldedString(folder, getValue(scope, 'ScopeName'));
        if (name === undefined) {
          scopes = undefined;
          break;
        }
        scopes.push(`${identifier}/${name}`);
      }
    } else if (scopesNode) scopes = undefined;
    servers.push({ userPoolKey: canonicalText(getValue(properties, 'UserPoolId')), scopes });
  }
  return servers;
}

function foldedString(folder: Folder, node: SyntaxNode | undefined): string | undefined {
  if (!node) return undefined;
  const value = folder.fold(node);
  return value !== ABSENT && value.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

// ---- Fn::If expansion -------------------------------------------------------------------------

/**
 * Every combination of the conditions that `Fn::If` uses inside `nodes` (the client's properties and the
 * members custom resources set on it) and of the custom resources' own `Condition`s, those the template
 * cannot decide alone.
 */
function conditionAssignments(template: Template, nodes: readonly SyntaxNode[], resourceConditions: readonly string[]): Array<Map<string, boolean>> {
  const names = new Set<string>(resourceConditions);
  const stack: SyntaxNode[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'mapping') {
      const ifArgs = node.pairs.length === 1 && node.pairs[0]!.keyText === 'Fn::If' ? node.pairs[0]!.value : undefined;
      const condition = ifArgs?.type === 'sequence' ? scalarString(ifArgs.items[0]) : undefined;
      if (condition !== undefined) names.add(condition);
      for (const pair of node.pairs) stack.push(pair.value);
    } else if (node.type === 'sequence') stack.push(...node.items);
  }
  const fixed = new Map<string, boolean>();
  const free: string[] = [];
  for (const name of [...names].sort()) {
    const decided = evaluateCondition(template, name, 0);
    if (decided === undefined) free.push(name);
    else fixed.set(name, decided);
  }
  if (free.length > MAX_EXPANDED_CONDITIONS) return [fixed];
  let assignments = [fixed];
  for (const name of free) {
    assignments = assignments.flatMap((base) => [new Map(base).set(name, true), new Map(base).set(name, false)]);
  }
  return assignments;
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

function describeAssignment(assignment: Map<string, boolean>): string {
  return [...assignment].map(([name, value]) => `${name}=${value}`).join(', ');
}

// ---- Folding values and intrinsic functions -------------------------------------------------------

const UNKNOWN_FUNCTIONS = new Set(['Fn::GetAtt', 'Fn::ImportValue', 'Fn::GetAZs', 'Fn::Base64', 'Fn::Cidr', 'Fn::Transform', 'Fn::ToJsonString', 'Fn::Length', 'Fn::ForEach', 'Fn::GetParam', 'Condition', 'Fn::Equals', 'Fn::Not', 'Fn::And', 'Fn::Or']);

class Folder {
  private readonly budget: EvaluationBudget;
  /** Resource servers whose Identifier is being folded, so an Identifier that refers to itself stays unknown. */
  private readonly refsInProgress = new Set<string>();

  constructor(
    private readonly template: Template,
    private readonly assignment: Map<string, boolean>,
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

  /** `Ref` to a resource: a resource server's is its Identifier (as written, when known); any other is unknown. */
  private resourceRef(target: string, whole: SyntaxNode): Value {
    const identifierNode = this.template.resourceServerIdentifiers.get(target);
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
      const referenced = this.template.parameters.has(name) || this.template.resourceServerIdentifiers.has(name);
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

  private findInMap(args: SyntaxNode, whole: SyntaxNode): Folded {
    if (args.type !== 'sequence' || args.items.length < 3) return this.unknown(whole, 'malformed Fn::FindInMap');
    const keys = args.items.slice(0, 3).map((item) => this.fold(item));
    const names = keys.map((key) => (key !== ABSENT && key.kind === 'scalar' && key.value !== null && !key.origin ? String(key.value) : undefined));
    if (names.some((name) => name === undefined)) return this.unknown(whole, 'Fn::FindInMap');
    const [mapName, topKey, secondKey] = names as [string, string, string];
    const found = getValue(getValue(getValue(getValue(this.template.root, 'Mappings'), mapName), topKey), secondKey);
    if (!found) return this.unknown(whole, 'Fn::FindInMap');
    const folded = this.fold(found);
    return folded === ABSENT ? folded : ({ ...folded, span: spanOf(this.template.file, whole) } as Value);
  }
}

/** How many parts `text.split(delimiter)` gives, without building them. */
function countOf(text: string, delimiter: string): number {
  let parts = 1;
  for (let at = text.indexOf(delimiter); at !== -1; at = text.indexOf(delimiter, at + delimiter.length)) parts++;
  return parts;
}
