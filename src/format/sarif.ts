// SARIF 2.1.0 for GitHub code scanning: one run, every enabled rule described, tight regions,
// repository-relative URIs, our own partial fingerprints. Deterministic: no timestamps, no absolute paths.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type * as Sarif from 'sarif';
import type { Finding } from '../finding';
import type { Rule, Severity } from '../rule';
import { ruleDocUrl } from '../meta';
import type { FormatContext } from './index';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Exclude<Severity, 'off'>, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', note: 'note' };

export function formatSarif(findings: readonly Finding[], context: FormatContext): string {
  const enabled = context.rules
    .filter((rule) => context.enabledRuleIds.has(rule.meta.id))
    .sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const ruleIndex = new Map(enabled.map((rule, index) => [rule.meta.id, index]));
  const toUri = (file: string): string => artifactUri(file, context.cwd, context.repositoryRoot);

  const results: Sarif.Result[] = findings.map((finding) => {
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [location(toUri(finding.file.path), finding.region)],
      partialFingerprints: { 'cognitoLintFingerprint/v1': hash(finding.fingerprint) },
    };
    if (result.ruleIndex === -1) delete result.ruleIndex;
    if (finding.related.length > 0) {
      result.relatedLocations = finding.related.map((related, index) => ({ id: index + 1, ...location(toUri(related.file.path), related.region), message: { text: related.message } }));
    }
    return result;
  });

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: context.toolName,
        semanticVersion: context.toolVersion,
        version: context.toolVersion,
        informationUri: context.informationUri,
        rules: enabled.map((rule) => describeRule(rule, context.settings.get(rule.meta.id)?.severity ?? 'off')),
      },
    },
    invocations: [{ executionSuccessful: context.result.allFilesProcessed }],
    ...(context.sarifCategory ? { automationDetails: { id: context.sarifCategory.endsWith('/') ? context.sarifCategory : `${context.sarifCategory}/` } } : {}),
    columnKind: 'utf16CodeUnits',
    results,
  };
  const log: Sarif.Log = { $schema: SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
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
    shortDescription: { text: meta.description },
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

function location(uri: string, region: Finding['region']): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri, uriBaseId: '%SRCROOT%' },
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

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
