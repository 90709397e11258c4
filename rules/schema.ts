import { defineRule, type Report } from '../src/rule';
import type { AppClient, ClientKind, Value } from '../src/model';
import type { Span } from '../src/source';
import { closestName } from '../src/text';
import { API_SPELLING } from '../src/message';
import { kindInfo } from '../src/formats';

/** Validators compiled at build time from schemas/*.json (scripts/compile-schemas.js). */
interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const validators = require('../schemas/validators') as Record<string, Validator>;

interface SchemaInfo {
  id: string;
  what: string;
  properties: string[];
}

/** Schema and type name per client kind, as the dialects declare them (src/formats/), read once. */
const SCHEMA_BY_KIND = new Map<ClientKind, SchemaInfo>();
function schemaFor(kind: ClientKind): SchemaInfo {
  let schema = SCHEMA_BY_KIND.get(kind);
  if (!schema) {
    const { schemaId, what } = kindInfo(kind);
    schema = info(schemaId, what);
    SCHEMA_BY_KIND.set(kind, schema);
  }
  return schema;
}

function info(id: string, what: string): SchemaInfo {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require(`../schemas/${id}.json`) as { properties: Record<string, unknown> };
  return { id, what, properties: Object.keys(schema.properties).sort() };
}

/** Stand-in for a value the linter cannot know; errors about it are dropped, never reported. */
const UNKNOWN = '\u0000cognito-lint-unknown';

export default defineRule({
  meta: {
    id: 'schema',
    category: 'correctness',
    defaultSeverity: 'error',
    title: 'App client does not match the Cognito API',
    description: 'The client matches the API shape: member names, types, enums, lengths, patterns, ranges, list sizes and required members.',
    rationale:
      'The Cognito API rejects a request that breaks its model (InvalidParameterException), usually only at deploy time. The JSON Schemas in schemas/ are built from the API model (botocore) and the CloudFormation resource schema.',
    precision: 'very-high',
    messages: {
      required: '{{member}} is required in {{what}} but is missing. Add {{member}}.',
      requiredNested: '{{member}} is required in {{parent}} but is missing. Add {{member}}.',
      unknownMemberSuggest: '"{{member}}" is not a member of {{what}}; did you mean "{{suggestion}}"? Rename it.',
      unknownMember: '"{{member}}" is not a member of {{what}}. Remove it (valid members: {{allowed}}).',
      type: '{{path}} is {{actual}}; expected {{expected}}. Write it as {{expected}}.',
      enum: '{{path}} is {{value}}; expected one of {{allowed}}. Use one of these values.',
      enumSuggest: '{{path}} is {{value}}; did you mean "{{suggestion}}"? Expected one of {{allowed}}.',
      pattern: '{{path}} is {{value}}, which does not match the API pattern {{pattern}}. Use only the characters the API allows.',
      minLength: '{{path}} is {{length}} characters long; the API requires at least {{limit}}. Lengthen it.',
      maxLength: '{{path}} is {{length}} characters long; the API allows at most {{limit}}. Shorten it.',
      minimum: '{{path}} is {{value}}; the API allows {{limit}} at least. Raise it.',
      maximum: '{{path}} is {{value}}; the API allows {{limit}} at most. Lower it.',
      maxItems: '{{path}} has {{count}} entries; the API allows at most {{limit}}. Remove entries.',
      minItems: '{{path}} has {{count}} entries; the API requires at least {{limit}}. Add entries.',
      other: '{{path}} does not match the API model ({{keyword}}). Fix the value.',
      clientTokenFlow:
        '{{path}} is "ALLOW_CLIENT_TOKEN_AUTH", the flow the GetClientToken reference documents, but it is in no ExplicitAuthFlowsType enum of the API model, so whether {{what}} accepts it is not documented; it must be the only flow of a client with a secret. Check that the deploy accepts it.',
      clientTokenFlowTerraform:
        '{{path}} is "ALLOW_CLIENT_TOKEN_AUTH": the GetClientToken reference documents the flow, but it is in no ExplicitAuthFlowsType enum, and the provider validates {{path}} against that enum, so terraform plan rejects it. Expected one of {{allowed}}.',
      structure: '{{problem}}',
    },
  },
  checkFile({ loaded, report }) {
    for (const problem of loaded.structureProblems ?? []) report({ messageId: 'structure', data: { problem: problem.message }, at: problem.span, path: `${problem.client}.Properties` });
  },
  checkClient({ client, report }) {
    const schema = schemaFor(client.kind);
    const validate = validators[schema.id]!;
    if (validate(project(client.properties))) return;
    const errors = validate.errors ?? [];
    // Each error's JSON pointer is followed back to its value (and key) in the client, for positions.
    const index = { get: (pointer: string): Located | undefined => locate(client.properties, pointer) };
    // A value of the wrong type also fails its enum/pattern: report the type alone.
    const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
    for (const error of errors) {
      if (error.keyword !== 'type' && wrongType.has(error.instancePath)) continue;
      const message = describe(error, client, schema, index);
      if (message) report(message);
    }
  },
});

interface Located {
  value: Value;
  keySpan?: Span;
}

/** Where the values of the projected data are, by JSON pointer. */
interface Locations {
  get(pointer: string): Located | undefined;
}

/** Known data for ajv: unknown values become a stand-in that no schema accepts or reports. */
function project(value: Value): unknown {
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'list':
      return value.items.map(project);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, member] of value.members) {
        // A member named `__proto__` must stay a plain (unknown) member, not a prototype.
        if (name === '__proto__') Object.defineProperty(out, name, { value: project(member.value), enumerable: true, writable: true, configurable: true });
        else out[name] = project(member.value);
      }
      return out;
    }
    default:
      return UNKNOWN;
  }
}

/** The value (and its key) at a JSON pointer of the projected data; undefined when there is none. */
function locate(root: Value, pointer: string): Located | undefined {
  let located: Located = { value: root };
  for (const part of pointerSegments(pointer)) {
    const value = located.value;
    if (value.kind === 'list' && /^\d+$/.test(part) && Number(part) < value.items.length) located = { value: value.items[Number(part)]! };
    else if (value.kind === 'object' && value.members.has(part)) {
      const member = value.members.get(part)!;
      located = member.keySpan ? { value: member.value, keySpan: member.keySpan } : { value: member.value };
    } else return undefined;
  }
  return located;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer's segments, unescaped (`/a~1b/0` -> `a/b`, `0`); none for the root `''`. */
function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `/CallbackURLs/2` -> `CallbackURLs[2]`, `/TokenValidityUnits/AccessToken` -> `TokenValidityUnits.AccessToken`. */
function pathOf(pointer: string): string {
  let out = '';
  for (const part of pointerSegments(pointer)) {
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

function isUnknownAt(pointer: string, index: Locations): boolean {
  // An error inside or about an unknown value says nothing about the real value.
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const located = index.get(p);
    if (located && (located.value.kind === 'unknown' || located.value.kind === 'partial')) return true;
    if (p === '') return false;
  }
}

function show(value: Value): string {
  if (value.kind === 'scalar') return typeof value.value === 'string' ? JSON.stringify(value.value) : String(value.value);
  return value.kind === 'list' ? 'a list' : value.kind === 'object' ? 'an object' : 'unknown';
}

function typeName(value: Value): string {
  if (value.kind === 'list') return 'a list';
  if (value.kind === 'object') return 'an object';
  if (value.kind !== 'scalar') return 'unknown';
  if (value.value === null) return 'empty (null)';
  if (typeof value.value === 'number') return Number.isInteger(value.value) ? `the number ${value.value}` : `the non-integer ${value.value}`;
  return `the ${typeof value.value} ${JSON.stringify(value.value)}`;
}

const TYPE_WORDS: Record<string, string> = { string: 'a string', integer: 'an integer', boolean: 'a boolean (true or false)', array: 'a list', object: 'an object', number: 'a number' };

function describe(error: SchemaError, client: AppClient, schema: SchemaInfo, index: Locations): Report | undefined {
  const pointer = error.instancePath;
  const located = index.get(pointer);
  if (!located) return undefined;
  const path = pathOf(pointer);
  const params = error.params;
  // Messages name members as the file spells them (Terraform: callback_urls); paths stay the API's.
  const spell = (apiPath: string): string => (client.spelling ?? API_SPELLING).member(apiPath);
  const leaf = (apiPath: string): string => spell(apiPath).slice(spell(apiPath).lastIndexOf('.') + 1);
  const shown = spell(path);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (pointer === '') return { messageId: 'required', data: { member: spell(missing), what: schema.what }, at: client.nameSpan, path: missing };
      if (isUnknownAt(pointer, index)) return undefined;
      return { messageId: 'requiredNested', data: { member: leaf(`${path}.${missing}`), parent: shown }, at: located.keySpan ?? located.value.span, path: `${path}.${missing}` };
    }
    case 'additionalProperties': {
      if (isUnknownAt(pointer, index)) return undefined;
      const name = String(params.additionalProperty);
      const childPointer = `${pointer}/${escapePointer(name)}`;
      const child = index.get(childPointer);
      const at = child?.keySpan ?? located.value.span;
      const where = pointer === '' ? schema.what : shown;
      const allowed = pointer === '' ? schema.properties.map(spell) : (NESTED_MEMBERS[path] ?? []).map((nested) => leaf(`${path}.${nested}`));
      const suggestion = closestName(name, allowed);
      const memberPath = pathOf(childPointer);
      if (suggestion) return { messageId: 'unknownMemberSuggest', data: { member: name, what: where, suggestion }, at, path: memberPath };
      return { messageId: 'unknownMember', data: { member: name, what: where, allowed: allowed.join(', ') }, at, path: memberPath };
    }
    default:
      break;
  }
  if (isUnknownAt(pointer, index)) return undefined;
  // Durations are judged with their units by token-validity-range; a raw range error there says the same thing worse.
  if ((error.keyword === 'minimum' || error.keyword === 'maximum') && DURATION_MEMBERS.has(path)) return undefined;
  const value = located.value;
  const at = value;
  switch (error.keyword) {
    case 'type':
      return { messageId: 'type', data: { path: shown, actual: typeName(value), expected: TYPE_WORDS[String(params.type)] ?? String(params.type) }, at, path };
    case 'enum': {
      if (CLIENT_TOKEN_FLOW_PATH.test(path) && value.kind === 'scalar' && value.value === CLIENT_TOKEN_FLOW) return clientTokenFlow(client, schema, shown, value, path, params);
      const allowed = (params.allowedValues as unknown[]).map(String).sort();
      const suggestion = value.kind === 'scalar' && typeof value.value === 'string' ? closestName(value.value, allowed) : undefined;
      const data = { path: shown, value: show(value), allowed: allowed.join(', ') };
      return suggestion ? { messageId: 'enumSuggest', data: { ...data, suggestion }, at, path } : { messageId: 'enum', data, at, path };
    }
    case 'pattern':
      return { messageId: 'pattern', data: { path: shown, value: show(value), pattern: String(params.pattern) }, at, path };
    case 'minLength':
    case 'maxLength':
      return { messageId: error.keyword, data: { path: shown, length: value.kind === 'scalar' ? [...String(value.value)].length : 0, limit: Number(params.limit) }, at, path };
    case 'minimum':
    case 'maximum':
      return { messageId: error.keyword, data: { path: shown, value: show(value), limit: Number(params.limit) }, at, path };
    case 'minItems':
    case 'maxItems':
      return { messageId: error.keyword, data: { path: shown, count: value.kind === 'list' ? value.items.length : 0, limit: Number(params.limit) }, at, path };
    default:
      return { messageId: 'other', data: { path: shown, keyword: error.keyword }, at, path };
  }
}

/**
 * ALLOW_CLIENT_TOKEN_AUTH is documented (GetClientToken) but in no ExplicitAuthFlowsType enum: a warning
 * that says so, except where the enum is enforced before the service sees it (the aws provider's validator).
 */
const CLIENT_TOKEN_FLOW = 'ALLOW_CLIENT_TOKEN_AUTH';
const CLIENT_TOKEN_FLOW_PATH = /^ExplicitAuthFlows\[\d+\]$/;
const ENUM_ENFORCED_BEFORE_DEPLOY: ReadonlySet<ClientKind> = new Set(['terraform', 'terraform-managed']);

function clientTokenFlow(client: AppClient, schema: SchemaInfo, shown: string, at: Value, path: string, params: Record<string, unknown>): Report {
  if (ENUM_ENFORCED_BEFORE_DEPLOY.has(client.kind)) {
    const allowed = (params.allowedValues as unknown[]).map(String).sort().join(', ');
    return { messageId: 'clientTokenFlowTerraform', data: { path: shown, allowed }, at, path };
  }
  return { messageId: 'clientTokenFlow', data: { path: shown, what: schema.what }, at, path, severity: 'warning' };
}

const DURATION_MEMBERS = new Set(['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity', 'AuthSessionValidity', 'RefreshTokenRotation.RetryGracePeriodSeconds']);

const NESTED_MEMBERS: Record<string, string[]> = {
  TokenValidityUnits: ['AccessToken', 'IdToken', 'RefreshToken'],
  AnalyticsConfiguration: ['ApplicationArn', 'ApplicationId', 'ExternalId', 'RoleArn', 'UserDataShared'],
  RefreshTokenRotation: ['Feature', 'RetryGracePeriodSeconds'],
};
