// Reading a candidate file: size limit, binary detection, BOM, decoding. Part of the load stage.
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
  // One open, fstat and read: no separate stat by path (the fast case). Any failure to open goes the
  // long way below, so that every message and its precedence stay as they are.
  let fd: number;
  try {
    fd = openSync(candidate.absolutePath, 'r');
  } catch {
    return readByPath(candidate, maxFileSize);
  }
  let bytes: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size > maxFileSize) return tooLarge(candidate, size, maxFileSize, readHead(fd));
    bytes = readAll(fd, size);
  } catch (error) {
    return { kind: 'unreadable', file: emptyFile(candidate), reason: cannotRead(error) };
  } finally {
    closeSync(fd);
  }
  return decode(candidate, bytes);
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

function readByPath(candidate: Candidate, maxFileSize: number): ReadResult {
  let size: number;
  try {
    size = statSync(candidate.absolutePath).size;
  } catch (error) {
    return { kind: 'unreadable', file: emptyFile(candidate), reason: cannotRead(error) };
  }
  if (size > maxFileSize) return tooLarge(candidate, size, maxFileSize, undefined);
  let bytes: Buffer;
  try {
    bytes = readFileSync(candidate.absolutePath);
  } catch (error) {
    return { kind: 'unreadable', file: emptyFile(candidate), reason: cannotRead(error) };
  }
  return decode(candidate, bytes);
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
  const text = head === undefined ? undefined : head.subarray(0, 8192).includes(0) ? '' : head.toString('utf8');
  return { kind: 'too-large', file: emptyFile(candidate), reason, head: text };
}

function decode(candidate: Candidate, bytes: Buffer): ReadResult {
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary', file: emptyFile(candidate) };
  let text = bytes.toString('utf8');
  // Editors do not count a byte-order mark as a column: drop it so positions match what users see.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { kind: 'text', file: new SourceFile(candidate.displayPath, text, candidate.repositoryPath, candidate.absolutePath) };
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
