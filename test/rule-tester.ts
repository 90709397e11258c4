// A table-driven rule tester in the spirit of ESLint's RuleTester.
//
// A case is written once, in API shape (the members of a CreateUserPoolClient request), and rendered
// into every input dialect it applies to. Each renderer knows where it wrote every member, so the
// expected findings name a member path (`CallbackURLs[1]`, `TokenValidityUnits.AccessToken`) and the
// tester asserts rule id, line, column, end line and end column of each finding in each rendering.
// Format-specific cases (intrinsics, Parameter defaults, modules, CRLF) are hand-written fixtures
// whose positions are marked in the text with a `^~~~` line or an inline `«...»`, never counted.
// A case may also state what the rule's fix makes of the file (ESLint's `output`): the client after the
// fix, rendered into each dialect, or a fixture's text after it; and the fix's kind.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
// The one place the tester touches today's internals: `lint` below. Re-point it when the load stage changes.
import { SourceFile } from '../src/source';
import { loadFile, prepareParsers } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadRule } from '../rules';
import type { Finding } from '../src/finding';
import { applyFixes, planFix, type PlannedFix } from '../src/fix';
import type { FixType } from '../src/rule';

// ---------------------------------------------------------------------------------------------------
// Lint: text in, findings of one rule out.

export type RuleOptions = Record<string, unknown>;

/** Where a finding or related location is, 1-based, end exclusive (as the linter reports). */
export interface Place {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Reported extends Place {
  ruleId: string;
  message: string;
  /** The member path the finding is about ('' for the client itself); not compared by the tables. */
  path: string;
  related: Array<Place & { message: string }>;
}

/** Runs one rule (as an error, with its default options merged with `options`) over `text` read as `path`. */
export async function lint(ruleId: string, path: string, text: string, options: RuleOptions = {}): Promise<Reported[]> {
  // The HCL parser is WebAssembly and starts asynchronously; the load stage starts it once per process.
  await prepareParsers([path]);
  const rule = loadRule(ruleId);
  const settings = new Map([[ruleId, { severity: 'error' as const, options: { ...(rule.meta.defaultOptions ?? {}), ...options } }]]);
  return evaluate([loadFile(new SourceFile(path, text))], [rule], settings).map(toReported);
}

/**
 * One pass of the rule's fixes over `text`, as --fix makes it with `--fix-type all`: the fixed text and
 * the kinds of the fixes that were applied. Fixes that cannot be applied where the value is written
 * (a default, a shared value, a plan) leave the text as it is.
 */
export async function fix(ruleId: string, path: string, text: string, options: RuleOptions = {}): Promise<{ text: string; types: FixType[] }> {
  await prepareParsers([path]);
  const rule = loadRule(ruleId);
  const settings = new Map([[ruleId, { severity: 'error' as const, options: { ...(rule.meta.defaultOptions ?? {}), ...options } }]]);
  const loaded = loadFile(new SourceFile(path, text));
  const plans: PlannedFix[] = evaluate([loaded], [rule], settings).flatMap((finding) => {
    const plan = planFix(finding, loaded);
    return 'edits' in plan ? [{ finding, edits: plan.edits }] : [];
  });
  const dropped: string[] = [];
  const fixed = applyFixes(loaded.file, plans, (finding, reason) => dropped.push(`${finding.ruleId}: ${reason}`));
  if (dropped.length > 0) throw new Error(`fixes dropped: ${dropped.join('; ')}`);
  return { text: fixed.text, types: [...new Set(fixed.applied.map((plan) => plan.finding.fixType!))] };
}

function toReported(finding: Finding): Reported {
  const place = (region: Finding['region']): Place => ({ line: region.start.line, column: region.start.column, endLine: region.end.line, endColumn: region.end.column });
  return { ruleId: finding.ruleId, ...place(finding.region), message: finding.message, path: finding.path, related: finding.related.map((r) => ({ ...place(r.region), message: r.message })) };
}

// ---------------------------------------------------------------------------------------------------
// Cases.

/** A value a client member can hold in the API. */
export type ApiValue = string | number | boolean | ApiValue[] | { [member: string]: ApiValue };
/** A client in API shape: `{ PreventUserExistenceErrors: 'LEGACY', CallbackURLs: ['https://...'] }`. */
export type ApiClient = { [member: string]: ApiValue };

/** An exact message, or a pattern it must match. */
export type Text = string | RegExp;

/**
 * The dialects an API-shape case is rendered into. Names are spelt the API way in the CloudFormation
 * and API dialects, the Terraform way (`callback_urls`) in `terraform` and `terraform-plan`.
 */
export const DIALECTS = ['cloudformation-yaml', 'cloudformation-json', 'api-request', 'api-response', 'terraform', 'terraform-plan'] as const;
export type Dialect = (typeof DIALECTS)[number];
const TERRAFORM_SPELLING: ReadonlySet<Dialect> = new Set(['terraform', 'terraform-plan']);

/** The client itself, for a finding about a missing member: the logical id, request object, resource label. */
export const CLIENT = Symbol('client');

/** Skip reason for a case whose value plan JSON cannot carry: there 0, "", [] and {} mean "not set" (FORMATS.md, "Terraform unset placeholders"). */
export const PLAN_UNSET = 'plan JSON writes 0, "", [] and {} for an unset argument, so there the value means "not set"';

/** A message for every dialect, or one per spelling (a spelling left out is not checked). */
export type DialectText = Text | { api?: Text; terraform?: Text };

export interface ApiRelated {
  at: string | typeof CLIENT;
  /** The member's value (default) or its name; in Terraform a block's value is the whole block. */
  on?: 'key' | 'value';
  message?: DialectText;
}

export interface ApiError extends ApiRelated {
  /** Related locations, when the case checks them (left out: not checked). */
  related?: ApiRelated[];
}

/**
 * The user pool a case's client belongs to, with resources of that pool, rendered beside the client in
 * the CloudFormation and Terraform dialects (the client's UserPoolId refers to the pool). An API request
 * or response has nothing beside the client: a case with a pool is not rendered into those.
 */
export interface ApiPool {
  UserPoolTier?: string;
  /** Schema attribute names as the pool writes them: `tenant_id` is `custom:tenant_id`. */
  Schema?: string[];
  /** The ProviderName of each identity provider of the pool. */
  IdentityProviders?: string[];
  /** Each resource server of the pool: identifier to scope names. */
  ResourceServers?: Record<string, string[]>;
}

const API_DIALECTS: ReadonlySet<Dialect> = new Set(['api-request', 'api-response']);

export interface ValidCase {
  name: string;
  client: ApiClient;
  /** Set for a client tied to a user pool of the same file (pool-aware rules). */
  pool?: ApiPool;
  options?: RuleOptions;
  /** Dialects this case does not apply to, each with the reason (the semantics differ there). */
  skip?: Partial<Record<Dialect, string>>;
}

export interface InvalidCase extends ValidCase {
  /**
   * `at` is a member path: `PreventUserExistenceErrors`, `CallbackURLs[1]`, `TokenValidityUnits.AccessToken`.
   * Several findings at one place are compared in the order of their messages.
   */
  errors: ApiError[];
  /**
   * The client after the rule's fixes (ESLint's `output`), rendered into each dialect and compared with
   * the fixed text; per spelling where the dialects differ; `null` when no fix applies. Plan JSON is
   * generated, never fixed: there the text must stay as it is.
   */
  output?: ApiClient | null | { api?: ApiClient | null; terraform?: ApiClient | null };
  /** The kind of the fixes applied (RuleMeta.fix); checked with `output`. */
  fixType?: FixType;
  /** Dialects whose fixed text `output` does not check, each with the reason (a fixture checks it there). */
  outputSkip?: Partial<Record<Dialect, string>>;
}

export interface FixtureError {
  /** The name of a marker in the fixture. */
  at: string;
  message?: Text;
  related?: Array<{ at: string; message?: Text }>;
}

/**
 * A hand-written file. Unnamed markers are findings whose message is not checked; named markers
 * (`^~~~ name`, `«text»[name]`) are referenced from `errors` (as findings or as related locations).
 */
export interface FixtureCase {
  name: string;
  path: string;
  text: string;
  options?: RuleOptions;
  errors?: FixtureError[];
  /** Lint the text with CRLF line ends (markers are written with LF). */
  crlf?: boolean;
  /** The text after the rule's fixes (written with LF, without markers); `null` when no fix applies. */
  output?: string | null;
  /** The kind of the fixes applied; checked with `output`. */
  fixType?: FixType;
}

export interface RuleTable {
  valid?: ValidCase[];
  invalid?: InvalidCase[];
  fixtures?: FixtureCase[];
}

/** Registers one node:test test per case and dialect, and one per fixture. */
export function ruleTester(ruleId: string, table: RuleTable): void {
  const register = (item: InvalidCase): void => {
    for (const dialect of DIALECTS) {
      if (item.skip?.[dialect] === undefined && !(item.pool && API_DIALECTS.has(dialect))) test(`${item.name} [${dialect}]`, () => checkApiCase(ruleId, dialect, item));
    }
  };
  describe(ruleId, () => {
    for (const item of table.valid ?? []) register({ ...item, errors: [] });
    for (const item of table.invalid ?? []) {
      if (item.errors.length === 0) throw new Error(`${ruleId}: invalid case "${item.name}" expects no finding; make it a valid case`);
      register(item);
    }
    for (const fixture of table.fixtures ?? []) test(`${fixture.name} [${fixture.path}]`, () => checkFixture(ruleId, fixture));
  });
}

/** Renders `item` into `dialect`, lints it and asserts the findings. Exported for the tester's own tests. */
export async function checkApiCase(ruleId: string, dialect: Dialect, item: InvalidCase): Promise<void> {
  const rendering = render(dialect, item.client, item.pool);
  const where = (target: ApiRelated): Place => rendering.place(target.at, target.on ?? 'value');
  const spelt = (text: DialectText | undefined): Text | undefined => {
    if (text === undefined || typeof text === 'string' || text instanceof RegExp) return text;
    return TERRAFORM_SPELLING.has(dialect) ? text.terraform : text.api;
  };
  const expected: Expected[] = item.errors.map((error) => ({
    ...where(error),
    message: spelt(error.message),
    related: error.related?.map((r) => ({ ...where(r), message: spelt(r.message) })),
  }));
  const actual = await lint(ruleId, rendering.path, rendering.text, item.options);
  compare(ruleId, actual, expected, `${dialect} rendering:\n${rendering.text}`);
  if (item.output !== undefined) {
    const spelled = outputIn(item.output, dialect);
    if (spelled === undefined || item.outputSkip?.[dialect] !== undefined) return;
    // A plan is generated from the configuration: the fix belongs there, and the plan stays as it is.
    const wanted = spelled === null || dialect === 'terraform-plan' ? rendering.text : render(dialect, spelled).text;
    await checkOutput(ruleId, rendering.path, rendering.text, item.options, wanted, wanted === rendering.text ? undefined : item.fixType, `${dialect} rendering:\n${rendering.text}`);
  }
}

/** The expected client after the fix in `dialect`'s spelling; undefined when the case does not say. */
function outputIn(output: InvalidCase['output'], dialect: Dialect): ApiClient | null | undefined {
  if (output === undefined || output === null) return output;
  if ('api' in output || 'terraform' in output) {
    const spelled = output as { api?: ApiClient | null; terraform?: ApiClient | null };
    return TERRAFORM_SPELLING.has(dialect) ? spelled.terraform : spelled.api;
  }
  return output as ApiClient;
}

async function checkOutput(ruleId: string, path: string, text: string, options: RuleOptions | undefined, wanted: string, fixType: FixType | undefined, context: string): Promise<void> {
  const fixed = await fix(ruleId, path, text, options);
  assert.equal(fixed.text, wanted, `fixed text, ${context}`);
  assert.deepEqual(fixed.types, fixType && fixed.text !== text ? [fixType] : [], `fix kind, ${context}`);
}

export async function checkFixture(ruleId: string, fixture: FixtureCase): Promise<void> {
  const { text, marks, unnamed } = parseFixture(fixture.text, fixture.crlf ?? false);
  const mark = (name: string): Place => {
    const place = marks.get(name);
    if (!place) throw new Error(`fixture "${fixture.name}": no marker named "${name}"`);
    return place;
  };
  const used = new Set<string>();
  const expected: Expected[] = unnamed.map((place) => ({ ...place, message: undefined, related: undefined }));
  for (const error of fixture.errors ?? []) {
    used.add(error.at);
    for (const r of error.related ?? []) used.add(r.at);
    expected.push({ ...mark(error.at), message: error.message, related: error.related?.map((r) => ({ ...mark(r.at), message: r.message })) });
  }
  const unused = [...marks.keys()].filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`fixture "${fixture.name}": marker(s) ${unused.join(', ')} not referenced by errors`);
  const actual = await lint(ruleId, fixture.path, text, fixture.options);
  compare(ruleId, actual, expected, `fixture "${fixture.name}"`);
  if (fixture.output !== undefined) {
    const wanted = fixture.output === null ? text : fixture.crlf ? fixture.output.replace(/\n/g, '\r\n') : fixture.output;
    await checkOutput(ruleId, fixture.path, text, fixture.options, wanted, fixture.fixType, `fixture "${fixture.name}"`);
  }
}

interface Expected extends Place {
  message: Text | undefined;
  related: Array<Place & { message: Text | undefined }> | undefined;
}

const byPosition = (a: Place, b: Place): number => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;

/**
 * One deepEqual over everything, so a failure shows the whole diff. Where the expectation leaves the
 * message (or related locations) open, or a pattern matches, the actual value is copied in.
 */
function compare(ruleId: string, actual: Reported[], expected: Expected[], context: string): void {
  const got = [...actual].sort((a, b) => byPosition(a, b) || a.message.localeCompare(b.message));
  const want = [...expected].sort(byPosition);
  const fill = (pattern: Text | undefined, message: string | undefined): string | undefined => {
    if (pattern === undefined || (pattern instanceof RegExp && message !== undefined && pattern.test(message))) return message;
    return String(pattern);
  };
  const view = (r: Reported) => ({ ruleId: r.ruleId, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: r.message, related: r.related });
  const wanted = want.map((w, i) => {
    const g = got[i];
    const related = w.related?.map((r, j) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, message: fill(r.message, g?.related[j]?.message) }));
    return { ruleId, line: w.line, column: w.column, endLine: w.endLine, endColumn: w.endColumn, message: fill(w.message, g?.message), related: related ?? g?.related ?? [] };
  });
  assert.deepEqual(got.map(view), wanted, context);
}

// ---------------------------------------------------------------------------------------------------
// Fixtures: markers to positions.

/** `   ^~~~~ name`: marks the characters above the caret and tildes on the nearest content line. */
const CARET_LINE = /^(\s*)(\^~*)(?:[ \t]+([A-Za-z][\w-]*))?[ \t]*$/;
/** `«text»` or `«text»[name]`: marks `text`, which may span lines. */
const INLINE = /«([^«»]*)»(?:\[([A-Za-z][\w-]*)\])?/g;

export function parseFixture(annotated: string, crlf: boolean): { text: string; marks: Map<string, Place>; unnamed: Place[] } {
  // 1. Drop caret lines, remembering their spans as offsets into the remaining text.
  const content: string[] = [];
  const carets: Array<{ start: number; end: number; name: string | undefined }> = [];
  let offset = 0;
  let lastLineStart = -1;
  for (const line of annotated.split('\n')) {
    const caret = CARET_LINE.exec(line);
    if (caret) {
      if (lastLineStart < 0) throw new Error(`marker line "${line}" has no line above it`);
      const start = lastLineStart + caret[1]!.length;
      carets.push({ start, end: start + caret[2]!.length, name: caret[3] });
      continue;
    }
    lastLineStart = offset;
    content.push(line);
    offset += line.length + 1;
  }
  // 2. Drop inline markers, keeping their spans, and move the caret spans by what was dropped before them.
  const withInline = content.join('\n');
  const spans: Array<{ start: number; end: number; name: string | undefined }> = [];
  const removed: Array<{ at: number; length: number }> = [];
  let text = '';
  let last = 0;
  for (const match of withInline.matchAll(INLINE)) {
    text += withInline.slice(last, match.index);
    const start = text.length;
    text += match[1];
    spans.push({ start, end: text.length, name: match[2] });
    removed.push({ at: match.index, length: match[0].length - match[1]!.length });
    last = match.index + match[0].length;
  }
  text += withInline.slice(last);
  const moved = (o: number): number => o - removed.filter((r) => r.at < o).reduce((sum, r) => sum + r.length, 0);
  for (const caret of carets) {
    if (removed.some((r) => r.at >= caret.start && r.at < caret.end)) throw new Error('a caret marker spans an inline marker');
    spans.push({ start: moved(caret.start), end: moved(caret.end), name: caret.name });
  }

  const marks = new Map<string, Place>();
  const unnamed: Place[] = [];
  for (const span of spans) {
    const place = { ...positionIn(text, span.start), ...endIn(text, span.end) };
    if (span.name === undefined) unnamed.push(place);
    else if (marks.has(span.name)) throw new Error(`marker "${span.name}" is used twice`);
    else marks.set(span.name, place);
  }
  // CRLF changes no column: `\r` only ends a line.
  return { text: crlf ? text.replace(/\n/g, '\r\n') : text, marks, unnamed };
}

function positionIn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function endIn(text: string, offset: number): { endLine: number; endColumn: number } {
  const { line, column } = positionIn(text, offset);
  return { endLine: line, endColumn: column };
}

// ---------------------------------------------------------------------------------------------------
// Rendering an API-shape client into a dialect, remembering where each member went.

/** API member -> Terraform `aws_cognito_user_pool_client` argument (FORMATS.md, Names); the rest snake_case. */
const TERRAFORM_NAMES: Record<string, string> = {
  ClientName: 'name',
  CallbackURLs: 'callback_urls',
  LogoutURLs: 'logout_urls',
  DefaultRedirectURI: 'default_redirect_uri',
  AllowedOAuthFlows: 'allowed_oauth_flows',
  AllowedOAuthScopes: 'allowed_oauth_scopes',
  AllowedOAuthFlowsUserPoolClient: 'allowed_oauth_flows_user_pool_client',
};
/** Members that are nested blocks in Terraform (a list of one object in plan JSON). */
const TERRAFORM_BLOCKS = new Set(['TokenValidityUnits', 'AnalyticsConfiguration', 'RefreshTokenRotation']);

export function terraformName(member: string): string {
  return TERRAFORM_NAMES[member] ?? member.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** A value as a renderer sees it: names already spelt for the dialect, each node with its member path. */
type Tree = { kind: 'scalar'; value: string | number | boolean } | { kind: 'list'; items: Node[] } | { kind: 'object'; members: Member[]; block: boolean } | { kind: 'reference'; text: string };
interface Node {
  path: string | undefined;
  tree: Tree;
}
interface Member extends Node {
  key: string;
}

/** An expression written as is: a Terraform reference (`aws_cognito_user_pool.pool.id`). */
class Reference {
  constructor(readonly text: string) {}
}

/** A value of a rendering's own members: what a case writes, or a reference the renderer adds. */
type RenderedValue = ApiValue | Reference;

function toTree(value: RenderedValue, path: string | undefined, spell: (member: string) => string, blocks: ReadonlySet<string>): Tree {
  if (value instanceof Reference) return { kind: 'reference', text: value.text };
  if (Array.isArray(value)) return { kind: 'list', items: value.map((item, i) => ({ path: path && `${path}[${i}]`, tree: toTree(item, path && `${path}[${i}]`, spell, blocks) })) };
  if (typeof value === 'object') {
    const members = Object.entries(value).map(([key, v]) => {
      const child = path === undefined ? undefined : path === '' ? key : `${path}.${key}`;
      return { key: spell(key), path: child, tree: toTree(v, child, spell, blocks) };
    });
    return { kind: 'object', members, block: path !== undefined && blocks.has(path) };
  }
  return { kind: 'scalar', value };
}

interface Range {
  start: number;
  end: number;
}

class Rendering {
  text = '';
  private readonly keys = new Map<string, Range>();
  private readonly values = new Map<string, Range>();
  clientRange: Range = { start: 0, end: 0 };

  constructor(readonly path: string) {}

  write(text: string): Range {
    const start = this.text.length;
    this.text += text;
    return { start, end: this.text.length };
  }

  /**
   * The first value recorded for a path stays: a plan block's object is written (and recorded) inside
   * the one-item list that the block's member then records.
   */
  record(path: string | undefined, key: Range | undefined, value: Range): void {
    if (path === undefined) return;
    if (key) this.keys.set(path, key);
    if (!this.values.has(path)) this.values.set(path, value);
  }

  place(at: string | typeof CLIENT, on: 'key' | 'value'): Place {
    const range = at === CLIENT ? this.clientRange : (on === 'key' ? this.keys : this.values).get(at);
    if (!range) throw new Error(`the rendering has no ${on} at ${String(at)}:\n${this.text}`);
    return { ...positionIn(this.text, range.start), ...endIn(this.text, range.end) };
  }
}

/** Members every rendering of the dialect carries unless the case sets them (the format requires them). */
function withDefaults(client: ApiClient, defaults: Record<string, RenderedValue>): Array<[string, RenderedValue, boolean]> {
  const own = Object.entries(client).map(([k, v]): [string, RenderedValue, boolean] => [k, v, true]);
  const added = Object.entries(defaults)
    .filter(([k]) => !(k in client))
    .map(([k, v]): [string, RenderedValue, boolean] => [k, v, false]);
  return [...added, ...own];
}

function clientTree(client: ApiClient, defaults: Record<string, RenderedValue>, spell: (member: string) => string, blocks: ReadonlySet<string> = new Set()): Member[] {
  return withDefaults(client, defaults).map(([key, value, own]) => ({ key: spell(key), path: own ? key : undefined, tree: toTree(value, own ? key : undefined, spell, blocks) }));
}

const same = (member: string): string => member;
const describedName = (member: string): string => (member === 'GenerateSecret' ? 'ClientSecret' : member);

export function render(dialect: Dialect, client: ApiClient, pool?: ApiPool): Rendering {
  switch (dialect) {
    case 'cloudformation-yaml': {
      const r = new Rendering('template.yaml');
      r.write('Resources:\n');
      if (pool) r.write(yamlResources(poolResources(pool)));
      r.write('  ');
      r.clientRange = r.write('Client');
      r.write(':\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n');
      yamlMembers(r, clientTree(client, { UserPoolId: { Ref: 'UserPool' } }, same), 6);
      return r;
    }
    case 'cloudformation-json': {
      const r = new Rendering('template.json');
      r.write('{\n  "Resources": {\n    ');
      if (pool) r.write(poolResources(pool).map(([id, resource]) => `${JSON.stringify(id)}: ${JSON.stringify(resource)},\n    `).join(''));
      r.clientRange = r.write('"Client"');
      r.write(': {\n      "Type": "AWS::Cognito::UserPoolClient",\n      "Properties": ');
      jsonObject(r, clientTree(client, { UserPoolId: { Ref: 'UserPool' } }, same), 6);
      r.write('\n    }\n  }\n}\n');
      return r;
    }
    case 'api-request': {
      const r = new Rendering('create.json');
      r.clientRange = { start: 0, end: 1 };
      jsonObject(r, clientTree(client, { UserPoolId: 'us-east-1_EXAMPLE', ClientName: 'web' }, same), 0);
      r.write('\n');
      return r;
    }
    case 'api-response': {
      const r = new Rendering('describe.json');
      r.write('{\n  ');
      r.clientRange = r.write('"UserPoolClient"');
      r.write(': ');
      jsonObject(r, clientTree(describedClient(client), { UserPoolId: 'us-east-1_EXAMPLE', ClientId: 'exampleclientid', ClientName: 'web' }, describedName), 2);
      r.write('\n}\n');
      return r;
    }
    case 'terraform': {
      const r = new Rendering('main.tf');
      if (pool) r.write(hclPoolResources(pool));
      r.write('resource "aws_cognito_user_pool_client" ');
      r.clientRange = r.write('"web"');
      r.write(' {\n');
      const userPoolId = pool ? new Reference(TERRAFORM_POOL_ID) : 'us-east-1_EXAMPLE';
      hclMembers(r, clientTree(client, { ClientName: 'web', UserPoolId: userPoolId }, terraformName, TERRAFORM_BLOCKS), 2);
      r.write('}\n');
      return r;
    }
    case 'terraform-plan': {
      const r = new Rendering('plan.json');
      r.write('{\n  "format_version": "1.2",\n  "resource_changes": [\n    ');
      // A plan ties resources by the pool's id: an existing pool's is known.
      if (pool) r.write(planPoolResources(pool).map((change) => `${JSON.stringify(change)},\n    `).join(''));
      r.write('{\n      "address": ');
      r.clientRange = r.write('"aws_cognito_user_pool_client.web"');
      r.write(',\n      "mode": "managed",\n      "type": "aws_cognito_user_pool_client",\n      "name": "web",\n      "change": {\n        "actions": ["create"],\n        "after": ');
      // Plan JSON writes a nested block as a list of one object.
      const members = clientTree(client, { ClientName: 'web', UserPoolId: 'us-east-1_EXAMPLE' }, terraformName, TERRAFORM_BLOCKS).map(asPlanBlock);
      jsonObject(r, members, 8);
      r.write('\n      }\n    }\n  ]\n}\n');
      return r;
    }
  }
}

// ---- The pool beside the client --------------------------------------------------------------------

const TERRAFORM_POOL_ID = 'aws_cognito_user_pool.pool.id';

/** The pool's CloudFormation resources as [logical id, resource] (JSON-shaped, so YAML and JSON write the same). */
function poolResources(pool: ApiPool): Array<[string, ApiValue]> {
  const poolProperties: { [member: string]: ApiValue } = {};
  if (pool.UserPoolTier !== undefined) poolProperties.UserPoolTier = pool.UserPoolTier;
  if (pool.Schema) poolProperties.Schema = pool.Schema.map((name) => ({ Name: name, AttributeDataType: 'String' }));
  const resources: Array<[string, ApiValue]> = [['UserPool', { Type: 'AWS::Cognito::UserPool', Properties: poolProperties }]];
  (pool.IdentityProviders ?? []).forEach((name, i) => {
    resources.push([`Provider${i}`, { Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { UserPoolId: { Ref: 'UserPool' }, ProviderName: name, ProviderType: 'OIDC' } }]);
  });
  Object.entries(pool.ResourceServers ?? {}).forEach(([identifier, scopes], i) => {
    const Scopes = scopes.map((scope) => ({ ScopeName: scope, ScopeDescription: scope }));
    resources.push([`Server${i}`, { Type: 'AWS::Cognito::UserPoolResourceServer', Properties: { UserPoolId: { Ref: 'UserPool' }, Identifier: identifier, Name: identifier, Scopes } }]);
  });
  return resources;
}

/** Resources in block YAML at the indent of `Resources:` members, `{Ref: X}` as `!Ref X`. */
function yamlResources(resources: Array<[string, ApiValue]>): string {
  const write = (value: ApiValue, indent: number): string => {
    if (typeof value !== 'object') return ` ${JSON.stringify(value)}\n`;
    if (Array.isArray(value)) return value.length === 0 ? ' []\n' : '\n' + value.map((item) => `${' '.repeat(indent)}-${write(item, indent + 2).replace(/^\n\s*/, ' ')}`).join('');
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === 'Ref') return ` !Ref ${String(entries[0]![1])}\n`;
    if (entries.length === 0) return ' {}\n';
    return '\n' + entries.map(([key, child]) => `${' '.repeat(indent)}${key}:${write(child, indent + 2)}`).join('');
  };
  return resources.map(([id, resource]) => `  ${id}:${write(resource, 4)}`).join('');
}

function hclPoolResources(pool: ApiPool): string {
  let text = 'resource "aws_cognito_user_pool" "pool" {\n  name = "pool"\n';
  if (pool.UserPoolTier !== undefined) text += `  user_pool_tier = ${hclScalar(pool.UserPoolTier)}\n`;
  for (const name of pool.Schema ?? []) text += `  schema {\n    name = ${hclScalar(name)}\n    attribute_data_type = "String"\n  }\n`;
  text += '}\n';
  (pool.IdentityProviders ?? []).forEach((name, i) => {
    text += `resource "aws_cognito_identity_provider" "p${i}" {\n  user_pool_id = ${TERRAFORM_POOL_ID}\n  provider_name = ${hclScalar(name)}\n  provider_type = "OIDC"\n}\n`;
  });
  Object.entries(pool.ResourceServers ?? {}).forEach(([identifier, scopes], i) => {
    text += `resource "aws_cognito_resource_server" "s${i}" {\n  user_pool_id = ${TERRAFORM_POOL_ID}\n  identifier = ${hclScalar(identifier)}\n  name = ${hclScalar(identifier)}\n`;
    for (const scope of scopes) text += `  scope {\n    scope_name = ${hclScalar(scope)}\n    scope_description = ${hclScalar(scope)}\n  }\n`;
    text += '}\n';
  });
  return text;
}

/** The pool's resources as plan `resource_changes` (an existing pool: its id is known, and every resource of it carries that id). */
function planPoolResources(pool: ApiPool): ApiValue[] {
  const change = (type: string, name: string, after: { [member: string]: ApiValue }): ApiValue => ({ address: `${type}.${name}`, mode: 'managed', type, name, change: { actions: ['update'], after } });
  const poolAfter: { [member: string]: ApiValue } = { id: 'us-east-1_EXAMPLE', name: 'pool' };
  if (pool.UserPoolTier !== undefined) poolAfter.user_pool_tier = pool.UserPoolTier;
  if (pool.Schema) poolAfter.schema = pool.Schema.map((name) => ({ name, attribute_data_type: 'String' }));
  const changes = [change('aws_cognito_user_pool', 'pool', poolAfter)];
  (pool.IdentityProviders ?? []).forEach((name, i) => changes.push(change('aws_cognito_identity_provider', `p${i}`, { user_pool_id: 'us-east-1_EXAMPLE', provider_name: name, provider_type: 'OIDC' })));
  Object.entries(pool.ResourceServers ?? {}).forEach(([identifier, scopes], i) => {
    changes.push(change('aws_cognito_resource_server', `s${i}`, { user_pool_id: 'us-east-1_EXAMPLE', identifier, name: identifier, scope: scopes.map((scope) => ({ scope_name: scope, scope_description: scope })) }));
  });
  return changes;
}

/**
 * A description has no GenerateSecret: a client with a secret shows ClientSecret (written where the
 * case's GenerateSecret is expected). Without it the secret is unknown, so `false` has no rendering.
 */
function describedClient(client: ApiClient): ApiClient {
  if (!('GenerateSecret' in client)) return client;
  if (client.GenerateSecret !== true) throw new Error('GenerateSecret other than true cannot be described: skip api-response for this case');
  return { ...client, GenerateSecret: 'exampleclientsecret' };
}

function asPlanBlock(member: Member): Member {
  if (member.tree.kind !== 'object' || !member.tree.block) return member;
  return { ...member, tree: { kind: 'list', items: [{ path: member.path, tree: member.tree }] } };
}

function scalarJson(value: string | number | boolean): string {
  return JSON.stringify(value);
}

function jsonValue(r: Rendering, tree: Tree, indent: number): Range {
  if (tree.kind === 'reference') throw new Error('a reference is written in HCL only');
  if (tree.kind === 'scalar') return r.write(scalarJson(tree.value));
  if (tree.kind === 'object') return jsonObject(r, tree.members, indent);
  if (tree.items.length === 0) return r.write('[]');
  const start = r.write('[').start;
  tree.items.forEach((item, i) => {
    r.write(`${i === 0 ? '' : ','}\n${' '.repeat(indent + 2)}`);
    r.record(item.path, undefined, jsonValue(r, item.tree, indent + 2));
  });
  r.write(`\n${' '.repeat(indent)}`);
  return { start, end: r.write(']').end };
}

function jsonObject(r: Rendering, members: Member[], indent: number): Range {
  if (members.length === 0) return r.write('{}');
  const start = r.write('{').start;
  members.forEach((member, i) => {
    r.write(`${i === 0 ? '' : ','}\n${' '.repeat(indent + 2)}`);
    const key = r.write(JSON.stringify(member.key));
    r.write(': ');
    r.record(member.path, key, jsonValue(r, member.tree, indent + 2));
  });
  r.write(`\n${' '.repeat(indent)}`);
  return { start, end: r.write('}').end };
}

function yamlMembers(r: Rendering, members: Member[], indent: number): void {
  for (const member of members) {
    r.write(' '.repeat(indent));
    const key = r.write(member.key);
    r.write(':');
    const tree = member.tree;
    if (tree.kind === 'reference') throw new Error('a reference is written in HCL only');
    if (tree.kind === 'scalar' || (tree.kind === 'list' && tree.items.length === 0) || (tree.kind === 'object' && tree.members.length === 0)) {
      r.write(' ');
      r.record(member.path, key, tree.kind === 'scalar' ? r.write(scalarJson(tree.value)) : r.write(tree.kind === 'list' ? '[]' : '{}'));
      r.write('\n');
    } else if (tree.kind === 'list') {
      r.write('\n');
      const start = r.text.length + indent + 2;
      for (const item of tree.items) {
        if (item.tree.kind !== 'scalar') throw new Error('the YAML renderer writes lists of scalars only');
        r.write(`${' '.repeat(indent + 2)}- `);
        r.record(item.path, undefined, r.write(scalarJson(item.tree.value)));
        r.write('\n');
      }
      r.record(member.path, key, { start, end: r.text.length - 1 });
    } else {
      r.write('\n');
      const start = r.text.length + indent + 2;
      yamlMembers(r, tree.members, indent + 2);
      r.record(member.path, key, { start, end: r.text.length - 1 });
    }
  }
}

/** HCL strings are JSON strings, except that `${` and `%{` start templates. */
function hclScalar(value: string | number | boolean): string {
  return typeof value === 'string' ? JSON.stringify(value).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{') : String(value);
}

function hclMembers(r: Rendering, members: Member[], indent: number): void {
  for (const member of members) {
    r.write(' '.repeat(indent));
    const key = r.write(member.key);
    const tree = member.tree;
    if (tree.kind === 'object' && tree.block) {
      r.write(' {\n');
      hclMembers(r, tree.members, indent + 2);
      const end = r.write(`${' '.repeat(indent)}}`).end;
      r.record(member.path, key, { start: key.start, end });
      r.write('\n');
      continue;
    }
    r.write(' = ');
    r.record(member.path, key, hclValue(r, tree));
    r.write('\n');
  }
}

function hclValue(r: Rendering, tree: Tree): Range {
  if (tree.kind === 'reference') return r.write(tree.text);
  if (tree.kind === 'scalar') return r.write(hclScalar(tree.value));
  if (tree.kind === 'object') {
    const start = r.write('{ ').start;
    tree.members.forEach((member, i) => {
      if (i > 0) r.write(', ');
      const key = r.write(member.key);
      r.write(' = ');
      r.record(member.path, key, hclValue(r, member.tree));
    });
    return { start, end: r.write(' }').end };
  }
  const start = r.write('[').start;
  tree.items.forEach((item, i) => {
    if (i > 0) r.write(', ');
    r.record(item.path, undefined, hclValue(r, item.tree));
  });
  return { start, end: r.write(']').end };
}
