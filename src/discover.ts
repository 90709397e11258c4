// Discover stage: command-line paths (files, directories, globs) to the sorted list of files to read.
// What the user names is read even when .gitignore covers it (`cdk.out/`, `.serverless/` are the very
// folders to lint); .gitignore prunes only what a walk or a glob's wildcards find on their own.
// node_modules/.git/.terraform are always skipped by walks. An input that yields no file is a usage error.
import type FastGlob from 'fast-glob';
import { lstatSync, readFileSync, readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { compareText } from './finding';
import { gitExcludes } from './git-excludes';
import { IgnoreFile } from './gitignore';
// The extensions a directory walk considers are every dialect's; explicit file arguments may have any name.
import { SCANNED_EXTENSIONS } from './formats';
import type { Candidate } from './candidate';
import { findRepositoryRoot } from './repository-root';

export type { Candidate } from './candidate';
export { findRepositoryRoot } from './repository-root';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.terraform']);
const ALWAYS_SKIPPED = [...SKIPPED_DIRECTORIES].map((name) => `**/${name}/**`);
// Every scanned extension ends in one of these after its last dot (`tf.json` in `json`).
const SCANNED_LAST_EXTENSIONS = new Set(SCANNED_EXTENSIONS.map((extension) => extension.slice(extension.lastIndexOf('.') + 1)));
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
  const gitignores = options.gitignore === false ? undefined : new GitIgnores(repositoryRoot);
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
    // A directory walk does not enter what .gitignore excludes; a glob's files are filtered after fast-glob.
    let kept: string[];
    let walkedAll: () => string[];
    if (stats?.isDirectory()) {
      kept = walkDirectory(absolute, gitignores?.walkOf(absolute));
      walkedAll = () => (gitignores ? walkDirectory(absolute, undefined) : kept);
    } else if (fastGlob().isDynamicPattern(input)) {
      const pattern = input.replace(/\\/g, '/');
      const walked = walk(cwd, pattern);
      const ignores = gitignores?.walkOf(path.resolve(cwd, globBase(pattern)));
      kept = ignores ? walked.filter((file) => !ignores.ignoresFile(file)) : walked;
      walkedAll = () => walked;
    } else {
      unmatched(`no such file or directory: ${input}`);
      continue;
    }
    const read = kept.filter((file) => !isIgnored(file));
    for (const file of read) add(file, false);
    // Only to say why nothing was found: how many files .gitignore kept from the walk.
    if (read.length === 0) unmatched(noFilesMessage(input, stats?.isDirectory() ?? false, walkedAll().length - kept.length, kept.length));
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
 * With `ignores`, an excluded directory is not entered and an excluded file not returned.
 */
function walkDirectory(base: string, ignores: IgnoreWalk | undefined): string[] {
  const files: string[] = [];
  const visit = (directory: string, levels: IgnoreLevel[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    const below = ignores && entries.some((entry) => entry.name === '.gitignore' && entry.isFile()) ? ignores.levelsBelow(directory, levels) : levels;
    // `directory` is already absolute and normalized: a plain join (path.join normalizes again, per entry).
    const prefix = directory.endsWith(path.sep) ? directory : directory + path.sep;
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
        const child = prefix + entry.name;
        if (!ignores?.ignores(below, child, entry.name, true)) visit(child, below);
      } else if (entry.isFile() && hasScannedExtension(entry.name)) {
        const file = prefix + entry.name;
        if (!ignores?.ignores(below, file, entry.name, false)) files.push(file);
      }
    }
  };
  visit(base, ignores?.startLevels ?? []);
  return files;
}

function hasScannedExtension(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return dot !== -1 && SCANNED_LAST_EXTENSIONS.has(name.slice(dot + 1));
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

/** An ignore file in force during a walk, and its directory (with a trailing slash): its patterns are relative to it. */
interface IgnoreLevel {
  base: string;
  file: IgnoreFile;
}

/**
 * The ignore files of one repository, read as a walk meets them: .gitignore files from the root down
 * (a deeper one decides before a shallower one), then .git/info/exclude, then the global excludes file,
 * as git asks them. An excluded directory is not entered, so nothing in it can be re-included.
 */
class GitIgnores {
  private readonly files = new Map<string, IgnoreFile | null>();
  private readonly rootBase: string;
  /** The global excludes file and .git/info/exclude, lowest precedence first. */
  private readonly excludes: IgnoreLevel[];

  constructor(private readonly root: string) {
    this.rootBase = withSlash(root);
    this.excludes = gitExcludes(root)
      .map((text) => IgnoreFile.parse(text))
      .filter((file) => !file.isEmpty)
      .map((file) => ({ base: this.rootBase, file }));
  }

  /**
   * What decides on the entries a walk of `named` finds. The ignore files in force in it (the excludes
   * and the .gitignore files of its parents) lose the patterns that name `named` or one of its parents
   * below the root (or everything in them): what the user named is read.
   */
  walkOf(named: string): IgnoreWalk {
    const base = withSlash(named);
    if (!base.startsWith(this.rootBase)) return new IgnoreWalk(this, named, []);
    const directories = [this.root];
    for (let at = base.indexOf(path.sep, this.rootBase.length); at !== -1; at = base.indexOf(path.sep, at + 1)) directories.push(base.slice(0, at));
    const levels: IgnoreLevel[] = [...this.excludes];
    for (const directory of directories.slice(0, -1)) {
      const file = this.fileIn(directory);
      if (file) levels.push({ base: withSlash(directory), file });
    }
    const exempt = (level: IgnoreLevel): IgnoreLevel => {
      const below = directories.filter((directory) => directory.length >= level.base.length).map((directory) => belowLevel(level, directory));
      return { base: level.base, file: level.file.without(below) };
    };
    return new IgnoreWalk(this, named, levels.map(exempt));
  }

  /** The .gitignore of a directory, when it has one: a regular file (git does not follow a linked .gitignore). */
  fileIn(directory: string): IgnoreFile | null {
    let file = this.files.get(directory);
    if (file === undefined) {
      file = null;
      const gitignore = path.join(directory, '.gitignore');
      try {
        if (lstatSync(gitignore).isFile()) file = IgnoreFile.parse(readFileSync(gitignore, 'utf8'));
      } catch {
        // absent or unreadable: nothing to apply
      }
      if (file?.isEmpty) file = null;
      this.files.set(directory, file);
    }
    return file;
  }
}

/** The verdicts within one walk: the levels in force in each directory, from the named one down. */
class IgnoreWalk {
  private readonly directories = new Map<string, { excluded: boolean; levels: IgnoreLevel[] }>();

  constructor(
    private readonly repository: GitIgnores,
    private readonly named: string,
    /** The levels in force in the named directory, before its own .gitignore. */
    readonly startLevels: IgnoreLevel[],
  ) {}

  /** The levels in force below `directory`, given those in force in it: its own .gitignore, if any, joins them. */
  levelsBelow(directory: string, levels: IgnoreLevel[]): IgnoreLevel[] {
    const file = this.repository.fileIn(directory);
    return file ? [...levels, { base: withSlash(directory), file }] : levels;
  }

  /** Whether the entry at `absolutePath` is ignored by the levels in force in its directory. */
  ignores(levels: readonly IgnoreLevel[], absolutePath: string, name: string, isDirectory: boolean): boolean {
    for (let i = levels.length - 1; i >= 0; i--) {
      const level = levels[i]!;
      const verdict = level.file.verdict(belowLevel(level, absolutePath), name, isDirectory);
      if (verdict !== undefined) return verdict === 'ignored';
    }
    return false;
  }

  /** For files a glob found: whether the file, or a directory between the named one and it, is ignored. */
  ignoresFile(file: string): boolean {
    const state = this.directoryState(path.dirname(file));
    return state === undefined ? false : state.excluded || this.ignores(state.levels, file, path.basename(file), false);
  }

  /** Whether a directory at or below the named one is excluded, and the levels in force in it; decided once per directory. */
  private directoryState(directory: string): { excluded: boolean; levels: IgnoreLevel[] } | undefined {
    let state = this.directories.get(directory);
    if (state) return state;
    if (directory === this.named) state = { excluded: false, levels: this.levelsBelow(directory, this.startLevels) };
    else if (!directory.startsWith(withSlash(this.named))) return undefined;
    else {
      const parent = this.directoryState(path.dirname(directory))!;
      const excluded = parent.excluded || this.ignores(parent.levels, directory, path.basename(directory), true);
      state = { excluded, levels: excluded ? parent.levels : this.levelsBelow(directory, parent.levels) };
    }
    this.directories.set(directory, state);
    return state;
  }
}

function withSlash(directory: string): string {
  return directory.endsWith(path.sep) ? directory : directory + path.sep;
}

/** A path below a level's directory as its patterns see it: segments joined by `/`. */
function belowLevel(level: IgnoreLevel, absolutePath: string): string {
  const relative = absolutePath.slice(level.base.length);
  return path.sep === '/' ? relative : relative.split(path.sep).join('/');
}
