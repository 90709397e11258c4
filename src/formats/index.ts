// The input dialects, listed once. Adding an input format means one dialect file plus one entry here.
// Document dialects are tried in this order on each parsed JSON/YAML root; the first that recognises it
// loads it (a template with `Resources` wins over a Terraform plan, a plan over serverless.yml, a
// response over a request).
import type { ClientKind } from '../model';
import { hasExtension, type ClientKindInfo, type Dialect, type DocumentDialect, type FileDialect } from './dialect';
import { cloudformation } from './cloudformation';
import { terraformPlan } from './terraform-plan';
import { serverless } from './serverless';
import { apiRequest, apiResponse } from './api';
import { terraform } from './terraform';

export const DIALECTS: readonly Dialect[] = [cloudformation, terraformPlan, serverless, apiResponse, apiRequest, terraform];

export const DOCUMENT_DIALECTS: readonly DocumentDialect[] = DIALECTS.filter((dialect): dialect is DocumentDialect => dialect.syntax === 'document');
const FILE_DIALECTS: readonly FileDialect[] = DIALECTS.filter((dialect): dialect is FileDialect => dialect.syntax === 'file');

/** Every extension a directory walk considers. */
export const SCANNED_EXTENSIONS: readonly string[] = [...new Set(DIALECTS.flatMap((dialect) => dialect.extensions))];

/** The dialect that claims a file by its name (Terraform), if any; other files are documents. */
export function fileDialectFor(path: string): FileDialect | undefined {
  return FILE_DIALECTS.find((dialect) => hasExtension(dialect, path));
}

/** Whether a file of this name must parse: a document extension. Another name that does not parse is simply not data. */
export function isDocumentPath(path: string): boolean {
  return DOCUMENT_DIALECTS.some((dialect) => hasExtension(dialect, path));
}

/** Every dialect's words, once each: one scan per word over each file, however many dialects share it. */
const WORDS: readonly string[] = [...new Set(DIALECTS.flatMap((dialect) => dialect.words))];

/**
 * The cheap word test, before any parsing: could the text of the file at `path` hold a client of any
 * dialect? A dialect's further test (a Terraform module call) applies only to its own file names: every
 * tsconfig.json has a `"module":` member.
 */
export function mayHoldClient(text: string, path: string): boolean {
  return WORDS.some((word) => text.includes(word)) || DIALECTS.some((dialect) => dialect.mayHoldOtherwise !== undefined && hasExtension(dialect, path) && dialect.mayHoldOtherwise(text, path));
}

/**
 * The words as byte searches, one per word that no other contains in a shorter form: `UserPool` finds
 * both `UserPoolClient` and `UserPoolId` in one scan (each scan reads every byte of every file).
 */
const WORD_BYTES: readonly Buffer[] = searchedWords(WORDS).map((word) => Buffer.from(word, 'utf8'));

/**
 * The word test on a file's raw bytes, before decoding: false only when the decoded text could not pass
 * mayHoldClient. The words are ASCII, so in UTF-8 they are the same bytes; UTF-16 (a byte-order mark, or
 * NUL bytes when it has none) and files of a dialect with a further test are left to the text test.
 */
export function mayHoldClientBytes(bytes: Buffer, path: string): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || bytes.includes(0)) return true;
  if (DIALECTS.some((dialect) => dialect.mayHoldOtherwise !== undefined && hasExtension(dialect, path))) return true;
  return WORD_BYTES.some((word) => bytes.includes(word));
}

/** Starts the parsers the given files need (the HCL grammar only when there is a `.tf` file). */
export async function prepareParsers(paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map(parserStartFor));
}

const startedDialects = new Set<FileDialect>();

/**
 * What is left to start before the file at `path` can be loaded (the HCL grammar for a `.tf` file, once
 * per process: about 90 ms), or undefined when nothing is. A run asks just before loading a file that
 * passed the word test, so a repository whose `.tf` files cannot hold a client never starts the grammar.
 */
export function parserStartFor(path: string): Promise<void> | undefined {
  const dialect = fileDialectFor(path);
  if (dialect === undefined || startedDialects.has(dialect)) return undefined;
  return dialect.init().then(() => {
    startedDialects.add(dialect);
  });
}

const KINDS = new Map<ClientKind, ClientKindInfo>(DIALECTS.flatMap((dialect) => Object.entries(dialect.kinds) as Array<[ClientKind, ClientKindInfo]>));

/** The schema and type name for a client kind. */
export function kindInfo(kind: ClientKind): ClientKindInfo {
  const info = KINDS.get(kind);
  if (!info) throw new Error(`no dialect declares the client kind "${kind}"`);
  return info;
}

/**
 * Fewer byte searches for the same words: words that share a prefix of 8 characters or more are searched
 * as that prefix (a file that holds it is decoded and given the exact text test).
 */
function searchedWords(words: readonly string[]): string[] {
  const searched: string[] = [];
  for (const word of [...words].sort()) {
    const last = searched[searched.length - 1];
    const shared = last === undefined ? 0 : commonPrefixLength(last, word);
    if (last !== undefined && shared >= 8) searched[searched.length - 1] = last.slice(0, shared);
    else searched.push(word);
  }
  return searched;
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
