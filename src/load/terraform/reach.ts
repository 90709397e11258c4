// Whether a Terraform file without a client word may still create a client through its module calls,
// decided on text alone, before the grammar is started or anything is parsed. A call reaches files when its
// source is relative (followed here, through the called directories' own calls) or when `terraform init`
// has downloaded modules beside the root module (then anything may be there: the loader decides). A
// registry or git source in a clean checkout reaches nothing readable. This only ever answers "maybe" for
// what the loader might find: it never decides a finding, it spares the parse of files that cannot have one
// (serverless-patterns: 21 module-calling files, none reaching a client; the grammar's start-up alone is
// about 90 ms).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { hasAnyExtension } from '../../file-names';
import { findRepositoryRoot } from '../../repository-root';
import { TERRAFORM_EXTENSIONS } from '../terraform-names';

/** A `module` block, in HCL or JSON syntax. */
const MODULE_CALL = /^[ \t]*module[ \t]+"|"module"[ \t\r\n]*:/m;
/** A relative `source`, in HCL or JSON syntax: Terraform takes only a literal string there. */
const RELATIVE_SOURCE = /\bsource[ \t]*=[ \t]*"(\.\.?[/\\][^"\r\n]*)"|"source"[ \t\r\n]*:[ \t\r\n]*"(\.\.?[/\\][^"\r\n]*)"/g;
/** The word every client resource type holds (`aws_cognito_user_pool_client`, `awscc_...`, `..._managed_...`). */
const CLIENT_WORD = 'user_pool_client';
/** As the loader: a deeper chain of calls is most likely a cycle through links. Past it, "maybe". */
const MAX_DEPTH = 8;
/** A module file larger than this is left to the loader ("maybe"), which applies the size limit. */
const MAX_MODULE_FILE_BYTES = 4 * 1024 * 1024;

/** Whether the module calls in `text` (the file at `file`) may create a client. */
export function moduleCallsMayReachClient(text: string, file: string): boolean {
  if (!(text.includes('module') && MODULE_CALL.test(text))) return false;
  if (existsSync(path.join(path.dirname(file), '.terraform', 'modules', 'modules.json'))) return true;
  return relativeCallsMayReachClient(text, path.dirname(file), 0, new Set(), findRepositoryRoot(path.dirname(file)));
}

function relativeCallsMayReachClient(text: string, directory: string, depth: number, seen: Set<string>, repositoryRoot: string | undefined): boolean {
  for (const match of text.matchAll(RELATIVE_SOURCE)) {
    const called = path.resolve(directory, match[1] ?? match[2]!);
    // As the loader: a source outside the repository (a pull request's `../../..`) is not read.
    if (seen.has(called) || (repositoryRoot !== undefined && path.relative(repositoryRoot, called).startsWith('..'))) continue;
    seen.add(called);
    if (depth + 1 > MAX_DEPTH) return true;
    for (const moduleText of moduleFiles(called)) {
      if (moduleText === undefined || moduleText.includes(CLIENT_WORD)) return true;
      if (moduleText.includes('module') && MODULE_CALL.test(moduleText) && relativeCallsMayReachClient(moduleText, called, depth + 1, seen, repositoryRoot)) return true;
    }
  }
  return false;
}

/**
 * The texts of a module directory's Terraform files ([] when it has none or does not exist: the loader
 * finds nothing there either); undefined for a file read here cannot judge (too large, unreadable, UTF-16).
 */
function moduleFiles(directory: string): Array<string | undefined> {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  const texts: Array<string | undefined> = [];
  for (const name of names) {
    if (!hasAnyExtension(name, TERRAFORM_EXTENSIONS)) continue;
    const file = path.join(directory, name);
    try {
      const stats = statSync(file);
      if (!stats.isFile()) continue;
      const text = stats.size > MAX_MODULE_FILE_BYTES ? undefined : readFileSync(file, 'latin1');
      texts.push(text?.includes('\u0000') ? undefined : text);
    } catch {
      texts.push(undefined);
    }
  }
  return texts;
}
