// Runs the built binary the way a user does: a child process in a temporary git repository. Every test
// file that spawns the CLI takes BIN from here, so test/bundle.test.ts can run it against the bundle too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './golden';

/** The two builds of the CLI: the tsc output the sources compile to, and the bundle users run (scripts/bundle.js). */
export const BINS = { sources: join(REPO_ROOT, 'bin', 'cognito-lint.js'), bundle: join(REPO_ROOT, 'bundle', 'cognito-lint.js') } as const;
export type BinName = keyof typeof BINS;
/** Which build the spawning tests run: the sources, or the bundle when test/bundle.test.ts runs them again with this variable. */
export const BIN_VARIABLE = 'COGNITO_LINT_TEST_BIN';
export const BIN_NAME: BinName = process.env[BIN_VARIABLE] === 'bundle' ? 'bundle' : 'sources';
export const BIN = BINS[BIN_NAME];

export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh `git init` repository holding `files`. */
export function gitRepository(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-repo-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), text);
  }
}

/** `cognito-lint ...args` in `cwd`, with a clean environment (no CI or GitHub variables) plus `env`. */
export function lintBin(cwd: string, args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): BinRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
