// Discover stage: command-line paths (files, directories, globs) to the sorted list of files to read.
// What the user names is read even when .gitignore covers it (`cdk.out/`, `.serverless/` are the very
// folders to lint); .gitignore prunes only what a walk or a glob's wildcards find on their own.
// node_modules/.git/.terraform are always skipped by walks. An input that yields no file is a usage error.
import type FastGlob from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import { existsSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareText } from './finding';
import { gitExcludes } from './git-excludes';
// The extensions a directory walk considers are every dialect's; explicit file arguments may have any name.
import { SCANNED_EXTENSIONS } from './formats';
import type { Candidate } from './candidate';
import { findRepositoryRoot } from './repository-root';

export type { Candidate } from './candidate';
export { findRepositoryRoot } from './repository-root';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform']);
const ALWAYS_SKIPPED = [...SKIPPED_DIRECTORIES].map((name) => `**/${name}/**`);
const SCANNED_SUFFIXES = SCANNED_EXTENSIONS.map((extension) => `.${extension}`);
/** The command-line name of standard input. */
export const STDIN_PATH = '-';
/** What standard input is called in the output when --stdin-filename does not name it. */
export const UNNAMED_STDIN = '<stdin>';

export class UsageError extends Error {}

export interface DiscoverOptions {
  /** Apply .gitignore to what walks find (false with --no-gitignore). */
  gitignore?: boolean;
  /** The configuration's `ignores`: a file it matches is not read, named or not. */
  isIgnored?: (absolutePath: string) => boolean;
  /** False with --no-error-on-unmatched-pattern: an input that yields nothing is skipped. */
  errorOnUnmatchedPattern?: boolean;
  /** Told about named files that the configuration ignores (a pre-commit run must not fail on them). */
  warn?: (message: string) => void;
  /** What `-` reads, and the name --stdin-filename gives it. */
  stdin?: { text: string; filename: string | undefined };
}

export function discover(inputs: readonly string[], cwd: string, options: DiscoverOptions = {}): Candidate[] {
  const repositoryRoot = findRepositoryRoot(cwd) ?? path.resolve(cwd);
  const gitignore = options.gitignore === false ? undefined : new GitignoreFilter(repositoryRoot);
  const isIgnored = options.isIgnored ?? ((): boolean => false);
  const unmatched = (message: string): void => {
    if (options.errorOnUnmatchedPattern !== false) throw new UsageError(message);
  };
  const found = new Map<string, Candidate>();
  const displayPath = displayPathsBelow(cwd);
  const repositoryPath = displayPathsBelow(repositoryRoot);
  const add = (absolutePath: string, explicit: boolean): void => {
    const existing = found.get(absolutePath);
    if (existing) existing.explicit ||= explicit;
    else found.set(absolutePath, { absolutePath, displayPath: displayPath(absolutePath), repositoryPath: repositoryPath(absolutePath), explicit });
  };
  for (const input of inputs) {
    if (input === STDIN_PATH) {
      const candidate = stdinCandidate(options.stdin?.text ?? '', options.stdin?.filename, cwd, repositoryRoot);
      if (options.stdin?.filename !== undefined && isIgnored(candidate.absolutePath)) options.warn?.(`${options.stdin.filename} (standard input) is not checked: it matches the configuration's "ignores"`);
      else found.set(candidate.absolutePath, candidate);
      continue;
    }
    const absolute = path.resolve(cwd, input);
    const stats = statOrUndefined(absolute);
    if (stats?.isFile()) {
      if (isIgnored(absolute)) options.warn?.(`${input} is not checked: it matches the configuration's "ignores"`);
      else add(absolute, true);
      continue;
    }
    let walked: string[];
    let named: string;
    if (stats?.isDirectory()) {
      walked = walkDirectory(absolute);
      named = absolute;
    } else if (fastGlob().isDynamicPattern(input)) {
      const pattern = input.replace(/\\/g, '/');
      walked = walk(cwd, pattern);
      named = path.resolve(cwd, globBase(pattern));
    } else {
      unmatched(`no such file or directory: ${input}`);
      continue;
    }
    const kept = walked.filter((file) => !gitignore?.ignores(file, named));
    const read = kept.filter((file) => !isIgnored(file));
    for (const file of read) add(file, false);
    if (read.length === 0) unmatched(noFilesMessage(input, stats?.isDirectory() ?? false, walked.length - kept.length, kept.length));
  }
  return [...found.values()].sort((a, b) => compareText(a.displayPath, b.displayPath));
}

/** ESLint's wording, plus why nothing was found when something was skipped. */
function noFilesMessage(input: string, isDirectory: boolean, gitignored: number, configIgnored: number): string {
  if (configIgnored > 0) return `all files matched by ${input} are ignored by the configuration's "ignores"`;
  if (gitignored > 0) return `no files matched ${input}: ${gitignored} ${gitignored === 1 ? 'file is' : 'files are'} excluded by .gitignore (name them, or use --no-gitignore)`;
  return isDirectory ? `no files matched ${input} (a directory is searched for ${SCANNED_EXTENSIONS.map((ext) => `*.${ext}`).join(', ')})` : `no files matched ${input}`;
}

/** The candidate for standard input: named by --stdin-filename (for sniffing, overrides and output), else `<stdin>`. */
function stdinCandidate(text: string, stdinFilename: string | undefined, cwd: string, repositoryRoot: string): Candidate {
  if (stdinFilename === undefined) return { absolutePath: path.resolve(cwd, UNNAMED_STDIN), displayPath: UNNAMED_STDIN, repositoryPath: UNNAMED_STDIN, explicit: true, text };
  const absolutePath = path.resolve(cwd, stdinFilename);
  return { absolutePath, displayPath: toDisplayPath(absolutePath, cwd), repositoryPath: toDisplayPath(absolutePath, repositoryRoot), explicit: true, text };
}

/** The literal directory part of a glob (`cdk.out` for `cdk.out/*.template.json`): what the user named. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (fastGlob().isDynamicPattern(segment)) break;
    literal.push(segment);
  }
  return literal.join('/') || '.';
}

/** fast-glob is loaded on first use: a run over named files (pre-commit, one template) never needs it. */
function fastGlob(): typeof FastGlob {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('fast-glob') as typeof FastGlob;
}

/**
 * The files below `base` with a scanned extension, as fast-glob found them before (dot files included,
 * extensions case-sensitive, symbolic links neither followed nor returned, unreadable directories passed
 * over), without loading it: most runs (`cognito-lint .`) walk a directory, and a plain walk is cheaper.
 */
function walkDirectory(base: string): string[] {
  const files: string[] = [];
  const visit = (directory: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(path.join(directory, entry.name));
      } else if (entry.isFile() && SCANNED_SUFFIXES.some((suffix) => entry.name.endsWith(suffix))) files.push(path.join(directory, entry.name));
    }
  };
  visit(base);
  return files;
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

/**
 * toDisplayPath(file, base) for many files: a normalized absolute path below `base` (as walks, globs and
 * path.resolve give them) is the rest after `base/` on POSIX, without path.relative's normalizing, which
 * a walk of 10,000 files feels.
 */
function displayPathsBelow(base: string): (absolutePath: string) => string {
  const resolved = path.resolve(base);
  const prefix = resolved.endsWith('/') ? resolved : `${resolved}/`;
  if (path.sep !== '/') return (absolutePath) => toDisplayPath(absolutePath, base);
  return (absolutePath) => (absolutePath.startsWith(prefix) && absolutePath.length > prefix.length ? absolutePath.slice(prefix.length) : toDisplayPath(absolutePath, base));
}

/**
 * .gitignore files from the repository root down to each file's directory, applied as git does (the
 * last matching pattern decides, deeper files after shallower ones; an excluded directory excludes
 * everything in it), except that the directory the user named and its parents are never excluded.
 */
class GitignoreFilter {
  private readonly perDirectory = new Map<string, GitignoreFile | null>();
  private readonly excludedDirectories = new Map<string, boolean>();
  private readonly directories = new Map<string, { excluded: boolean; levels: GitignoreLevel[] }>();

  private readonly belowRoot: (absolutePath: string) => string;

  constructor(private readonly root: string) {
    this.belowRoot = displayPathsBelow(root);
  }

  /** Whether a file that a walk of `named` found is excluded. */
  ignores(file: string, named: string): boolean {
    const parts = this.partsOf(file);
    if (!parts) return false;
    const namedParts = this.partsOf(named) ?? [];
    // What depends on the file's directory only is decided once per directory: most of a walk's cost.
    const directoryKey = `${named}\0${path.dirname(file)}`;
    let directory = this.directories.get(directoryKey);
    if (!directory) {
      let excluded = false;
      for (let depth = namedParts.length; depth < parts.length - 1 && !excluded; depth++) excluded = this.isExcludedDirectory(parts.slice(0, depth + 1), namedParts);
      this.directories.set(directoryKey, (directory = { excluded, levels: this.levelsOf(parts) }));
    }
    return directory.excluded || this.matches(parts, false, namedParts, directory.levels);
  }

  /** Path segments below the root; undefined outside it. */
  private partsOf(absolute: string): string[] | undefined {
    const relative = this.belowRoot(absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative === '' ? [] : relative.split('/');
  }

  private isExcludedDirectory(parts: string[], namedParts: string[]): boolean {
    const key = `${namedParts.join('/')}\0${parts.join('/')}`;
    let excluded = this.excludedDirectories.get(key);
    if (excluded === undefined) {
      excluded = this.matches(parts, true, namedParts);
      this.excludedDirectories.set(key, excluded);
    }
    return excluded;
  }

  /**
   * The verdict for one entry. The `ignore` package also matches a pattern against the entry's parents,
   * so a pattern that matches the named directory or one of its parents (`cdk.out` for `cdk.out/x.json`)
   * is passed over: it is about what the user named, not about this entry.
   */
  private matches(parts: string[], isDirectory: boolean, namedParts: string[], levels = this.levelsOf(parts)): boolean {
    let ignored = false;
    for (const { depth, gitignore } of levels) {
      const entry = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      const verdict = gitignore.all.test(entry);
      if (!verdict.ignored && !verdict.unignored) continue;
      const exempt: string[] = [];
      for (let end = depth + 1; end <= namedParts.length; end++) exempt.push(namedParts.slice(depth, end).join('/') + '/');
      if (exempt.length === 0) {
        ignored = verdict.ignored; // the common case: nothing named below this .gitignore
        continue;
      }
      for (const pattern of gitignore.lines()) {
        const lineVerdict = pattern.test(entry);
        if (!lineVerdict.ignored && !lineVerdict.unignored) continue;
        if (exempt.some((dir) => matchesAtAll(pattern, dir))) continue;
        ignored = lineVerdict.ignored;
      }
    }
    return ignored;
  }

  /** The .gitignore files that apply to an entry (of its parents' directories), with their depths. */
  private levelsOf(parts: string[]): GitignoreLevel[] {
    const levels: GitignoreLevel[] = [];
    for (let depth = 0; depth < parts.length; depth++) {
      const gitignore = this.gitignoreIn(parts.slice(0, depth));
      if (gitignore) levels.push({ depth, gitignore });
    }
    return levels;
  }

  /** The .gitignore of a directory, given as its segments below the root. */
  private gitignoreIn(dirParts: string[]): GitignoreFile | null {
    const key = dirParts.join('/');
    let gitignore = this.perDirectory.get(key);
    if (gitignore === undefined) {
      const file = path.join(this.root, ...dirParts, '.gitignore');
      const own = existsSync(file) ? readFileSync(file, 'utf8') : '';
      // At the root, the global excludes file and .git/info/exclude come first: .gitignore overrides them.
      const text = key === '' ? `${gitExcludes(this.root)}\n${own}` : own;
      gitignore = text.trim() !== '' ? new GitignoreFile(text) : null;
      this.perDirectory.set(key, gitignore);
    }
    return gitignore;
  }
}

/** A .gitignore that applies to an entry, and the depth of its directory below the root. */
interface GitignoreLevel {
  depth: number;
  gitignore: GitignoreFile;
}

/** One .gitignore: all its patterns, and (built only when needed) one matcher per line, to trace a verdict to its pattern. */
class GitignoreFile {
  readonly all: Ignore;
  private perLine: Ignore[] | undefined;

  constructor(private readonly text: string) {
    this.all = ignore().add(text);
  }

  lines(): Ignore[] {
    this.perLine ??= this.text
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '' && !line.startsWith('#'))
      .map((line) => ignore().add(line));
    return this.perLine;
  }
}

function matchesAtAll(pattern: Ignore, entry: string): boolean {
  const verdict = pattern.test(entry);
  return verdict.ignored || verdict.unignored;
}
