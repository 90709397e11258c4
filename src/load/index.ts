// Load stage: a file's text to normalized clients, plus the facts rules report on (duplicate keys,
// parse failures). Format is recognised by content, never by file name alone.
import type { AppClient, LoadedFile } from '../model';
import type { SourceFile } from '../source';
import { parseJson } from '../parse/json';
import { parseYaml } from '../parse/yaml';
import type { SyntaxDuplicate, SyntaxNode } from '../parse/syntax';
import { isApiRequest, isApiResponse, loadApiRequest, loadApiResponse } from './api';
import { isTemplate, loadTemplate, serverlessTemplates, templateStructureProblems } from './cloudformation';
import { isTerraformPath, loadTerraform } from './terraform';
import { isTerraformPlan, loadTerraformPlan } from './terraform-plan';
import { loadHclParser } from '../parse/hcl';
import { spanOf } from './values';
import { EvaluationBudget } from './budget';

/** A Terraform module call with a relative source: the module may create clients. */
const LOCAL_MODULE_SOURCE = /\bsource\s*=\s*"\.\.?[/\\]/;

/**
 * Cheap test, before any parsing, for text that could hold an app client in a format this stage reads.
 * Every recognised format names one of these words literally (Terraform and its plan JSON the resource
 * type; a Terraform module call its relative source).
 */
export function mayHoldClient(text: string): boolean {
  return (
    text.includes('UserPoolClient') ||
    text.includes('UserPoolId') ||
    text.includes('cognito_user_pool_client') ||
    (text.includes('module') && LOCAL_MODULE_SOURCE.test(text))
  );
}

/**
 * Loads the parsers that start asynchronously, for the files about to be read: the HCL parser
 * (WebAssembly) when there is a `.tf` file. A run without Terraform never loads it.
 */
export async function prepareParsers(paths: readonly string[]): Promise<void> {
  if (paths.some(isTerraformPath)) await loadHclParser();
}

/** Extensions whose files must parse; a file of another name that does not parse is simply not data. */
const DATA_EXTENSIONS = /\.(json|ya?ml|template)$/i;

export function loadFile(file: SourceFile): LoadedFile {
  if (isTerraformPath(file.path)) return loadTerraform(file);
  const parsed = parse(file);
  if (!parsed.ok && !DATA_EXTENSIONS.test(file.path)) return { file, clients: [], duplicateKeys: [] };
  if (!parsed.ok) {
    return { file, clients: [], duplicateKeys: [], parseError: { message: parsed.message, span: { file, start: parsed.start, end: parsed.end } } };
  }
  const budget = new EvaluationBudget();
  const clients = parsed.roots.flatMap((root) => clientsIn(file, root, budget));
  const structureProblems = parsed.roots.flatMap((root) => (isTemplate(root) ? [root] : serverlessTemplates(root)).flatMap((template) => templateStructureProblems(file, template)));
  // Duplicate keys inside a client definition are ours to report; the rest of a template is cfn-lint's.
  const duplicateKeys = parsed.duplicates
    .filter((d) => clients.some((client) => client.extent.start <= d.second.start && d.second.end <= client.extent.end))
    .map((d) => ({ key: d.key, first: spanOf(file, d.first), second: spanOf(file, d.second) }));
  return { file, clients, duplicateKeys, ...(structureProblems.length > 0 ? { structureProblems } : {}), ...(budget.overrun ? { evaluationOverrun: budget.overrun } : {}) };
}

type Parsed = { ok: true; roots: SyntaxNode[]; duplicates: SyntaxDuplicate[] } | { ok: false; message: string; start: number; end: number };

function parse(file: SourceFile): Parsed {
  const looksLikeJson = /^\s*[{[]/.test(file.text);
  if (looksLikeJson || file.path.endsWith('.json')) {
    const json = parseJson(file.text);
    if (json.ok) return { ok: true, roots: json.root ? [json.root] : [], duplicates: json.duplicates };
    // `.json` files must be JSON; anything else starting with `{` may still be YAML flow style.
    if (file.path.endsWith('.json')) return json;
  }
  return parseYaml(file.text);
}

function clientsIn(file: SourceFile, root: SyntaxNode, budget: EvaluationBudget): AppClient[] {
  if (isTemplate(root)) return loadTemplate(file, root, budget);
  if (isTerraformPlan(root)) return loadTerraformPlan(file, root);
  const serverless = serverlessTemplates(root);
  if (serverless.length > 0) return serverless.flatMap((template) => loadTemplate(file, template, budget));
  if (isApiResponse(root)) return [loadApiResponse(file, root)];
  if (isApiRequest(root)) return [loadApiRequest(file, root)];
  return [];
}
