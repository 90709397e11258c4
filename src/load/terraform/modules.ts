// Module calls: the clients a `module` block creates, those of the called directory folded with the
// caller's arguments, reported at the outermost call with the resource in the module as related location.
// The called directory is the relative `source` itself, or for any other source (registry, git, ...) the
// one `terraform init` downloaded it to, as `.terraform/modules/modules.json` of the root module says.
import path from 'node:path';
import type { AppClient, Value } from '../../model';
import type { SourceFile, Span } from '../../source';
import type { HclBlock, HclBody, HclExpr } from '../../parse/hcl';
import type { Workspace } from '../../workspace';
import { ModuleDirectory, spanIn } from './files';
import { Folder, NO_ITERATION, type Folded, type Instance } from './folder';
import { buildClient, clientDialect } from './clients';

/** Module nesting followed from a caller (a deeper chain is most likely a cycle through symlinks). */
const MAX_MODULE_DEPTH = 8;
const MODULE_ARGUMENTS_NOT_INPUTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);

interface TopCall {
  /** The caller's file, where the client belongs. */
  file: SourceFile;
  labelSpan: Span;
  extent: Span;
  /** The call's arguments, where an instance's own object is looked for (instanceAnchor). */
  body: HclBody;
}

/**
 * The clients a `module` block creates: those of the module directory, folded with the caller's
 * arguments. `top` is the outermost call (undefined when `call` is it).
 */
export function instantiateModule(caller: Folder, call: HclBlock, callFile: SourceFile, top: TopCall | undefined): AppClient[] {
  const label = call.labels[0];
  if (!label || !callFile.absolutePath || caller.frame.depth >= MAX_MODULE_DEPTH) return [];
  const source = caller.knownString(call.body.attributes.find((a) => a.name === 'source')?.expr, callFile);
  if (source === undefined) return [];
  const callerDirectory = path.dirname(callFile.absolutePath);
  // The linted file's directory is the root module, where `terraform init` runs.
  const chain = caller.frame.chain ?? [callerDirectory];
  const calls = [...(caller.frame.calls ?? []), label.value];
  const directory = /^\.\.?[/\\]/.test(source) ? path.resolve(callerDirectory, source) : downloadedModule(caller.frame.workspace, chain[0]!, calls.join('.'), source);
  if (directory === undefined) return [];
  const repositoryRoot = caller.frame.workspace.repositoryRoot(callerDirectory);
  if (repositoryRoot && path.relative(repositoryRoot, directory).startsWith('..')) return [];
  if (chain.includes(directory)) return [];
  const moduleDirectory = ModuleDirectory.forModule(directory, callFile, caller.frame.workspace);
  if (!moduleDirectory) return [];
  const outer: TopCall = top ?? { file: callFile, labelSpan: spanIn(callFile, label), extent: spanIn(callFile, call), body: call.body };
  // A call with `for_each`/`count` over a known collection: one module instance per element.
  const callInstances: Array<Instance | undefined> = caller.instances(call.body, callFile, NO_ITERATION) ?? [undefined];
  const clients: AppClient[] = [];
  for (const callInstance of callInstances) {
    // Counted before the module's files are folded: past the limit, each further call costs nothing.
    const over = caller.frame.budget.module();
    if (over) {
      caller.tooLarge(over, callFile, call);
      return clients;
    }
    const inputs = new Map<string, Folded>();
    for (const attribute of call.body.attributes) {
      if (!MODULE_ARGUMENTS_NOT_INPUTS.has(attribute.name)) inputs.set(attribute.name, caller.fold(attribute.expr, callFile, callInstance?.iteration ?? NO_ITERATION));
    }
    const address = `${caller.frame.address ?? ''}module.${label.value}${callInstance?.key ?? ''}.`;
    const folder = new Folder({
      directory: moduleDirectory,
      workspace: caller.frame.workspace,
      inputs,
      relocate: { span: outer.labelSpan, note: `written in ${address.slice(0, -1)}` },
      address,
      calls,
      depth: caller.frame.depth + 1,
      chain: [...chain, directory],
      budget: caller.frame.budget,
    });
    for (const tf of moduleDirectory.all()) {
      for (const block of tf.body.blocks) {
        const dialect = clientDialect(block);
        if (dialect) {
          const resource = `${block.labels[0]!.value}.${block.labels[1]?.value ?? ''}`;
          const related = [{ span: spanIn(tf.file, block.labels[1] ?? block.typeRange), message: `${address.slice(0, -1)} creates ${resource} here` }];
          for (const instance of folder.instances(block.body, tf.file, NO_ITERATION) ?? [undefined]) {
            clients.push(
              buildClient(folder, block, tf.file, dialect, {
                name: `${address}${resource}${instance?.key ?? ''}`,
                nameSpan: instanceAnchor(outer, instance?.value ?? callInstance?.value),
                extent: outer.extent,
                related,
                ...(instance ? { iteration: instance.iteration } : {}),
              }),
            );
          }
        } else if (block.type === 'module') {
          clients.push(...instantiateModule(folder, block, tf.file, outer));
        }
      }
    }
  }
  return clients;
}

/**
 * Where an instance's missing members are reported: the object the caller wrote for it (`clients = [{ ... }]`),
 * found as the innermost object of the outermost call that holds every value of `each.value` written there;
 * the call's label when there is none.
 */
function instanceAnchor(outer: TopCall, value: Value | undefined): Span {
  if (!value) return outer.labelSpan;
  const spans: Span[] = [];
  const inCall = (span: Span): boolean => span.file === outer.file && span.start >= outer.body.start && span.end <= outer.body.end && span.start !== outer.labelSpan.start;
  const collect = (item: Value, depth: number): void => {
    if (inCall(item.span)) spans.push(item.span);
    if (depth === 0 || spans.length > 64) return;
    if (item.kind === 'object') for (const member of item.members.values()) collect(member.value, depth - 1);
    else if (item.kind === 'list') for (const child of item.items) collect(child, depth - 1);
  };
  collect(value, 2);
  if (spans.length === 0) return outer.labelSpan;
  let found: HclExpr | undefined;
  // Objects and lists only: the caller's data, written as literals, nests a few levels.
  const visit = (expr: HclExpr, depth: number): void => {
    if (depth > 16 || !spans.every((span) => span.start >= expr.start && span.end <= expr.end)) return;
    if (expr.kind === 'object') {
      found = expr;
      for (const item of expr.items) visit(item.value, depth + 1);
    } else if (expr.kind === 'tuple') for (const item of expr.items) visit(item, depth + 1);
    else if (expr.kind === 'parens') visit(expr.inner, depth + 1);
  };
  for (const attribute of outer.body.attributes) visit(attribute.expr, 0);
  return found ? spanIn(outer.file, found) : outer.labelSpan;
}

interface ModulesJson {
  text: string;
  /** Module key (`cognito`, `parent.child`) to its `Source` and absolute `Dir`. */
  modules: Map<string, { source: string; directory: string }>;
}

/** modules.json by root module directory, kept while its text is the same (the workspace keeps it by size and time). */
const modulesJsonCache = new Map<string, ModulesJson>();

/**
 * Where `terraform init` put the module of call `key` (the call names from the root module, joined by
 * dots); undefined when it has not, or downloaded another source than the call's (init was not run again).
 */
function downloadedModule(workspace: Workspace, rootDirectory: string, key: string, source: string): string | undefined {
  const text = workspace.read(path.join(rootDirectory, '.terraform', 'modules', 'modules.json'));
  if (text === undefined) return undefined;
  let cached = modulesJsonCache.get(rootDirectory);
  if (cached?.text !== text) {
    cached = { text, modules: parseModulesJson(text, rootDirectory) };
    modulesJsonCache.set(rootDirectory, cached);
  }
  const downloaded = cached.modules.get(key);
  // A registry source is recorded with its host: `registry.terraform.io/<source>`.
  return downloaded && (downloaded.source === source || downloaded.source.endsWith(`/${source}`)) ? downloaded.directory : undefined;
}

function parseModulesJson(text: string, rootDirectory: string): ModulesJson['modules'] {
  const modules: ModulesJson['modules'] = new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return modules;
  }
  const entries: unknown = typeof parsed === 'object' && parsed !== null ? (parsed as { Modules?: unknown }).Modules : undefined;
  if (!Array.isArray(entries)) return modules;
  for (const entry of entries as unknown[]) {
    const { Key, Source, Dir } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    // The root module itself is the entry with an empty key.
    if (typeof Key === 'string' && Key !== '' && typeof Source === 'string' && typeof Dir === 'string') modules.set(Key, { source: Source, directory: path.resolve(rootDirectory, Dir) });
  }
  return modules;
}
