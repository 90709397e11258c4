// Format stage: findings to text, JSON, SARIF or GitHub annotations. A formatter never decides severity.
import type { Finding } from '../finding';
import type { LintResult } from '../lint';
import type { Rule } from '../rule';
import type { RuleSettings } from '../config';
import { formatText } from './text';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatGithub } from './github';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface FormatContext {
  result: LintResult;
  rules: readonly Rule[];
  /** Settings where no override applies: each rule's configured level. */
  settings: RuleSettings;
  /** Rules on for at least one file (overrides and --rule included): what SARIF describes. */
  enabledRuleIds: ReadonlySet<string>;
  cwd: string;
  repositoryRoot: string;
  /** What `github` annotations are relative to: GITHUB_WORKSPACE when set, else the repository root. */
  annotationRoot: string;
  /** Tells the user something about the report itself (SARIF's result cap), on stderr. */
  warn: (message: string) => void;
  color: boolean;
  toolName: string;
  toolVersion: string;
  informationUri: string;
  sarifCategory?: string;
}

export function format(name: FormatName, findings: readonly Finding[], context: FormatContext): string {
  switch (name) {
    case 'text':
      return formatText(findings, context);
    case 'json':
      return formatJson(findings, context);
    case 'sarif':
      return formatSarif(findings, context);
    case 'github':
      return formatGithub(findings, context);
  }
}
