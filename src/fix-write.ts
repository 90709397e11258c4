// Where --fix may write, and the write itself (docs/design/writes.md). A pull request controls the files
// being fixed, so a fixed file is written only when:
// - it lies under the tree being linted (the working directory, or a named directory or glob outside it),
//   reached without a symbolic link: `link.yaml -> ../outside/x.yaml` and a glob through a symlinked
//   directory are refused;
// - it still holds what was read: a file changed on disk while cognito-lint ran (an editor saving, a
//   line appended) is not overwritten with a fix of its old text.
// Every refusal is reported together after the other files are written, and the run exits 2.
import path from 'node:path';
import { decodeText } from './read';
import { STDIN_PATH } from './discover';
import { TOOL_NAME } from './meta';
import { UnsafeWriteError, isInside, openPendingFile, readBytesOrUndefined } from './safe-write';
import { plural } from './text';

export interface FileToFix {
  /** As the output shows it. */
  path: string;
  absolutePath: string;
  /** The text as read (without a byte-order mark). */
  before: string;
  after: string;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
/** Characters that make a path segment a glob (fast-glob's syntax). */
const GLOB_CHARACTERS = /[*?[\]{}()!]/;

/** Writes each fixed file that may be written; throws an UnsafeWriteError naming those that were not. */
export function writeFixedFiles(files: readonly FileToFix[], request: { cwd: string; paths: readonly string[] }): void {
  const roots = lintedRoots(request.cwd, request.paths);
  const refused: string[] = [];
  for (const file of files) {
    try {
      writeFixedFile(file, roots, request.cwd);
    } catch (error) {
      if (!(error instanceof UnsafeWriteError)) throw error;
      refused.push(error.message);
    }
  }
  if (refused.length > 0) {
    const written = files.length - refused.length;
    throw new UnsafeWriteError([...refused, `--fix left ${plural(refused.length, 'file')} unchanged and wrote ${written}`].join(`\n${TOOL_NAME}: `));
  }
}

function writeFixedFile(file: FileToFix, roots: readonly string[], cwd: string): void {
  // Normalized: the file system sees only the path that was checked.
  const absolutePath = path.resolve(file.absolutePath);
  const root = roots.find((candidate) => isInside(absolutePath, candidate));
  if (root === undefined) throw new UnsafeWriteError(`not fixing ${file.path}: it is outside the tree being linted`);
  // Checks the file and every directory below the root for symbolic links, now and again before the rename.
  const pending = openPendingFile({ absolutePath, shown: file.path, trustedBase: root }, cwd);
  try {
    // The reader drops a byte-order mark: the fixed file keeps the one it had.
    const current = readBytesOrUndefined(absolutePath);
    const bom = current?.subarray(0, 3).equals(UTF8_BOM) ? '\ufeff' : '';
    pending.write(bom + file.after);
    // Compared after the new text is written out, just before the rename: the window is as short as it gets.
    const now = readBytesOrUndefined(absolutePath);
    if (now === undefined || decodeText(now) !== file.before) throw new UnsafeWriteError(`not fixing ${file.path}: it changed on disk while cognito-lint ran; run --fix again`);
    pending.commit();
  } catch (error) {
    pending.abort();
    throw error;
  }
}

/**
 * The trusted tops of the tree being linted: the working directory, and the folder of each path
 * argument outside it (the user chose it). A path inside the working directory has the working
 * directory as its root, so a symbolic link anywhere below it is seen.
 */
export function lintedRoots(cwd: string, paths: readonly string[]): string[] {
  const roots = [path.resolve(cwd)];
  for (const input of paths) {
    const absolute = path.resolve(cwd, input);
    if (input === STDIN_PATH || isInside(absolute, cwd)) continue;
    const base = literalBase(absolute, input);
    if (!roots.some((root) => isInside(base, root))) roots.push(base);
  }
  return roots;
}

/** The folder holding what a path argument names: the file or directory, or a glob's part before its first wildcard. */
function literalBase(absolute: string, input: string): string {
  const segments = absolute.split(path.sep);
  const firstGlob = segments.findIndex((segment) => GLOB_CHARACTERS.test(segment));
  const literal = firstGlob !== -1 && GLOB_CHARACTERS.test(input) ? segments.slice(0, firstGlob).join(path.sep) || path.sep : absolute;
  // Counted from the parent, so a named directory (or a glob's directory) that is itself a link is seen.
  return path.dirname(literal);
}
