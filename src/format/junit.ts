// JUnit XML, as Jenkins (junit and xUnit plugins), Azure DevOps (PublishTestResults, testResultsFormat
// JUnit) and GitLab (artifacts:reports:junit) read it; ESLint's junit formatter is the model. One
// <testsuite> per file with findings, one failing <testcase> per finding (named by rule, client and
// member, never by line, so a test keeps its history when lines move), then a passing suite named
// after the tool that says what was checked and carries the counts as properties: a clean run is
// still a report of one passed test. Validated in tests against the schema the Jenkins xUnit plugin
// checks JUnit files with (test/schemas/junit-10.xsd).
import path from 'node:path';
import type { Finding } from '../finding';
import { ruleDocUrl } from '../meta';
import type { Formatter } from './index';
import { checkedSummary } from './text';
import { XML_DECLARATION, xmlAttributes, xmlText } from './xml';
import { escapeControls } from '../escape';
import { plural } from '../text';

export const junit: Formatter = {
  name: 'junit',
  description: 'JUnit XML test results for Jenkins, Azure DevOps and GitLab',
  carriesCounts: true,
  options: () => undefined,
  write: (findings, context, _options, write) => {
    const count = (severity: Finding['severity']): number => findings.filter((finding) => finding.severity === severity).length;
    const tests = findings.length + 1;
    write(XML_DECLARATION);
    write(`<testsuites ${xmlAttributes([['name', context.toolName], ['tests', tests], ['failures', findings.length], ['errors', 0], ['time', 0]])}>\n`);
    let index = 0;
    for (const { file, length } of consecutiveFiles(findings)) {
      const classname = pathWithoutExtension(file);
      write(`  <testsuite ${xmlAttributes([['name', file], ['tests', length], ['failures', length], ['errors', 0], ['skipped', 0], ['time', 0], ['file', file]])}>\n`);
      const occurrences = new Map<string, number>();
      for (const finding of findings.slice(index, index + length)) {
        const name = testName(finding, occurrences);
        write(`    <testcase ${xmlAttributes([['name', name], ['classname', classname], ['time', 0]])}>\n`);
        write(`      <failure ${xmlAttributes([['type', finding.severity], ['message', finding.message]])}>${xmlText(failureText(finding))}</failure>\n`);
        write('    </testcase>\n');
      }
      write('  </testsuite>\n');
      index += length;
    }
    const { result } = context;
    const properties: Array<[string, number]> = [
      ['filesScanned', result.filesScanned],
      ['filesWithClients', result.filesWithClients],
      ['clients', result.clients],
      ['clientsUnchecked', result.clientsUnchecked],
      ['filesSkippedTooLarge', result.filesSkippedTooLarge],
      ['errors', count('error')],
      ['warnings', count('warning')],
      ['notes', count('note')],
    ];
    write(`  <testsuite ${xmlAttributes([['name', context.toolName], ['tests', 1], ['failures', 0], ['errors', 0], ['skipped', 0], ['time', 0]])}>\n`);
    write('    <properties>\n');
    for (const property of properties) write(`      <property ${xmlAttributes([['name', property[0]], ['value', property[1]]])}/>\n`);
    write('    </properties>\n');
    write(`    <testcase ${xmlAttributes([['name', 'checked files'], ['classname', context.toolName], ['time', 0]])}>\n`);
    write(`      <system-out>${xmlText(`${context.toolName} ${context.toolVersion}: ${checkedSummary(result)}; ${plural(findings.length, 'finding')}`)}</system-out>\n`);
    write('    </testcase>\n');
    write('  </testsuite>\n');
    write('</testsuites>\n');
  },
};

/** Runs of findings in one file, in order (findings come sorted by file). */
function consecutiveFiles(findings: readonly Finding[]): Array<{ file: string; length: number }> {
  const runs: Array<{ file: string; length: number }> = [];
  for (const finding of findings) {
    const last = runs[runs.length - 1];
    if (last && last.file === finding.file.path) last.length++;
    else runs.push({ file: finding.file.path, length: 1 });
  }
  return runs;
}

/** `rule: Client Member`, with ` (2)` for a second finding of the same name in the file (a value listed twice). */
function testName(finding: Finding, occurrences: Map<string, number>): string {
  const base = [finding.ruleId + (finding.client || finding.path ? ':' : ''), finding.client, finding.path].filter(Boolean).join(' ');
  const occurrence = (occurrences.get(base) ?? 0) + 1;
  occurrences.set(base, occurrence);
  return occurrence === 1 ? base : `${base} (${occurrence})`;
}

/** What a CI page shows under the failed test: where, what, related places and the rule's page. */
function failureText(finding: Finding): string {
  const at = (file: string, region: Finding['region']): string => `${file}:${region.start.line}:${region.start.column}`;
  // Values inside are escaped (a CallbackURL with a line break): only the lines joined here break the text.
  const lines = [`${at(escapeControls(finding.file.path), finding.region)}: ${finding.severity}: ${escapeControls(finding.message)} (${finding.ruleId})`];
  for (const related of finding.related) lines.push(`  ${at(escapeControls(related.file.path), related.region)}: ${escapeControls(related.message)}`);
  lines.push(`Documentation: ${ruleDocUrl(finding.ruleId)}`);
  return lines.join('\n');
}

/** Jenkins splits a classname at its last dot into package and class: the path without its extension, as ESLint writes it. */
function pathWithoutExtension(file: string): string {
  return file.slice(0, file.length - path.posix.extname(file).length);
}
