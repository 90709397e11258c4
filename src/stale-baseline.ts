// Which stale baseline entries a run can speak for: linting a subfolder says nothing about the files
// it did not read, so their entries are not "no longer found". An entry is reported when this run read
// its file, or when its file is gone from a directory this run walked (a deleted template).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BaselineEntry } from './baseline';
import { findRepositoryRoot } from './discover';

export interface RunScope {
  cwd: string;
  /** The paths as given on the command line. */
  paths: readonly string[];
  /** The repository paths of the files this run read. */
  read: ReadonlySet<string>;
}

export function staleInScope(entries: readonly BaselineEntry[], scope: RunScope): BaselineEntry[] {
  if (entries.length === 0) return [];
  const root = findRepositoryRoot(scope.cwd) ?? path.resolve(scope.cwd);
  const walked = scope.paths.filter((input) => input !== '-').map((input) => path.resolve(scope.cwd, input));
  const gone = (file: string): boolean => {
    const absolute = path.join(root, file);
    return walked.some((input) => absolute === input || absolute.startsWith(input.endsWith(path.sep) ? input : input + path.sep)) && !existsSync(absolute);
  };
  return entries.filter((entry) => scope.read.has(entry.file) || gone(entry.file));
}
