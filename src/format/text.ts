// Human output, grouped by file like ESLint's stylish format: `line:col  severity  client: message  rule-id`,
// then a summary that always says what was checked, so a run that checked nothing never looks clean.
import { createColors } from 'picocolors';
import type { Finding } from '../finding';
import type { LintResult } from '../lint';
import type { FormatContext, Formatter, Write } from './index';
import { escapeControls, escapeLineStart } from '../escape';
import { plural } from '../text';

/** Writes each file's lines as it goes: the report is never held whole. */
export function formatText(findings: readonly Finding[], context: FormatContext, write: Write): void {
  const c = createColors(context.color);
  if (findings.length === 0) {
    write(`${c.green('✔')} no problems; ${checkedSummary(context.result)}\n`);
    return;
  }
  const counts = { error: 0, warning: 0, note: 0 };
  let currentFile: string | undefined;
  let files = 0;
  for (const finding of findings) {
    if (finding.file.path !== currentFile) {
      if (currentFile !== undefined) write('\n');
      currentFile = finding.file.path;
      files++;
      write(`${c.underline(escapeLineStart(currentFile))}\n`);
    }
    counts[finding.severity]++;
    // At least one space after a long `line:col`, so problem matchers can split every line.
    const where = `${finding.region.start.line}:${finding.region.start.column}`.padEnd(7) + ' ';
    const severity = finding.severity === 'error' ? c.red('error  ') : finding.severity === 'warning' ? c.yellow('warning') : c.blue('note   ');
    write(`  ${where}${severity}  ${clientLabel(finding, c.bold)}${escapeControls(finding.message)}  ${c.dim(escapeControls(finding.ruleId))}\n`);
  }
  const total = findings.length;
  const summary = `${total} ${total === 1 ? 'problem' : 'problems'} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.note, 'note')}) in ${plural(files, 'file')}`;
  write(`\n${(counts.error > 0 ? c.red : counts.warning > 0 ? c.yellow : c.blue)(c.bold(`✖ ${summary}`))}\n${checkedSummary(context.result)}\n`);
}

export const text: Formatter = {
  name: 'text',
  description: 'for people: grouped by file, with a summary',
  carriesCounts: true,
  options: () => undefined,
  write: (findings, context, _options, write) => formatText(findings, context, write),
};

/**
 * `WebClient: ` before the message: two clients can give the same message at the same place (a YAML alias
 * they share, a value written once in a `for_each` block), and only the name tells them apart.
 */
function clientLabel(finding: Finding, bold: (text: string) => string): string {
  if (finding.client === '') return '';
  const more = finding.otherInstances ? ` and ${plural(finding.otherInstances, 'more instance')}` : '';
  return `${bold(escapeControls(finding.client + more))}: `;
}

/** What the run looked at: `checked 12 files, 3 clients`. */
export function checkedSummary(result: LintResult): string {
  const skipped = result.filesSkippedTooLarge > 0 ? `; ${plural(result.filesSkippedTooLarge, 'file')} over --max-file-size not read (no client in the first megabyte)` : '';
  const unchecked = result.clientsUnchecked > 0 ? `; ${plural(result.clientsUnchecked, 'client')} not checked (the evaluation budget ran out: see the warnings)` : '';
  return `checked ${plural(result.filesScanned, 'file')}, ${plural(result.clients, 'client')}${unchecked}${skipped}`;
}

