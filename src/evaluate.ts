// Evaluate stage: runs every enabled rule over every loaded file and client, resolves positions,
// renders messages and removes the duplicates that Fn::If expansion produces.
import type { LoadedFile } from './model';
import type { Finding, RelatedLocation } from './finding';
import { compareFindings, SEVERITY_RANK } from './finding';
import type { RuleSettings } from './config';
import { isValue, type Report, type Rule } from './rule';
import type { SourceFile, Span } from './source';
import { API_SPELLING, renderTemplate, type Spelling } from './message';
import { fingerprintOf } from './fingerprint';

/** Settings for all files, or per file (configuration overrides by glob). */
export type SettingsSource = RuleSettings | ((file: SourceFile) => RuleSettings);

export function evaluate(files: readonly LoadedFile[], rules: readonly Rule[], settingsSource: SettingsSource): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (finding: Finding): void => {
    // The client is part of the key: the clients a Terraform module call creates share the call's position.
    const key = `${finding.ruleId}\0${finding.file.path}\0${finding.client}\0${finding.region.start.line}:${finding.region.start.column}-${finding.region.end.line}:${finding.region.end.column}\0${finding.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(finding);
  };
  for (const loaded of files) {
    const settings = typeof settingsSource === 'function' ? settingsSource(loaded.file) : settingsSource;
    for (const rule of rules) {
      const setting = settings.get(rule.meta.id);
      if (!setting || setting.severity === 'off') continue;
      if (rule.checkFile) {
        rule.checkFile({ loaded, report: (report) => add(makeFinding(rule, setting.severity as Finding['severity'], loaded.file, '', report)) });
      }
      if (rule.checkClient) {
        for (const client of loaded.clients) {
          rule.checkClient({
            client,
            options: setting.options,
            report: (report) => add(makeFinding(rule, setting.severity as Finding['severity'], loaded.file, client.name, client.related ? { ...report, related: [...(report.related ?? []), ...client.related] } : report, client.spelling)),
          });
        }
      }
    }
  }
  return findings.sort(compareFindings);
}

/** A report turned into a finding: positions resolved, message rendered, default origin noted. */
export function makeFinding(rule: Rule, severity: Finding['severity'], file: SourceFile, client: string, report: Report, spelling: Spelling = API_SPELLING): Finding {
  const span: Span = isValue(report.at) ? report.at.span : report.at;
  const origin = isValue(report.at) ? report.at.origin : undefined;
  let message = renderMessage(rule, report, spelling);
  const related: RelatedLocation[] = [];
  if (origin) {
    message += ` (the value comes from the default of ${origin.owner})`;
    related.push({ file: origin.span.file, region: origin.span.file.regionOf(origin.span), message: `default of ${origin.owner}` });
  }
  const written = isValue(report.at) ? report.at.written : undefined;
  if (written) related.push({ file: written.span.file, region: written.span.file.regionOf(written.span), message: written.note });
  for (const extra of report.related ?? []) related.push({ file: extra.span.file, region: extra.span.file.regionOf(extra.span), message: extra.message });
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
  };
}

function renderMessage(rule: Rule, report: Report, spelling: Spelling): string {
  const template = rule.meta.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.meta.id} has no message "${report.messageId}"`);
  return renderTemplate(template, report.data, spelling, report.fix);
}
