// GitLab Code Quality JSON (artifacts:reports:codequality), shown in the merge request widget and the
// diff: an array of Code Climate issues. GitLab keeps the first issue of each fingerprint and stops at
// the first issue its schema rejects, so every issue here has a fingerprint of its own (the hashed
// identity SARIF uses) and every field the schema asks for. Validated in tests against GitLab's own
// schema (test/schemas/gitlab-codeclimate.json). GitLab's severities are info, minor, major, critical
// and blocker: an error (what fails the build by default) is critical, a warning major, a note info;
// blocker is not used, since whether a finding blocks is --fail-on's decision, not the report's.
import type { Finding } from '../finding';
import type { Rule } from '../rule';
import type { Formatter } from './index';
import { ITEMS, writeJsonWithItems } from './json-stream';
import { reportFingerprints } from './report-fingerprint';

const SEVERITY = { error: 'critical', warning: 'major', note: 'info' } as const;

interface CodeQualityIssue {
  type: 'issue';
  check_name: string;
  description: string;
  /** Code Climate's categories: Security for security rules, Bug Risk for the rest. */
  categories: string[];
  severity: (typeof SEVERITY)[keyof typeof SEVERITY];
  fingerprint: string;
  location: { path: string; lines: { begin: number; end: number } };
}

export const gitlab: Formatter = {
  name: 'gitlab',
  description: 'GitLab Code Quality JSON for the merge request widget',
  carriesCounts: false,
  options: () => undefined,
  write: (findings, context, _options, write) => {
    const security = new Set(context.rules.filter((rule: Rule) => rule.meta.category === 'security').map((rule) => rule.meta.id));
    const fingerprint = reportFingerprints();
    const toIssue = (finding: Finding): CodeQualityIssue => ({
      type: 'issue',
      check_name: finding.ruleId,
      description: finding.message,
      categories: [security.has(finding.ruleId) ? 'Security' : 'Bug Risk'],
      severity: SEVERITY[finding.severity],
      fingerprint: fingerprint(finding.fingerprint),
      location: {
        // Relative to the repository root, as GitLab links it into the repository.
        path: finding.file.repositoryPath,
        lines: { begin: finding.region.start.line, end: finding.region.end.line },
      },
    });
    writeJsonWithItems(ITEMS, findings, toIssue, write);
  },
};

