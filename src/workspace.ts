// The loaders' only door to the disk: the repository root, directory listings, and the files a linted file
// relates to (a Terraform module's sibling files, a called module's files, `.terraform/modules/modules.json`).
// A related file is read through read.ts's policy with the run's --max-file-size; one that is missing,
// unreadable, too large or binary is absent (a loader then treats its values as unknown), never an error.
// An editor's unsaved buffers come before the disk: the language server lints what the user sees.
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { findRepositoryRoot } from './repository-root';
import { DEFAULT_MAX_FILE_SIZE, decodeText, readBytes } from './read';

interface CachedText {
  mtimeMs: number;
  size: number;
  /** Undefined: binary. */
  text: string | undefined;
}

export class Workspace {
  private readonly repositoryRoots = new Map<string, string | undefined>();
  /** Related files by absolute path, kept while their size and modification time stay the same. */
  private readonly texts = new Map<string, CachedText>();

  /** `buffers`: texts by absolute path that replace the files on disk (unsaved editor buffers). */
  constructor(
    readonly maxFileSize: number = DEFAULT_MAX_FILE_SIZE,
    private readonly buffers: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The directory holding `.git` at or above `directory` (as discovery finds it); cached per directory. */
  repositoryRoot(directory: string): string | undefined {
    if (!this.repositoryRoots.has(directory)) this.repositoryRoots.set(directory, findRepositoryRoot(directory));
    return this.repositoryRoots.get(directory);
  }

  /** The entry names of a directory; none when it cannot be listed. */
  list(directory: string): string[] {
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      names = [];
    }
    // A buffer not saved yet is a file of its directory too.
    for (const buffered of this.buffers.keys()) {
      const name = path.basename(buffered);
      if (path.dirname(buffered) === directory && !names.includes(name)) names.push(name);
    }
    return names;
  }

  /** A related file's text; undefined when it is not a readable text file within --max-file-size. */
  read(absolutePath: string): string | undefined {
    const buffered = this.buffers.get(absolutePath);
    if (buffered !== undefined) return Buffer.byteLength(buffered) > this.maxFileSize ? undefined : buffered;
    let stats: Stats;
    try {
      stats = statSync(absolutePath);
    } catch {
      return undefined;
    }
    if (!stats.isFile() || stats.size > this.maxFileSize) return undefined;
    const cached = this.texts.get(absolutePath);
    if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.text;
    const read = readBytes(absolutePath, this.maxFileSize);
    if (read.kind !== 'bytes') return undefined;
    const text = decodeText(read.bytes);
    this.texts.set(absolutePath, { mtimeMs: stats.mtimeMs, size: stats.size, text });
    return text;
  }
}
