// The repository a path belongs to: a leaf every stage may ask (discovery for .gitignore, the workspace
// and the reports for repository-relative paths) without importing discovery.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The directory holding `.git`, searching upwards from `start`; undefined outside a repository. */
export function findRepositoryRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}
