// Format stage: findings to text, JSON, SARIF or GitHub annotations. A formatter never decides severity.
import type { Finding } from '../finding';
import type { LintResult } from '../lint';
import type { Rule } from '../rule';
import type { RuleSettings } from '../config';

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

/** Where a formatter writes its report, piece by piece: a report of 100,000 results is never one string. */
export type Write = (chunk: string) => void;

/** Pieces are gathered up to this size before they are written: fewer, larger writes. */
const CHUNK = 1 << 16;

/** Writes the report through `write` in chunks; only the chosen formatter is loaded. */
export function format(name: FormatName, findings: readonly Finding[], context: FormatContext, write: Write): void {
  let pending = '';
  const gather: Write = (piece) => {
    pending += piece;
    if (pending.length >= CHUNK) {
      write(pending);
      pending = '';
    }
  };
  /* eslint-disable @typescript-eslint/no-require-imports */
  switch (name) {
    case 'text':
      (require('./text') as typeof import('./text')).formatText(findings, context, gather);
      break;
    case 'json':
      (require('./json') as typeof import('./json')).formatJson(findings, context, gather);
      break;
    case 'sarif':
      (require('./sarif') as typeof import('./sarif')).formatSarif(findings, context, gather);
      break;
    case 'github':
      (require('./github') as typeof import('./github')).formatGithub(findings, context, gather);
      break;
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (pending) write(pending);
}
