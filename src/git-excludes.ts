// The ignore patterns git reads besides .gitignore files, read without running git: the global
// excludes file (`core.excludesFile`, by default $XDG_CONFIG_HOME/git/ignore) and the repository's
// `.git/info/exclude`. Both apply from the repository root, below every .gitignore in precedence: git
// asks the .gitignore files first (deepest first), then .git/info/exclude, then the global file.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

/** The texts of the global excludes file and of .git/info/exclude, lowest precedence first ('' for one that is absent). */
export function gitExcludes(repositoryRoot: string, env: NodeJS.ProcessEnv = process.env): [global: string, info: string] {
  const read = (file: string | undefined): string => (file === undefined ? '' : readText(file));
  return [read(globalExcludesFile(env)), read(infoExclude(repositoryRoot))];
}

/** `.git/info/exclude`, also for a worktree or submodule whose `.git` is a file naming its git directory. */
function infoExclude(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  let gitDirectory = dotGit;
  try {
    if (statSync(dotGit).isFile()) {
      const named = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
      if (named === undefined) return undefined;
      gitDirectory = path.resolve(root, named);
      // A worktree's git directory shares info/ with the main repository's (its `commondir`).
      const common = readText(path.join(gitDirectory, 'commondir')).trim();
      if (common !== '') gitDirectory = path.resolve(gitDirectory, common);
    }
  } catch {
    return undefined;
  }
  return path.join(gitDirectory, 'info', 'exclude');
}

/** core.excludesFile from the user's git configuration files, else git's default place for it. */
function globalExcludesFile(env: NodeJS.ProcessEnv): string | undefined {
  const home = env.HOME || homedir();
  const xdg = env.XDG_CONFIG_HOME || path.join(home, '.config');
  let configured: string | undefined;
  // git reads the XDG file first and ~/.gitconfig after it: the later setting wins.
  for (const config of [path.join(xdg, 'git', 'config'), path.join(home, '.gitconfig')]) configured = coreExcludesFile(readText(config)) ?? configured;
  if (configured === undefined) return path.join(xdg, 'git', 'ignore');
  return configured.startsWith('~/') ? path.join(home, configured.slice(2)) : path.resolve(home, configured);
}

/** `excludesFile = ...` in a `[core]` section of a git configuration file (names are case-insensitive). */
function coreExcludesFile(config: string): string | undefined {
  let inCore = false;
  let value: string | undefined;
  for (const line of config.split(/\r?\n/)) {
    const section = /^\s*\[\s*([^\]\s]+)[^\]]*\]/.exec(line);
    if (section) inCore = section[1]!.toLowerCase() === 'core';
    const setting = inCore ? /^\s*(?:\[[^\]]*\]\s*)?excludesfile\s*=\s*("?)(.*?)\1\s*(?:[#;].*)?$/i.exec(line) : null;
    if (setting) value = setting[2];
  }
  return value;
}

function readText(file: string): string {
  try {
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  } catch {
    return '';
  }
}
