// Reading a file: size limit, encodings (UTF-8, UTF-16 with a byte-order mark), what does not decode. Part of the load stage; candidates are read
// here, and the files loaders relate to them (siblings, modules) through the same policy (src/workspace.ts).
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { SourceFile } from './source';
import type { Candidate } from './candidate';

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
/** How much of a file over the size limit is read to decide whether it could hold a client. */
export const TOO_LARGE_SNIFF_BYTES = 1024 * 1024;

export type ReadResult =
  | { kind: 'text'; file: SourceFile }
  /** Not read: the reason is reported as a result on the file. */
  | { kind: 'unreadable'; file: SourceFile; reason: string }
  /** Over --max-file-size: `head` is its first megabyte (undefined: could not be read), for the cheap could-it-hold-a-client test. */
  | { kind: 'too-large'; file: SourceFile; reason: string; head: string | undefined }
  /**
   * Not text in its encoding (NUL bytes, bytes that do not decode): `file.text` is what does decode, for
   * the word test; `reason` names the encoding and the first offending byte, which stands at `offset`.
   * Reported only when the word test says the file could hold a client.
   */
  | { kind: 'undecodable'; file: SourceFile; reason: string; offset: number }
  /** Read but not decoded: the caller's byte test (`worthDecoding`) said it cannot hold a client. */
  | { kind: 'skipped' };

/**
 * `worthDecoding`: a test on the raw bytes; a file it rejects is not decoded (most files of a repository:
 * decoding them was a quarter of a whole-repository run).
 */
export function readCandidate(candidate: Candidate, maxFileSize: number, worthDecoding: (bytes: Buffer) => boolean = () => true): ReadResult {
  if (candidate.text !== undefined) return decode(candidate, Buffer.from(candidate.text, 'utf8'));
  const read = readBytes(candidate.absolutePath, maxFileSize);
  switch (read.kind) {
    case 'bytes':
      return worthDecoding(read.bytes) ? decode(candidate, read.bytes) : { kind: 'skipped' };
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
  // Its words, whatever its encoding (the cut at the megabyte may split a character).
  const text = head === undefined ? undefined : decodeBytes(head).text;
  return { kind: 'too-large', file: emptyFile(candidate), reason, head: text };
}

function decode(candidate: Candidate, bytes: Buffer): ReadResult {
  const decoded = decodeBytes(bytes);
  const file = new SourceFile(candidate.displayPath, decoded.text, candidate.repositoryPath, candidate.absolutePath);
  if (decoded.kind === 'text') return { kind: 'text', file };
  const where = file.positionAt(decoded.offset);
  return { kind: 'undecodable', file, reason: decoded.problem.replace('{{where}}', `line ${where.line} column ${where.column}`), offset: decoded.offset };
}

/**
 * A file's bytes as text. `undecodable`: NUL bytes or bytes that do not decode; `text` is what decodes,
 * each offending unit a `?` (never U+FFFD, which would reach messages as `caf\ufffd`) and NUL bytes left
 * out so that the word test sees the words of UTF-16 written without a byte-order mark; `offset` is where
 * the first offending byte stands in it, `problem` says what it is (`{{where}}`: its line and column).
 */
export type DecodedText = { kind: 'text'; text: string } | { kind: 'undecodable'; text: string; offset: number; problem: string };

/** UTF-8 with or without a byte-order mark, UTF-16 LE or BE with one (what Windows PowerShell `>` writes). */
export function decodeBytes(bytes: Buffer): DecodedText {
  // Editors do not count a byte-order mark as a column: it is dropped so that positions match what users see.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'BE');
  return decodeUtf8(bytes);
}

/** The text of a related file (src/workspace.ts); undefined when it is not text. */
export function decodeText(bytes: Buffer): string | undefined {
  const decoded = decodeBytes(bytes);
  return decoded.kind === 'text' ? decoded.text : undefined;
}

function decodeUtf8(bytes: Buffer): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul < 0 && isUtf8(bytes)) return { kind: 'text', text: bytes.toString('utf8') };
  const invalid = firstInvalidUtf8(bytes);
  const first = nul < 0 ? invalid : invalid < 0 ? nul : Math.min(nul, invalid);
  if (first < 0) return { kind: 'text', text: bytes.toString('utf8') };
  const offset = bytes.toString('utf8', 0, first).length;
  const text = bytes.toString('utf8').replace(/\ufffd/g, '?').replace(/\0/g, '');
  const problem =
    bytes[first] === 0
      ? 'it is not UTF-8 text (NUL byte at {{where}}, as in UTF-16 or UTF-32 without a byte-order mark); save it as UTF-8'
      : `it is not UTF-8 (byte 0x${bytes[first]!.toString(16).toUpperCase().padStart(2, '0')} at {{where}}, as in Latin-1 or Windows-1252); save it as UTF-8`;
  return { kind: 'undecodable', text, offset, problem };
}

/** Where the first byte that is not UTF-8 stands; -1 when all are. A U+FFFD written in the file decodes from EF BF BD. */
function firstInvalidUtf8(bytes: Buffer): number {
  const text = bytes.toString('utf8');
  let byte = 0;
  let character = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    byte += Buffer.byteLength(text.slice(character, at));
    if (bytes[byte] !== 0xef || bytes[byte + 1] !== 0xbf || bytes[byte + 2] !== 0xbd) return byte;
    byte += 3;
    character = at + 1;
  }
  return -1;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function decodeUtf16(bytes: Buffer, order: 'LE' | 'BE'): DecodedText {
  const even = bytes.subarray(0, bytes.length & ~1);
  const text = (order === 'LE' ? even : Buffer.from(even).swap16()).toString('utf16le');
  const encoding = `UTF-16${order}`;
  const nul = text.indexOf('\0');
  const lone = LONE_SURROGATE.exec(text);
  const undecodable = (problem: string, offset: number): DecodedText => ({ kind: 'undecodable', text: text.replace(new RegExp(LONE_SURROGATE, 'g'), '?').replace(/\0/g, ''), offset, problem });
  if (nul >= 0 && (!lone || nul < lone.index)) return undecodable(`it is not ${encoding} text (NUL character at {{where}}); save it as UTF-8`, nul);
  if (lone) return undecodable(`it is not ${encoding} (unpaired surrogate 0x${lone[0].charCodeAt(0).toString(16).toUpperCase()} at {{where}}); save it as UTF-8`, lone.index);
  if (even.length < bytes.length) return undecodable(`it is not ${encoding} (an odd number of bytes: it ends in half a character); save it as UTF-8`, text.length);
  return { kind: 'text', text };
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
