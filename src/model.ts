// The normalized app client that every loader produces and every rule reads.
// Member names are the Cognito API's (CallbackURLs, ExplicitAuthFlows, ...) whatever the input format.
import type { SourceFile, Span } from './source';
import type { Spelling } from './message';

/** Where a value came from when it is not written at the place it is used (a Parameter or variable default). */
export interface DefaultOrigin {
  /** Human name of the default's owner, e.g. `Parameter "CallbackUrl"` or `variable "callback_urls"`. */
  owner: string;
  span: Span;
}

interface ValueBase {
  /** Where the value is written (for a resolved reference: the reference itself). */
  span: Span;
  /** Set when the value is known only from a default. */
  origin?: DefaultOrigin;
  /**
   * Where the value is written when findings are reported elsewhere (`span`): a value written inside a
   * Terraform module is reported at the module call, a local of another file at the reference. Findings
   * carry it as a related location with `note` as its message.
   */
  written?: { span: Span; note: string };
  /**
   * The `Fn::FindInMap` branch the value holds for, when the branches differ: `Env is "prod"`. Findings
   * on the value say so.
   */
  branch?: string;
}

export interface ScalarValue extends ValueBase {
  kind: 'scalar';
  value: string | number | boolean | null;
}

/** A value the linter cannot know (a reference without default, a runtime attribute, an unfoldable expression). */
export interface UnknownValue extends ValueBase {
  kind: 'unknown';
  /** Short description for debugging and docs, e.g. `Fn::GetAtt`. */
  reason: string;
}

/** A string whose beginning is known and whose rest is not: `!Sub "http://${Host}/cb"` has prefix `http://`. */
export interface PartialString extends ValueBase {
  kind: 'partial';
  prefix: string;
}

export interface ListValue extends ValueBase {
  kind: 'list';
  items: Value[];
}

export interface Member {
  name: string;
  keySpan: Span;
  value: Value;
}

export interface ObjectValue extends ValueBase {
  kind: 'object';
  members: Map<string, Member>;
}

export type Value = ScalarValue | UnknownValue | PartialString | ListValue | ObjectValue;

/**
 * What kind of document the client came from. It decides the schema (required members, read-only
 * members) and which API defaults apply.
 */
export type ClientKind = 'create-request' | 'update-request' | 'client-description' | 'cloudformation' | 'terraform' | 'terraform-managed' | 'terraform-awscc';

/**
 * What a client's `UserPoolId` refers to, as the loader keys it: `pool:<name>` when it names a user pool
 * defined in the same template or module (`!Ref Pool`, `!GetAtt Pool.UserPoolId`,
 * `aws_cognito_user_pool.pool.id`), else the expression's canonical text, so that two resources written
 * with the same `!Ref PoolIdParameter` still belong together.
 */
export type PoolKey = string;

/** A user pool defined in the same template or Terraform module (FORMATS.md, "Pool-aware facts"). */
export interface UserPoolInfo {
  /** CloudFormation logical id or Terraform address (`aws_cognito_user_pool.pool`). */
  name: string;
  /**
   * The names of its Schema attributes as written (`tenant_id` for `custom:tenant_id`, or a standard
   * attribute made required); undefined when the schema is not known.
   */
  schemaAttributes: string[] | undefined;
  /** `UserPoolTier` / `user_pool_tier` when written and known (`LITE`, `ESSENTIALS`, `PLUS`). */
  tier: ScalarValue | undefined;
}

/** A resource server defined next to the client (same template or Terraform module). */
export interface ResourceServerInfo {
  pool: PoolKey | undefined;
  /** Full scope names `identifier/name`; undefined when the identifier or a scope is not known. */
  scopes: string[] | undefined;
}

/** An identity provider defined next to the client (`AWS::Cognito::UserPoolIdentityProvider`, `aws_cognito_identity_provider`). */
export interface IdentityProviderInfo {
  pool: PoolKey | undefined;
  /** Its `ProviderName`; undefined when not known (a reference, a `for_each` instance). */
  name: string | undefined;
}

/** The Cognito resources of one template or Terraform module, which pool-aware rules read through `context.pool`. */
export interface ResourceIndex {
  pools: Map<PoolKey, UserPoolInfo>;
  resourceServers: ResourceServerInfo[];
  identityProviders: IdentityProviderInfo[];
}

export interface AppClient {
  kind: ClientKind;
  file: SourceFile;
  /** CloudFormation logical id, Terraform `type.label`, or the API member the client sits under. */
  name: string;
  /** Where to report a missing member: the client's own key. */
  nameSpan: Span;
  /** The whole definition (resource, block or request object): file-level facts inside it concern the client. */
  extent: Span;
  properties: ObjectValue;
  /** What its UserPoolId refers to (see PoolKey); undefined when it has none. */
  userPool: PoolKey | undefined;
  /**
   * The resources of its template or module, built on first use (in Terraform that reads the module's
   * other files); undefined for a format that has none beside the client (an API request).
   */
  resources: (() => ResourceIndex) | undefined;
  /** Suppressions written on the client itself (CloudFormation resource `Metadata.cognito-lint.ignore`). */
  metadataSuppressions?: MetadataSuppression[];
  /** For clients expanded from `Fn::If` branches: which branch assignment this is, e.g. `UsePostman=true`. */
  variant?: string;
  /** The file's evaluation budget stopped (load/budget.ts) before or while this client was evaluated: not wholly checked. */
  unchecked?: boolean;
  /** Locations every finding on this client carries (a client created by a module call: the resource in the module). */
  related?: Array<{ span: Span; message: string }>;
  /** How the source spells API member paths and assignments in messages; the API's own names when absent. */
  spelling?: Spelling;
  /**
   * A client secret the file shows where it is no setting of the client: plan JSON's `client_secret`,
   * which the provider computes. (API files carry theirs as the ClientSecret member.)
   */
  secret?: Member;
  /** The tool that wrote the file, when its defaults matter to a message: `cdk` for CDK synth output (`aws:cdk:path` metadata). */
  generator?: 'cdk';
}

/** One `Metadata: { cognito-lint: { ignore: [ { rule, reason, expires } ] } }` entry, as written. */
export interface MetadataSuppression {
  rule: string | undefined;
  reason: string | undefined;
  expires: string | undefined;
  span: Span;
}

/** A fact the loader found about the file that a rule reports (the loader never judges). */
export interface DuplicateKey {
  key: string;
  first: Span;
  second: Span;
}

export interface ParseFailure {
  message: string;
  span: Span;
  /** The file was not read at all (too large, unreadable), as opposed to read and not parsed. */
  notRead?: boolean;
  /** Loading or checking the file failed inside cognito-lint (a bug): `message` says what failed. */
  internal?: boolean;
  /** The file has `{{ ... }}` holes and does not parse even with them blanked: a template, not data. */
  template?: boolean;
  /** The file may be valid but is nested deeper than the parser reaches: no syntax to fix. */
  nesting?: boolean;
}

/** A client definition whose shape rules cannot read, e.g. `Properties` written as a list. */
export interface StructureProblem {
  /** What is wrong, what is expected and how to fix it, in whole sentences. */
  message: string;
  span: Span;
  client: string;
}

/** A comment as its file's parser read it, marker included (`# ...`, `// ...`, a block comment). */
export interface SourceComment {
  text: string;
  span: Span;
}

/** An expression too large to evaluate within the file's budget (load/budget.ts): it became unknown. */
export interface EvaluationOverrun {
  /** The expression as written, shortened for a message. */
  expression: string;
  /** The limit it went over, in words: `more than 10,000 elements`. */
  limit: string;
  span: Span;
  /** Where the expression is written when it is reported elsewhere (inside a Terraform module). */
  written?: { span: Span; note: string };
}

export interface LoadedFile {
  file: SourceFile;
  clients: AppClient[];
  duplicateKeys: DuplicateKey[];
  /**
   * The comments that mention `cognito-lint` (the only ones suppressions read), in text order, as the
   * file's parser found them: none for JSON, whatever the file's extension.
   */
  comments?: SourceComment[];
  parseError?: ParseFailure;
  structureProblems?: StructureProblem[];
  evaluationOverrun?: EvaluationOverrun;
  /** Clients (once per resource or instance) the evaluation budget stopped before they were wholly evaluated. */
  uncheckedClients?: number;
}
