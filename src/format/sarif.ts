// SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule described, tight regions,
// repository-relative URIs, our own partial fingerprints, related locations linked from the message,
// a notification per file not parsed or read, and at most GitHub's 25,000 results (the most severe).
// Deterministic: no timestamps, no absolute paths.
import path from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding } from '../finding';
import { SEVERITY_RANK, describeChange, plannedChange } from '../finding';
import type { Rule, Severity } from '../rule';
import { ruleDocUrl } from '../meta';
import type { FormatContext, Formatter, Write } from './index';
import { reportFingerprints } from './report-fingerprint';
import { ITEMS, writeJsonWithItems } from './json-stream';

/** GitHub code scanning rejects more results than this in one run. */
export const GITHUB_RESULT_LIMIT = 25_000;
const SOURCE_ROOT = '%SRCROOT%';
const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Exclude<Severity, 'off'>, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', note: 'note' };

interface SarifOptions {
  /** automationDetails.id (--sarif-category), to tell several uploads of one commit apart. */
  category?: string;
}

export const sarif: Formatter<SarifOptions> = {
  name: 'sarif',
  description: 'SARIF 2.1.0 for GitHub code scanning and other SARIF viewers',
  carriesCounts: true,
  carriesFixEdits: true,
  options: ({ flags }) => {
    const category = flags.get('sarif-category');
    return typeof category === 'string' && category ? { category } : {};
  },
  write: (findings, context, options, write) => formatSarif(findings, context, options, write),
};

export function formatSarif(findings: readonly Finding[], context: FormatContext, options: SarifOptions, write: Write): void {
  const enabled = context.rules
    .filter((rule) => context.enabledRuleIds.has(rule.meta.id))
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const ruleIndex = new Map(enabled.map((rule, index) => [rule.meta.id, index]));
  const toUri = (file: string): string => artifactUri(file, context.cwd, context.repositoryRoot);

  const kept = mostSevere(findings, GITHUB_RESULT_LIMIT);
  const notifications = notReadNotifications(context, toUri);
  if (kept.length < findings.length) {
    const text = `The report holds the ${kept.length} most severe of ${findings.length} results: GitHub code scanning accepts at most ${GITHUB_RESULT_LIMIT} per run. Fix or baseline findings, or lint fewer paths per upload.`;
    context.warn(text);
    notifications.push({ level: 'warning', message: { text } });
  }
  const fingerprintHash = reportFingerprints();
  // Each result is made as it is written (writeJsonWithItems): the log is never whole in memory.
  const toResult = (finding: Finding): Sarif.Result => {
    const related = finding.related.map((entry, index) => ({ id: index + 1, ...location(toUri(entry.file.path), entry.region), message: { text: entry.message } }));
    // GitHub shows only related locations the message links to.
    const links = related.map((entry) => `[${escapeLinkText(entry.message.text)}](${entry.id})`).join(', ');
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: links ? `${finding.message} See ${links}.` : finding.message },
      locations: [location(toUri(finding.file.path), finding.region)],
      partialFingerprints: { 'cognitoLintFingerprint/v2': fingerprintHash(finding.fingerprint) },
    };
    if (result.ruleIndex === -1) delete result.ruleIndex;
    if (related.length > 0) result.relatedLocations = related;
    const fix = sarifFix(finding, toUri);
    if (fix) result.fixes = [fix];
    return result;
  };

  const run: Omit<Sarif.Run, 'results'> & { results: typeof ITEMS } = {
    tool: {
      driver: {
        name: context.toolName,
        semanticVersion: context.toolVersion,
        version: context.toolVersion,
        informationUri: context.informationUri,
        rules: enabled.map((rule) => describeRule(rule, context.settings.get(rule.meta.id)?.severity ?? 'off')),
      },
    },
    invocations: [{ executionSuccessful: context.result.allFilesProcessed, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
    ...(options.category ? { automationDetails: { id: options.category.endsWith('/') ? options.category : `${options.category}/` } } : {}),
    originalUriBaseIds: { [SOURCE_ROOT]: { description: { text: 'The root of the repository (or the working directory outside one).' } } },
    columnKind: 'utf16CodeUnits',
    results: ITEMS,
    properties: {
      filesScanned: context.result.filesScanned,
      filesWithClients: context.result.filesWithClients,
      clients: context.result.clients,
      clientsUnchecked: context.result.clientsUnchecked,
      filesSkippedTooLarge: context.result.filesSkippedTooLarge,
    },
  };
  const log: Omit<Sarif.Log, 'runs'> & { runs: [typeof run] } = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  writeJsonWithItems(log, kept, toResult, write);
}

/**
 * The fix as the edits --fix would make, planned while the file was loaded (src/lint.ts, `change`). Its
 * description and properties say whether it is a fix or a remediation, and what a remediation changes.
 */
function sarifFix(finding: Finding, toUri: (file: string) => string): Sarif.Fix | undefined {
  const change = plannedChange(finding);
  if (!change) return undefined;
  const replacements = change.replacements.map(({ start, end, text }) => ({ deletedRegion: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column }, insertedContent: { text } }));
  const properties: Sarif.PropertyBag = { fixType: finding.fixType ?? 'fix', ...(finding.runtimeChange ? { runtimeChange: finding.runtimeChange } : {}) };
  return { description: { text: describeChange(finding, change) }, artifactChanges: [{ artifactLocation: { uri: toUri(finding.file.path), uriBaseId: SOURCE_ROOT }, replacements }], properties };
}

function describeRule(rule: Rule, severity: Severity): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const url = ruleDocUrl(meta.id);
  const tags = [meta.category === 'security' ? 'security' : 'correctness', 'cognito'];
  const properties: Sarif.PropertyBag = { tags, precision: meta.precision };
  if (meta.securitySeverity) properties['security-severity'] = meta.securitySeverity;
  return {
    id: meta.id,
    name: ruleName(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: `${meta.description} ${meta.rationale}` },
    help: {
      text: `${meta.rationale} Documentation: ${url}`,
      markdown: `${meta.rationale}\n\n[Documentation for ${meta.id}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: { level: severity === 'off' ? 'none' : LEVEL[severity] },
    properties,
  };
}

/** The `limit` most severe findings, in their original order. */
function mostSevere(findings: readonly Finding[], limit: number): readonly Finding[] {
  if (findings.length <= limit) return findings;
  const chosen = new Set(
    findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => SEVERITY_RANK[b.finding.severity] - SEVERITY_RANK[a.finding.severity] || a.index - b.index)
      .slice(0, limit)
      .map((entry) => entry.finding),
  );
  return findings.filter((finding) => chosen.has(finding));
}

/** One notification per file that was not parsed or not read, and for large files skipped unreported. */
function notReadNotifications(context: FormatContext, toUri: (file: string) => string): Sarif.Notification[] {
  const notifications: Sarif.Notification[] = [];
  for (const { file, failure } of context.result.failures) {
    notifications.push({
      level: failure.notRead ? 'warning' : failure.template ? 'note' : 'error',
      message: { text: `${failure.notRead ? 'Not read' : 'Not parsed'}: ${failure.message}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file.path), uriBaseId: SOURCE_ROOT } } }],
    });
  }
  const skipped = context.result.filesSkippedTooLarge;
  if (skipped > 0) notifications.push({ level: 'note', message: { text: `${skipped} ${skipped === 1 ? 'file' : 'files'} over --max-file-size not read: no client in the first megabyte.` } });
  return notifications;
}

/** SARIF embedded-link text escapes `\`, `[` and `]`. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

function location(uri: string, region: Finding['region']): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: SOURCE_ROOT },
      region: { startLine: region.start.line, startColumn: region.start.column, endLine: region.end.line, endColumn: region.end.column },
    },
  };
}

/** Repository-relative, forward slashes, percent-encoded, no leading slash. */
export function artifactUri(displayPath: string, cwd: string, repositoryRoot: string): string {
  const absolute = path.resolve(cwd, displayPath);
  const relative = path.relative(repositoryRoot, absolute).split(path.sep).join('/');
  return relative.split('/').map((segment) => encodeURIComponent(segment)).join('/');
}

/** SARIF wants a readable `name` that differs from the opaque `id` (sarif-multitool SARIF1001 compares case-insensitively). */
function ruleName(id: string): string {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Violation` : name;
}

