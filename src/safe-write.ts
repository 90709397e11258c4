// Every file cognito-lint writes (the report of -o, --write-baseline, the files --fix edits) goes
// through here. The repository being linted is often someone else's pull request, so its files may be
// symbolic links planted to turn a write into an overwrite of something outside (docs/design/writes.md):
// - the target and every directory between the working directory (or the linted root) and the target
//   must not be a symbolic link: such a write is refused (exit 2) with the reason;
// - the bytes go to a new temporary file in the target's directory (exclusive create, so not through a
//   link planted under that name either), with the target's permissions, flushed with fsync, then
//   renamed over the target: a reader sees the old file or the new one, never a half-written one.
import { closeSync, fchmodSync, fsyncSync, lstatSync, openSync, readFileSync, renameSync, rmSync, writeSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UsageError } from './discover';

/** `-o -` and `--write-baseline -`: standard output. */
export const STDOUT_PATH = '-';

/** A write refused or failed; the CLI prints the message and exits 2. */
export class UnsafeWriteError extends UsageError {}

export interface WriteTarget {
  /** Absolute path of the file to write. */
  absolutePath: string;
  /** As the user wrote it (or as the output shows it), for messages. */
  shown: string;
  /**
   * Directories from here down to the target must not be symbolic links; the path above it is trusted
   * (the user's own machine: /tmp on macOS, a symlinked home). Default: the working directory when the
   * target is inside it, else the target's own directory (only the file itself is checked).
   */
  trustedBase?: string;
}

/** A file written in pieces: nothing is visible at the target until commit() renames it there. */
export interface PendingFile {
  write(chunk: string | Uint8Array): void;
  commit(): void;
  abort(): void;
}

/** Writes `data` to the target whole, or refuses with an UnsafeWriteError. */
export function writeFileSafely(target: WriteTarget, data: string | Uint8Array, cwd: string): void {
  const file = openPendingFile(target, cwd);
  try {
    file.write(data);
    file.commit();
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** Opens a temporary file beside the target after checking the path; write, then commit (or abort). */
export function openPendingFile(given: WriteTarget, cwd: string): PendingFile {
  // Normalized once, and only this form reaches the file system: `linked/../x` must not be resolved
  // through the link by the kernel after being checked lexically.
  const target = { ...given, absolutePath: path.resolve(given.absolutePath) };
  const existing = checkWritablePath(target, cwd);
  if (existing?.isCharacterDevice()) return deviceFile(target);
  const directory = path.dirname(target.absolutePath);
  const temporary = path.join(directory, `.${path.basename(target.absolutePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  // The target's permission bits (setuid and the like dropped, as a write to the file itself would), or
  // those of any new file; the exclusive create fails rather than follow anything at the temporary name.
  const mode = existing ? existing.mode & 0o777 : 0o666;
  const file = new OpenFile(target, () => openSync(temporary, 'wx', mode), temporary);
  return {
    write: (chunk) => file.write(chunk),
    commit() {
      const descriptor = file.descriptor('committed twice');
      attempt(target, () => {
        // openSync's mode is masked by the umask: an existing target keeps exactly the mode it had.
        if (existing) fchmodSync(descriptor, existing.mode & 0o777);
        fsyncSync(descriptor);
        file.close();
        // Checked again at the last moment: a link planted while the report was being written is refused too.
        checkWritablePath(target, cwd);
        renameSync(temporary, target.absolutePath);
      }, temporary);
      syncDirectory(directory);
    },
    abort() {
      try {
        file.close();
      } finally {
        rmSync(temporary, { force: true });
      }
    },
  };
}

/** A descriptor opened for writing, written whole; closing twice is harmless, writing after it is a bug. */
class OpenFile {
  private fd: number | undefined;

  constructor(
    private readonly target: WriteTarget,
    open: () => number,
    /** Removed when a write fails. */
    private readonly temporary?: string,
  ) {
    this.fd = attempt(target, open);
  }

  descriptor(misuse = 'written after commit or abort'): number {
    if (this.fd === undefined) throw new Error(`${this.target.shown}: ${misuse}`);
    return this.fd;
  }

  write(chunk: string | Uint8Array): void {
    const descriptor = this.descriptor();
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    // writeSync may write less than asked: go on until all is written.
    attempt(this.target, () => {
      for (let done = 0; done < bytes.length; ) done += writeSync(descriptor, bytes, done);
    }, this.temporary);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** A character device, written directly: there is nothing to keep whole and no file to rename over. */
function deviceFile(target: WriteTarget): PendingFile {
  const file = new OpenFile(target, () => openSync(target.absolutePath, 'w'));
  return { write: (chunk) => file.write(chunk), commit: () => file.close(), abort: () => file.close() };
}

/**
 * Refuses a target that is a symbolic link, not a regular file, or reached through a symbolic link
 * below its trusted base; returns the target's stats when it exists.
 */
export function checkWritablePath(target: WriteTarget, cwd: string): Stats | undefined {
  const absolute = path.resolve(target.absolutePath);
  const base = path.resolve(target.trustedBase ?? (isInside(absolute, cwd) ? cwd : path.dirname(absolute)));
  const relative = path.relative(base, path.dirname(absolute));
  let directory = base;
  for (const part of relative === '' ? [] : relative.split(path.sep)) {
    directory = path.join(directory, part);
    const stats = lstatOrUndefined(directory);
    if (stats?.isSymbolicLink()) throw new UnsafeWriteError(`refusing to write ${target.shown}: ${shownBelow(directory, cwd)} is a symbolic link (cognito-lint never writes through one)`);
  }
  const stats = lstatOrUndefined(absolute);
  if (stats?.isSymbolicLink()) throw new UnsafeWriteError(`refusing to write ${target.shown}: it is a symbolic link (cognito-lint never writes through one; delete it or choose another file)`);
  if (stats?.isDirectory()) throw new UnsafeWriteError(`cannot write ${target.shown}: it is a directory`);
  // A character device (`-o /dev/null`) is written in place: it cannot be replaced by a rename, and no
  // repository can hold one (git records files, links and folders only).
  if (stats && !stats.isFile() && !stats.isCharacterDevice()) throw new UnsafeWriteError(`refusing to write ${target.shown}: it is not a regular file`);
  return stats;
}

/** `child` is `parent` or below it (lexically). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

function shownBelow(directory: string, cwd: string): string {
  return isInside(directory, cwd) ? path.relative(cwd, directory) || '.' : directory;
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** Runs a file operation; a missing directory or a read-only place is the user's to fix, not an internal error. */
function attempt<T>(target: WriteTarget, action: () => T, temporary?: string): T {
  try {
    return action();
  } catch (error) {
    if (temporary) rmSync(temporary, { force: true });
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? `the directory ${path.dirname(target.shown)} does not exist` : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? (error as Error).message);
    throw new UnsafeWriteError(`cannot write ${target.shown}: ${why}`);
  }
}

/** The rename is durable once the directory is flushed too; a file system that cannot does not fail the write. */
function syncDirectory(directory: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(directory, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported everywhere (some network and Windows file systems): the rename itself happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The current bytes of a file, or undefined when it cannot be read. */
export function readBytesOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
