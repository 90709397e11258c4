// Reading a file: size limit, binary detection, BOM, decoding. Part of the load stage; candidates are read
// here, and the files loaders relate to them (siblings, modules) through the same policy (src/workspace.ts).
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { SourceFile } from './source';
import type { Candidate } from './discover';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** How much of a file over the size limit is read to decide whether it could hold a client. */
export const TOO_LARGE_SNIFF_BYTES = 1024 * 1024;

export type ReadResult =
  | { kind: 'text'; file: SourceFile }
  /** Not read: the reason is reported as a result on the file. */
  | { kind: 'unreadable'; file: SourceFile; reason: string }
  /** Over --max-file-size: `head` is its first megabyte (undefined: could not be read), for the cheap could-it-hold-a-client test. */
  | { kind: 'too-large'; file: SourceFile; reason: string; head: string | undefined }
  /** Not a text file; skipped silently unless named on the command line. */
  | { kind: 'binary'; file: SourceFile };

export function readCandidate(candidate: Candidate, maxFileSize: number): ReadResult {
  if (candidate.text !== undefined) return decode(candidate, Buffer.from(candidate.text, 'utf8'));
  const read = readBytes(candidate.absolutePath, maxFileSize);
  switch (read.kind) {
    case 'bytes':
      return decode(candidate, read.bytes);
    case 'too-large':
      return tooLarge(candidate, read.size, maxFileSize, read.head);
    case 'unreadable':
      return { kind: 'unreadable', file: emptyFile(candidate), reason: cannotRead(read.error) };
  }
}

/** A file's bytes under the size limit; over it, its size and (when it was open anyway) its first megabyte. */
export type BytesRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large'; size: number; head: Buffer | undefined } | { kind: 'unreadable'; error: unknown };

/** The one way a file is read from disk, candidates and the files loaders relate to them alike (src/workspace.ts). */
export function readBytes(absolutePath: string, maxFileSize: number): BytesRead {
  // One open, fstat and read: no separate stat by path (the fast case). Any failure to open goes the
  // long way below, so that every message and its precedence stay as they are.
  let fd: number;
  try {
    fd = openSync(absolutePath, 'r');
  } catch {
    return readByPath(absolutePath, maxFileSize);
  }
  try {
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return { kind: 'too-large', size, head: readHead(fd) };
    return { kind: 'bytes', bytes: readAll(fd, size) };
  } catch (error) {
    return { kind: 'unreadable', error };
  } finally {
    closeSync(fd);
  }
}

/** Reads the whole file; a file that changed size since fstat is read to its current end, as readFileSync does. */
function readAll(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const buffer = Buffer.allocUnsafe(size);
  let length = 0;
  while (length < size) {
    const read = readSync(fd, buffer, length, size - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
  // Grown since fstat: take the rest too.
  const rest = readFileSync(fd);
  return rest.length === 0 ? buffer : Buffer.concat([buffer, rest]);
}

function readByPath(absolutePath: string, maxFileSize: number): BytesRead {
  let size: number;
  try {
    size = statSync(absolutePath).size;
  } catch (error) {
    return { kind: 'unreadable', error };
  }
  if (size > maxFileSize) return { kind: 'too-large', size, head: undefined };
  try {
    return { kind: 'bytes', bytes: readFileSync(absolutePath) };
  } catch (error) {
    return { kind: 'unreadable', error };
  }
}

function emptyFile(candidate: Candidate): SourceFile {
  return new SourceFile(candidate.displayPath, '', candidate.repositoryPath);
}

/** The first TOO_LARGE_SNIFF_BYTES of an open file. */
function readHead(fd: number): Buffer {
  const head = Buffer.allocUnsafe(TOO_LARGE_SNIFF_BYTES);
  let length = 0;
  while (length < head.length) {
    const read = readSync(fd, head, length, head.length - length, length);
    if (read === 0) break;
    length += read;
  }
  return head.subarray(0, length);
}

function tooLarge(candidate: Candidate, size: number, maxFileSize: number, head: Buffer | undefined): ReadResult {
  const reason = `file is ${formatBytes(size)}, over the --max-file-size limit of ${formatBytes(maxFileSize)}; raise the limit to lint it, or add it to ignores`;
  // A binary head (NUL byte) never holds a client: an empty head says so.
  const text = head === undefined ? undefined : isBinary(head) ? '' : head.toString('utf8');
  return { kind: 'too-large', file: emptyFile(candidate), reason, head: text };
}

function decode(candidate: Candidate, bytes: Buffer): ReadResult {
  const text = decodeText(bytes);
  if (text === undefined) return { kind: 'binary', file: emptyFile(candidate) };
  return { kind: 'text', file: new SourceFile(candidate.displayPath, text, candidate.repositoryPath, candidate.absolutePath) };
}

/** UTF-8 text of a file's bytes; undefined for a binary file (a NUL byte in its first 8 KB). */
export function decodeText(bytes: Buffer): string | undefined {
  if (isBinary(bytes)) return undefined;
  const text = bytes.toString('utf8');
  // Editors do not count a byte-order mark as a column: drop it so positions match what users see.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

function cannotRead(error: unknown): string {
  return `file could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}); make it readable, or add it to ignores`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}

/** Parses "10MB", "512KB", "1048576"; undefined for anything else. */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = (match[2] ?? 'b').toLowerCase()[0]!;
  const factor = unit === 'g' ? 1024 ** 3 : unit === 'm' ? 1024 ** 2 : unit === 'k' ? 1024 : 1;
  return Math.floor(Number(match[1]) * factor);
}
