// Machine output: one object with every result and a summary. Stable key order and sorting.
import type { Finding } from '../finding';
import type { FormatContext, Formatter, Write } from './index';
import { ITEMS, writeJsonWithItems } from './json-stream';

export const json: Formatter = {
  name: 'json',
  description: 'every result and a summary, for scripts',
  carriesCounts: true,
  options: () => undefined,
  write: (findings, context, _options, write) => formatJson(findings, context, write),
};

export function formatJson(findings: readonly Finding[], context: FormatContext, write: Write): void {
  const result = (finding: Finding): unknown => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    file: finding.file.path,
    line: finding.region.start.line,
    column: finding.region.start.column,
    endLine: finding.region.end.line,
    endColumn: finding.region.end.column,
    client: finding.client,
    path: finding.path,
    fingerprint: finding.fingerprint,
    // The repair in API terms (src/message.ts `Fix`). With fixType, --fix can apply it: a `fix` keeps
    // runtime behaviour, a `remediation` (--fix-type remediation) changes it as runtimeChange says.
    ...(finding.fix ? { fix: finding.fix } : {}),
    ...(finding.fixType ? { fixType: finding.fixType } : {}),
    ...(finding.runtimeChange ? { runtimeChange: finding.runtimeChange } : {}),
    related: finding.related.map((related) => ({
      file: related.file.path,
      line: related.region.start.line,
      column: related.region.start.column,
      endLine: related.region.end.line,
      endColumn: related.region.end.column,
      message: related.message,
    })),
  });
  const count = (severity: Finding['severity']): number => findings.filter((f) => f.severity === severity).length;
  const summary = {
    filesScanned: context.result.filesScanned,
    filesWithClients: context.result.filesWithClients,
    clients: context.result.clients,
    clientsUnchecked: context.result.clientsUnchecked,
    filesSkippedTooLarge: context.result.filesSkippedTooLarge,
    errors: count('error'),
    warnings: count('warning'),
    notes: count('note'),
  };
  writeJsonWithItems({ tool: { name: context.toolName, version: context.toolVersion }, results: ITEMS, summary }, findings, result, write);
}
