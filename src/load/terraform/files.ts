// The files of a Terraform module directory: which files are Terraform, their parses (cached), how a
// related file is named for output, and the directory's variables and locals. Every file other than the
// linted one is read through the workspace.
import path from 'node:path';
import { SourceFile, type Span } from '../../source';
import type { Workspace } from '../../workspace';
import { parseTerraformJson } from '../../parse/terraform-json';
import { parseHcl, type BlockFilter, type HclAttribute, type HclBlock, type HclBody, type HclParseResult, type HclRange } from '../../parse/hcl';
import { hasAnyExtension } from '../../file-names';
import { TERRAFORM_EXTENSIONS, CLIENT_RESOURCE_TYPES, IDENTITY_PROVIDER_TYPES, RESOURCE_SERVER_TYPES, USER_POOL_TYPES } from '../terraform-names';
import { LruMap } from '../../lru';

/** The top-level blocks the loader reads (clients and the pool resources around them); the parser skips the others without walking them. */
const WANTED: BlockFilter = (type, labels) =>
  type === 'variable' ||
  type === 'locals' ||
  type === 'module' ||
  (type === 'resource' && labels[0] !== undefined && (labels[0] in CLIENT_RESOURCE_TYPES || RESOURCE_SERVER_TYPES.has(labels[0]) || USER_POOL_TYPES.has(labels[0]) || IDENTITY_PROVIDER_TYPES.has(labels[0])));
/** A file without any of these block openings has nothing the loader reads: it is not parsed. */
const RELEVANT_TEXT = /^[ \t]*(?:variable[ \t]+["\w]|locals[ \t]*\{|module[ \t]+["\w])|"(?:variable|locals|module)"[ \t\r\n]*:|cognito_user_pool|cognito_managed_user_pool_client|cognito_resource_server|cognito_identity_provider/m;


export function spanIn(file: SourceFile, range: HclRange): Span {
  return { file, start: range.start, end: range.end };
}

interface TfFile {
  file: SourceFile;
  body: HclBody;
}

interface CachedParse {
  text: string;
  result: HclParseResult;
}

/**
 * Parses by absolute path, kept while the file's text is the same. The workspace keeps a related file's
 * text while its size and modification time stay the same, so an unchanged file is the same string.
 * Bounded by the characters of the texts it keeps (a parse tree is a few times its text): the language
 * server lives for hours and a repository run touches thousands of modules. 16 M characters hold every
 * Terraform file of any real module tree several times over.
 */
export const PARSE_CACHE_MAX_CHARACTERS = 16 * 1024 * 1024;
export const parseCache = new LruMap<string, CachedParse>(PARSE_CACHE_MAX_CHARACTERS, (entry) => entry.text.length + 1);

/** HCL, or Terraform's JSON syntax for `*.tf.json` / `*.tofu.json` (the same body either way). */
function parseTerraform(filePath: string, text: string): HclParseResult {
  return filePath.toLowerCase().endsWith('.json') ? parseTerraformJson(text, WANTED) : parseHcl(text, WANTED);
}

export function parseCandidate(file: SourceFile): HclParseResult {
  const cached = file.absolutePath ? parseCache.get(file.absolutePath) : undefined;
  if (cached && cached.text === file.text) return cached.result;
  const result = parseTerraform(file.path, file.text);
  if (file.absolutePath) parseCache.set(file.absolutePath, { text: file.text, result });
  return result;
}

function parseOnDisk(workspace: Workspace, absolutePath: string): CachedParse | undefined {
  const text = workspace.read(absolutePath);
  if (text === undefined) return undefined;
  const cached = parseCache.get(absolutePath);
  if (cached && cached.text === text) return cached;
  const result: HclParseResult = RELEVANT_TEXT.test(text) ? parseTerraform(absolutePath, text) : { ok: true, body: { attributes: [], blocks: [], start: 0, end: text.length }, comments: [] };
  const entry = { text, result };
  parseCache.set(absolutePath, entry);
  return entry;
}

function tfFilesIn(workspace: Workspace, directory: string): string[] {
  const names = workspace.list(directory).filter((name) => hasAnyExtension(name, TERRAFORM_EXTENSIONS));
  // Where `x.tofu` and `x.tf` (or `x.tofu.json` and `x.tf.json`) both exist, OpenTofu reads the `.tofu` one only.
  const present = new Set(names);
  const replacedByTofu = (name: string): boolean => {
    const match = /^(.*)\.tf(\.json)?$/i.exec(name);
    return match !== null && present.has(`${match[1]}.tofu${match[2] ?? ''}`);
  };
  return names
    .filter((name) => !replacedByTofu(name))
    .sort()
    .map((name) => path.join(directory, name));
}

/** Another file, named for output relative to a file the user sees (as discovery names files). */
function relatedSourceFile(from: SourceFile, absolutePath: string, text: string): SourceFile {
  const relative = path.relative(path.dirname(from.absolutePath!), absolutePath).split(path.sep).join('/');
  const join = (base: string): string => {
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(base), relative));
    return joined === '..' || joined.startsWith('../') ? absolutePath.split(path.sep).join('/') : joined;
  };
  return new SourceFile(join(from.path), text, join(from.repositoryPath), absolutePath);
}

export interface VariableDefinition {
  name: string;
  block: HclBlock;
  file: SourceFile;
  defaultAttribute: HclAttribute | undefined;
  nullable: boolean;
}

interface LocalDefinition {
  name: string;
  attribute: HclAttribute;
  file: SourceFile;
}

/** The `.tf` files of one directory: a Terraform module. Other files than the first are parsed on demand. */
export class ModuleDirectory {
  private parsedAll = false;
  private readonly variables = new Map<string, VariableDefinition>();
  private readonly locals = new Map<string, LocalDefinition>();

  private constructor(
    readonly absoluteDirectory: string | undefined,
    private readonly files: TfFile[],
    private readonly pending: Array<() => TfFile | undefined>,
  ) {
    for (const tf of files) this.index(tf);
  }

  /** The directory of a file being linted: that file as given, its siblings from disk. */
  static forCandidate(file: SourceFile, body: HclBody, workspace: Workspace): ModuleDirectory {
    if (!file.absolutePath) return new ModuleDirectory(undefined, [{ file, body }], []);
    const directory = path.dirname(file.absolutePath);
    const pending = tfFilesIn(workspace, directory)
      .filter((sibling) => sibling !== file.absolutePath)
      .map((sibling) => () => {
        const parsed = parseOnDisk(workspace, sibling);
        return parsed?.result.ok ? { file: relatedSourceFile(file, sibling, parsed.text), body: parsed.result.body } : undefined;
      });
    return new ModuleDirectory(directory, [{ file, body }], pending);
  }

  /** A called module's directory, every file from disk; files are named relative to the caller's. */
  static forModule(directory: string, caller: SourceFile, workspace: Workspace): ModuleDirectory | undefined {
    const files: TfFile[] = [];
    for (const absolutePath of tfFilesIn(workspace, directory)) {
      const parsed = parseOnDisk(workspace, absolutePath);
      if (parsed?.result.ok) files.push({ file: relatedSourceFile(caller, absolutePath, parsed.text), body: parsed.result.body });
    }
    return files.length > 0 ? new ModuleDirectory(directory, files, []) : undefined;
  }

  /** No files: where variable defaults are folded (they are constants). */
  static empty(): ModuleDirectory {
    return new ModuleDirectory(undefined, [], []);
  }

  /** Every file, parsing the pending ones. */
  all(): TfFile[] {
    if (!this.parsedAll) {
      this.parsedAll = true;
      for (const load of this.pending.splice(0)) {
        const tf = load();
        if (!tf) continue;
        this.files.push(tf);
        this.index(tf);
      }
    }
    return this.files;
  }

  variable(name: string): VariableDefinition | undefined {
    return this.variables.get(name) ?? (this.all(), this.variables.get(name));
  }

  local(name: string): LocalDefinition | undefined {
    return this.locals.get(name) ?? (this.all(), this.locals.get(name));
  }

  private index(tf: TfFile): void {
    for (const block of tf.body.blocks) {
      if (block.type === 'variable' && block.labels[0]) {
        const name = block.labels[0].value;
        if (this.variables.has(name)) continue;
        const nullable = block.body.attributes.find((a) => a.name === 'nullable')?.expr;
        this.variables.set(name, {
          name,
          block,
          file: tf.file,
          defaultAttribute: block.body.attributes.find((a) => a.name === 'default'),
          nullable: !(nullable?.kind === 'literal' && nullable.value === false),
        });
      } else if (block.type === 'locals') {
        for (const attribute of block.body.attributes) {
          if (!this.locals.has(attribute.name)) this.locals.set(attribute.name, { name: attribute.name, attribute, file: tf.file });
        }
      }
    }
  }
}
