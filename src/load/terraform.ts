// Terraform HCL (`.tf`) to normalized clients: `resource "aws_cognito_user_pool_client"` and
// `resource "awscc_cognito_user_pool_client"` blocks, with attribute names mapped to the API's
// (terraform-names.ts), plus the clients that module calls create (a relative source, or a module that
// `terraform init` downloaded, found through `.terraform/modules/modules.json`).
//
// Values are folded where the configuration decides them (FORMATS.md, "Terraform values"): literals,
// lists, objects, `var.x` from the caller's module inputs or the variable's default (a default is
// marked as such, with the default's location), locals, templates with literal parts (partial strings),
// `for` expressions, splat, indexing, the functions of terraform/functions.ts, conditionals and operators
// on known operands, and `dynamic` blocks over known collections. A block with `for_each`/`count` over a
// known collection is one client per instance (`each`/`count` bound). Everything else (resource
// attributes, data sources, other functions) is an unknown value, which rules never report on. `null`
// means the argument is not set.
//
// Names resolve in the module directory: every `.tf` file next to the one being linted is read through
// the workspace (once, lazily; parses are cached by path and modification time) for its variables,
// locals, and the user pools, identity providers and resource servers of pool-aware rules
// (terraform/pool-index.ts).
//
// Module calls: a `module` block whose source is a relative path (inside the same repository), or that
// `terraform init` downloaded, creates the clients of that directory, evaluated with the caller's
// arguments and the module's defaults. Such a client is named `module.<call>.<type>.<label>` and belongs to the caller's file: a value that comes
// from the caller's argument is reported there; a value written inside the module is reported at the
// module call's label, with a related location at the value in the module; and every finding of the
// client carries a related location at the resource block in the module. The module's own file is
// checked on its own as well, with its defaults only.
//
// This file is the entry: one linted file to its clients. The concerns live in terraform/: files.ts (the
// module directory and its files), folder.ts (expression evaluation and instances), functions.ts (the
// built-in functions), clients.ts (a resource block to a client), modules.ts (the clients a module call creates).
import type { AppClient, DuplicateKey, LoadedFile } from '../model';
import type { SourceFile } from '../source';
import type { Workspace } from '../workspace';
import type { HclBody, HclRange } from '../parse/hcl';
import { commentsIn } from './values';
import { EvaluationBudget } from './budget';
import { IGNORED_BLOCKS } from './terraform-names';
import { ModuleDirectory, parseCandidate, spanIn } from './terraform/files';
import { Folder, NO_ITERATION } from './terraform/folder';
import { buildClient, clientDialect } from './terraform/clients';
import { instantiateModule } from './terraform/modules';

export function loadTerraform(file: SourceFile, workspace: Workspace): LoadedFile {
  const parsed = parseCandidate(file);
  const comments = commentsIn(file, parsed.comments);
  if (!parsed.ok) {
    return { file, clients: [], duplicateKeys: [], comments, parseError: { message: parsed.message, span: { file, start: parsed.start, end: parsed.end } } };
  }
  const directory = ModuleDirectory.forCandidate(file, parsed.body, workspace);
  const budget = new EvaluationBudget();
  const folder = new Folder({ directory, workspace, depth: 0, budget });
  const clients: AppClient[] = [];
  const duplicateKeys: DuplicateKey[] = [];
  for (const block of parsed.body.blocks) {
    const before = clients.length;
    const dialect = clientDialect(block);
    if (dialect) {
      const label = block.labels[1];
      const nameSpan = spanIn(file, label ?? block.typeRange);
      const name = `${block.labels[0]!.value}.${label?.value ?? ''}`;
      // `for_each`/`count` over a known collection: one client per instance; otherwise one with unknowns.
      const instances = folder.instances(block.body, file, NO_ITERATION);
      for (const instance of instances ?? [undefined]) {
        clients.push(buildClient(folder, block, file, dialect, { name: `${name}${instance?.key ?? ''}`, nameSpan, extent: spanIn(file, block), ...(instance ? { iteration: instance.iteration } : {}) }));
      }
      duplicateKeys.push(...duplicatesIn(file, block.body));
    } else if (block.type === 'module') {
      clients.push(...instantiateModule(folder, block, file, undefined));
    }
    if (budget.stopped) markUnchecked(clients.slice(before), budget);
  }
  return { file, clients, duplicateKeys, comments, ...(budget.overrun ? { evaluationOverrun: budget.overrun } : {}), ...(budget.uncheckedClients > 0 ? { uncheckedClients: budget.uncheckedClients } : {}) };
}

/** The clients of one block, evaluated after the budget stopped: each instance is one unchecked client. */
function markUnchecked(clients: readonly AppClient[], budget: EvaluationBudget): void {
  for (const client of clients) client.unchecked = true;
  budget.uncheckedClients += clients.length;
}

/** Attributes and blocks a body repeats: Terraform rejects both ("Attribute redefined", "Too many blocks"). */
function duplicatesIn(file: SourceFile, body: HclBody): DuplicateKey[] {
  const seen = new Map<string, HclRange>();
  const out: DuplicateKey[] = [];
  const entries = [
    ...body.attributes.map((a) => ({ key: a.name, range: a.nameRange })),
    ...body.blocks.filter((b) => b.type !== 'dynamic' && !IGNORED_BLOCKS.has(b.type)).map((b) => ({ key: b.type, range: b.typeRange })),
  ].sort((a, b) => a.range.start - b.range.start);
  for (const { key, range } of entries) {
    const first = seen.get(key);
    if (first) out.push({ key, first: spanIn(file, first), second: spanIn(file, range) });
    else seen.set(key, range);
  }
  return out;
}
