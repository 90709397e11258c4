// Discover stage: command-line paths (files, directories, globs) to the sorted list of files to read.
// Directories and globs respect .gitignore and skip node_modules/.git/.terraform; files named
// explicitly are always read.
import type FastGlob from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compareText } from './finding';
// The extensions a directory walk considers are every dialect's; explicit file arguments may have any name.
import { SCANNED_EXTENSIONS } from './formats';

const ALWAYS_SKIPPED = ['**/node_modules/**', '**/.git/**', '**/.terraform/**'];

export interface Candidate {
  absolutePath: string;
  /** Relative to the working directory, forward slashes: what every output shows. */
  displayPath: string;
  /** Relative to the repository root (or the working directory outside one), forward slashes. */
  repositoryPath: string;
  /** Named on the command line: read even when ignored or of an unusual extension. */
  explicit: boolean;
}

export class UsageError extends Error {}

export function discover(inputs: readonly string[], cwd: string): Candidate[] {
  const repositoryRoot = findRepositoryRoot(cwd) ?? path.resolve(cwd);
  const found = new Map<string, Candidate>();
  const add = (absolutePath: string, explicit: boolean): void => {
    const existing = found.get(absolutePath);
    if (existing) {
      existing.explicit ||= explicit;
      return;
    }
    found.set(absolutePath, { absolutePath, displayPath: toDisplayPath(absolutePath, cwd), repositoryPath: toDisplayPath(absolutePath, repositoryRoot), explicit });
  };
  const walked: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(cwd, input);
    const stats = statOrUndefined(absolute);
    if (stats?.isFile()) add(absolute, true);
    else if (stats?.isDirectory()) {
      for (const file of walk(absolute, `**/*.{${SCANNED_EXTENSIONS.join(',')}}`)) walked.push(file);
    } else if (fastGlob().isDynamicPattern(input)) {
      const base = cwd;
      for (const file of walk(base, input.replace(/\\/g, '/'))) walked.push(file);
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
  }
  const gitignore = new GitignoreFilter(cwd);
  for (const file of walked) if (!gitignore.ignores(file)) add(file, false);
  return [...found.values()].sort((a, b) => compareText(a.displayPath, b.displayPath));
}

/** fast-glob is loaded on first use: a run over named files (pre-commit, one template) never needs it. */
function fastGlob(): typeof FastGlob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('fast-glob') as typeof FastGlob;
}

function walk(base: string, pattern: string): string[] {
  return fastGlob().sync(pattern, {
    cwd: base,
    absolute: true,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false, // a symlink loop must not hang the walk
    suppressErrors: true, // unreadable directories are skipped, not fatal
    ignore: ALWAYS_SKIPPED,
  });
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function toDisplayPath(absolutePath: string, cwd: string): string {
  const relative = path.relative(cwd, absolutePath);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative).split(path.sep).join('/');
}

/** The directory holding `.git`, searching upwards from `start`; undefined outside a repository. */
export function findRepositoryRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** .gitignore files from the repository root down to each file's directory, applied as git does. */
class GitignoreFilter {
  private readonly root: string;
  private readonly perDirectory = new Map<string, Ignore | null>();

  constructor(cwd: string) {
    this.root = findRepositoryRoot(cwd) ?? path.resolve(cwd);
  }

  ignores(file: string): boolean {
    const relativeToRoot = path.relative(this.root, file);
    if (relativeToRoot.startsWith('..')) return false;
    const parts = relativeToRoot.split(path.sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const dir = path.join(this.root, ...parts.slice(0, depth));
      const rules = this.rulesFor(dir);
      if (rules && rules.ignores(parts.slice(depth).join('/'))) return true;
    }
    return false;
  }

  private rulesFor(dir: string): Ignore | null {
    let rules = this.perDirectory.get(dir);
    if (rules === undefined) {
      const file = path.join(dir, '.gitignore');
      rules = existsSync(file) ? ignore().add(readFileSync(file, 'utf8')) : null;
      this.perDirectory.set(dir, rules);
    }
    return rules;
  }
}
