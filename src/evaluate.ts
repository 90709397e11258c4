// Evaluate stage: runs every enabled rule over every loaded file and client, resolves positions,
// renders messages and removes the duplicates that Fn::If expansion produces.
import type { AppClient, LoadedFile } from './model';
import type { Finding, RelatedLocation } from './finding';
import { compareFindings, SEVERITY_RANK } from './finding';
import type { RuleSettings } from './config';
import { isValue, type ClientContext, type PoolContext, type Report, type Rule } from './rule';
import type { SourceFile, Span } from './source';
import { API_SPELLING, renderTemplate, renderValue, type Spelling } from './message';
import { fingerprintOf } from './fingerprint';
import { redact, secretsIn } from './redact';

/** Settings for all files, or per file (configuration overrides by glob). */
export type SettingsSource = RuleSettings | ((file: SourceFile) => RuleSettings);

/** `["key"]` or `[0]` in a Terraform client address: which instance of a block (or module call) it is. */
const INSTANCE_KEY = /\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g;

export function evaluate(files: readonly LoadedFile[], rules: readonly Rule[], settingsSource: SettingsSource): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, Finding>();
  const addFinding = (finding: Finding): void => {
    // The client is part of the key: the clients a Terraform module call creates share the call's position.
    // Its instance keys are not: instances of one `for_each`/`count` block that give the same finding at the
    // same place (a value written once in the block) are reported once, for the first instance.
    const key = `${finding.ruleId}\0${finding.file.path}\0${finding.client.replace(INSTANCE_KEY, '')}\0${finding.region.start.line}:${finding.region.start.column}-${finding.region.end.line}:${finding.region.end.column}\0${finding.message}`;
    const first = seen.get(key);
    if (first) {
      if (first.client !== finding.client) first.otherInstances = (first.otherInstances ?? 0) + 1;
      return;
    }
    seen.set(key, finding);
    findings.push(finding);
  };
  for (const loaded of files) {
    const settings = typeof settingsSource === 'function' ? settingsSource(loaded.file) : settingsSource;
    // Client secrets of this file never leave it whole, whatever rule reports near them.
    const secrets = secretsIn(loaded);
    const add = secrets.length === 0 ? addFinding : (finding: Finding): void => addFinding(redactFinding(finding, secrets));
    for (const rule of rules) {
      const setting = settings.get(rule.meta.id);
      if (!setting || setting.severity === 'off') continue;
      if (rule.checkFile) {
        rule.checkFile({ loaded, report: (report) => add(makeFinding(rule, setting.severity as Finding['severity'], loaded.file, '', report)) });
      }
      if (rule.checkClient) {
        for (const client of loaded.clients) {
          rule.checkClient(
            new ClientCheck(client, setting.options, (report) => add(makeFinding(rule, setting.severity as Finding['severity'], loaded.file, client.name, client.related ? { ...report, related: [...(report.related ?? []), ...client.related] } : report, client.spelling))),
          );
        }
      }
    }
  }
  return findings.sort(compareFindings);
}

/**
 * What a rule's checkClient gets. A class, not an object literal: a literal with a getter is built by the
 * runtime's slow path, and a run builds one per rule and client (1,000 templates: 180,000 of them, about
 * 150 ms; docs/PERFORMANCE.md, "Budget v3").
 */
class ClientCheck implements ClientContext {
  constructor(
    readonly client: AppClient,
    readonly options: Record<string, unknown>,
    readonly report: (report: Report) => void,
  ) {}

  get pool(): PoolContext | undefined {
    return poolOf(this.client);
  }
}

const pools = new WeakMap<AppClient, PoolContext | undefined>();

/** The client's pool and the resources written for it, matched once per client and only when a rule asks. */
function poolOf(client: AppClient): PoolContext | undefined {
  if (pools.has(client)) return pools.get(client);
  let context: PoolContext | undefined;
  if (client.resources && client.userPool !== undefined) {
    const index = client.resources();
    const key = client.userPool;
    context = {
      userPool: index.pools.get(key),
      resourceServers: index.resourceServers.filter((server) => server.pool === key),
      identityProviders: index.identityProviders.filter((provider) => provider.pool === key),
    };
  }
  pools.set(client, context);
  return context;
}

function redactFinding(finding: Finding, secrets: readonly string[]): Finding {
  return {
    ...finding,
    message: redact(finding.message, secrets),
    related: finding.related.map((related) => ({ ...related, message: redact(related.message, secrets) })),
    fingerprint: redact(finding.fingerprint, secrets),
  };
}

/** A report turned into a finding: positions resolved, message rendered, default origin noted. */
export function makeFinding(rule: Rule, severity: Finding['severity'], file: SourceFile, client: string, report: Report, spelling: Spelling = API_SPELLING): Finding {
  const span: Span = isValue(report.at) ? report.at.span : report.at;
  const origin = isValue(report.at) ? report.at.origin : undefined;
  const because = provenance(report, origin?.owner, spelling);
  let message = renderMessage(rule, report, spelling, because.note);
  // A value of one Fn::FindInMap branch (reported, or one the finding rests on): it holds for that key only.
  const branches = new Set([...(isValue(report.at) ? [report.at] : []), ...(report.because ?? []).map((b) => b.value)].flatMap((value) => (value.branch === undefined ? [] : [value.branch])));
  if (branches.size > 0) message += ` (when ${[...branches].join(' and ')})`;
  const related: RelatedLocation[] = [];
  if (origin) {
    message += ` (the value comes from the default of ${origin.owner})`;
    related.push({ file: origin.span.file, region: origin.span.file.regionOf(origin.span), message: `default of ${origin.owner}` });
  }
  const written = isValue(report.at) ? report.at.written : undefined;
  if (written) related.push({ file: written.span.file, region: written.span.file.regionOf(written.span), message: written.note });
  for (const extra of [...(report.related ?? []), ...because.related]) related.push({ file: extra.span.file, region: extra.span.file.regionOf(extra.span), message: extra.message });
  return {
    ruleId: rule.meta.id,
    severity: report.severity && SEVERITY_RANK[report.severity] < SEVERITY_RANK[severity] ? report.severity : severity,
    message,
    file: span.file,
    region: span.file.regionOf(span),
    related,
    client,
    path: report.path,
    fingerprint: fingerprintOf({ ruleId: rule.meta.id, file: file.repositoryPath, client, path: report.path, ...(isValue(report.at) ? { value: report.at } : {}) }),
    ...(report.fix ? { fix: report.fix } : {}),
    // Fixability belongs to the rule: its meta says whether --fix may apply the fix, and what that changes.
    ...(report.fix && rule.meta.fix ? { fixType: rule.meta.fix, ...(rule.meta.runtimeChange ? { runtimeChange: rule.meta.runtimeChange } : {}) } : {}),
  };
}

function renderMessage(rule: Rule, report: Report, spelling: Spelling, because: string): string {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${report.messageId}"`);
  // The provenance of the values a finding rests on goes where the template says, else at the end.
  const message = renderTemplate(template, { ...report.data, because }, spelling, report.fix);
  return template.includes('{{because}}') ? message : message + because;
}

/**
 * Related locations and notes for Report.because: each value's own location (when labelled) and, for a
 * value known only from a default, the default's location and ` (X comes from the default of Y)`. The
 * reported value's own default (`owner`) is said once, by makeFinding, not again here.
 */
function provenance(report: Report, reportedOwner: string | undefined, spelling: Spelling): { note: string; related: Array<{ span: Span; message: string }> } {
  const related: Array<{ span: Span; message: string }> = [];
  const owners = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const { value, what, label } of report.because ?? []) {
    if (label !== undefined) related.push({ span: value.span, message: label });
    const origin = value.origin;
    if (!origin || origin.owner === reportedOwner) continue;
    const key = `${origin.owner}\0${origin.span.start}`;
    if (!seen.has(key)) {
      seen.add(key);
      related.push({ span: origin.span, message: `default of ${origin.owner}` });
    }
    const subject = renderValue(what, spelling);
    const list = owners.get(subject) ?? [];
    if (!list.includes(origin.owner)) list.push(origin.owner);
    owners.set(subject, list);
  }
  const note = [...owners].map(([subject, list]) => ` (${subject} comes from the default of ${list.join(', ')})`).join('');
  return { note, related };
}
