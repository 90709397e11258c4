// What a rule is: metadata plus a check over one normalized client (or, for the few rules about the
// file itself, over the loaded file). Modelled on ESLint's `meta` + `create`.
import type { AppClient, DefaultOrigin, IdentityProviderInfo, LoadedFile, ResourceServerInfo, UserPoolInfo, Value } from './model';
import type { Span } from './source';
import type { Fix, MessageValue } from './message';

export type Severity = 'error' | 'warning' | 'note' | 'off';
export const SEVERITIES: readonly Severity[] = ['off', 'note', 'warning', 'error'];
export type RuleCategory = 'correctness' | 'security' | 'tool';
/**
 * What applying a rule's proposed change does (docs/design/fixes-and-remediations.md). A `fix` keeps what
 * the application does at runtime and the deploy valid; a `remediation` changes runtime behaviour to the
 * secure setting. `--fix` applies fixes; `--fix-type remediation` adds remediations.
 */
export type FixType = 'fix' | 'remediation';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  /** Severity in the `recommended` preset. */
  defaultSeverity: Severity;
  /** The problem in a few words ("Implicit grant allowed"): SARIF shortDescription, GitHub's alert title. */
  title: string;
  /** One sentence saying what the rule checks, shown by --list-rules. */
  description: string;
  /** A few sentences of rationale for SARIF fullDescription; the doc page has the rest. */
  rationale: string;
  /** SARIF precision: how often a finding is a true positive. */
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /** CVSS-like score as a string for GitHub code scanning, security rules only. */
  securitySeverity?: string;
  /** Named message templates: `{{field}}` data slots, `{{member:Name}}` and `{{set:Name=value}}` (src/message.ts). */
  messages: Record<string, string>;
  /** JSON Schema for the rule's options, and their defaults. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /** Options a preset sets over the defaults (`strict` turns stricter checks on). */
  presetOptions?: { strict?: Record<string, unknown> };
  /**
   * Whether --fix may apply the `fix` a report carries, and of which kind (as ESLint's `meta.fixable` and
   * `hasSuggestions`). Absent: the fix is advice in the message only.
   */
  fix?: FixType;
  /** For a remediation: what changes at runtime when it is applied, in one line. */
  runtimeChange?: string;
}

export interface Report {
  messageId: string;
  data?: Record<string, MessageValue>;
  /** The culprit: a value (its span and default origin are used) or an explicit span. */
  at: Value | Span;
  /** Property path inside the client, for fingerprints: `CallbackURLs[2]`, `TokenValidityUnits.AccessToken`, or `` for the client. */
  path: string;
  /**
   * The values the finding rests on besides the reported one. The evaluate stage gives each a related
   * location and, when it comes from a default, says so: in the template's `{{because}}` slot, or at the end.
   */
  because?: Because[];
  /** The repair, when it is safe and mechanical (`{{fix}}` in the template shows it). */
  fix?: Fix;
  /** Extra related locations beyond the default origin. */
  related?: Array<{ span: Span; message: string }>;
  /**
   * At most this severity, for a result milder than the rule's others (parse-error's note about a value
   * too large to evaluate). The configured severity still caps it, and `off` still silences it.
   */
  severity?: Exclude<Severity, 'off'>;
}

/** A value a finding rests on without being its location (see Report.because). */
export interface Because {
  value: Value;
  /** What a note calls it: a member name (spelled by the source) or a phrase such as `the unit "days"`. */
  what: MessageValue;
  /** Label of a related location at the value (none when another location already shows it). */
  label?: string;
}

/** The resources around a client in its template or module, matched to the client's UserPoolId once (evaluate.ts). */
export interface PoolContext {
  /** The user pool the client is tied to (defined beside it); undefined when UserPoolId is a literal, unknown or another file's. */
  userPool: UserPoolInfo | undefined;
  /** Resource servers written with the same UserPoolId as the client. */
  resourceServers: ResourceServerInfo[];
  /** Identity providers written with the same UserPoolId as the client. */
  identityProviders: IdentityProviderInfo[];
}

export interface ClientContext<O = Record<string, unknown>> {
  client: AppClient;
  options: O;
  /** Undefined when the client's format has no resources beside it (an API request) or it has no UserPoolId. */
  readonly pool: PoolContext | undefined;
  report(report: Report): void;
}

export interface FileContext {
  loaded: LoadedFile;
  report(report: Report): void;
}

export interface Rule<O = Record<string, unknown>> {
  meta: RuleMeta;
  checkClient?(context: ClientContext<O>): void;
  checkFile?(context: FileContext): void;
}

export function defineRule<O = Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}

export function isValue(at: Value | Span): at is Value {
  return 'kind' in at;
}

export function originOf(at: Value | Span): DefaultOrigin | undefined {
  return isValue(at) ? at.origin : undefined;
}
