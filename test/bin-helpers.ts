// Runs the built binary the way a user does: a child process in a temporary git repository.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './golden';

export const BIN = join(REPO_ROOT, 'bin', 'cognito-lint.js');

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
