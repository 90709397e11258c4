// Checkstyle XML, which Jenkins (Warnings Next Generation), SonarQube, reviewdog and many CI dashboards
// read; ESLint's checkstyle formatter is the model. One <error> per finding in its file's <file>;
// `source` is `cognito-lint.rules.<rule id>`, because Warnings NG takes the text after the last dot as
// the type and the segment before it as the category. Checkstyle has no summary element, so the
// command line prints what was checked on stderr.
import type { Finding } from '../finding';
import type { Formatter } from './index';
import { XML_DECLARATION, xmlAttributes } from './xml';

/** Checkstyle's own severities: error, warning, info (and ignore). */
const SEVERITY = { error: 'error', warning: 'warning', note: 'info' } as const;

export const checkstyle: Formatter = {
  name: 'checkstyle',
  description: 'Checkstyle XML for Jenkins Warnings NG and other dashboards',
  carriesCounts: false,
  options: () => undefined,
  write: (findings, context, _options, write) => {
    write(XML_DECLARATION);
    write('<checkstyle version="4.3">\n');
    let currentFile: string | undefined;
    for (const finding of findings) {
      if (finding.file.path !== currentFile) {
        if (currentFile !== undefined) write('  </file>\n');
        currentFile = finding.file.path;
        // Relative to the repository root, which is the workspace Jenkins and other dashboards resolve it against.
        write(`  <file ${xmlAttributes([['name', finding.file.repositoryPath]])}>\n`);
      }
      write(`    <error ${xmlAttributes(attributes(finding, context.toolName))}/>\n`);
    }
    if (currentFile !== undefined) write('  </file>\n');
    write('</checkstyle>\n');
  },
};

function attributes(finding: Finding, toolName: string): Array<[string, string | number]> {
  return [
    ['line', finding.region.start.line],
    ['column', finding.region.start.column],
    ['severity', SEVERITY[finding.severity]],
    ['message', finding.message],
    ['source', `${toolName}.rules.${finding.ruleId}`],
  ];
}
