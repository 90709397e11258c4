// GitHub Actions workflow commands: one annotation per result, shown on the pull request diff.
// https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions
// GitHub resolves `file=` against the workspace, whatever the step's working-directory.
import path from 'node:path';
import type { Finding } from '../finding';
import { toDisplayPath } from '../discover';
import type { Formatter, Write } from './index';
import { escapeControls } from '../escape';

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

/** What annotations are relative to: GITHUB_WORKSPACE when set, else the repository root. */
interface GithubOptions {
  annotationRoot: string;
}

export const github: Formatter<GithubOptions> = {
  name: 'github',
  description: 'GitHub Actions annotations on the pull request diff',
  carriesCounts: false,
  options: ({ env, repositoryRoot }) => ({ annotationRoot: env.GITHUB_WORKSPACE || repositoryRoot }),
  write: (findings, context, options, write) => formatGithub(findings, { cwd: context.cwd, annotationRoot: options.annotationRoot }, write),
};

export function formatGithub(findings: readonly Finding[], context: { cwd: string; annotationRoot: string }, write: Write): void {
  for (const finding of findings) {
    const { start, end } = finding.region;
    const properties = [
      `file=${escapeProperty(toDisplayPath(path.resolve(context.cwd, finding.file.path), context.annotationRoot))}`,
      `line=${start.line}`,
      `endLine=${end.line}`,
      // GitHub accepts col/endColumn only for single-line annotations.
      ...(start.line === end.line ? [`col=${start.column}`, `endColumn=${end.column}`] : []),
      `title=${escapeProperty(`cognito-lint ${finding.ruleId}`)}`,
    ];
    write(`::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}\n`);
  }
}

/** GitHub's own escapes, over a text whose other control characters (ESC, BEL) are escaped first. */
function escapeData(text: string): string {
  return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
