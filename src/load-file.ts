// Load stage: a file's text to normalized clients, plus the facts rules report on (duplicate keys,
// parse failures). The dialects (src/formats/) say which files are whose; a JSON or YAML document is
// recognised by its content, never by file name alone.
import type { AppClient, LoadedFile, StructureProblem } from './model';
import type { SourceFile } from './source';
import { parseJson } from './parse/json';
import { parseYaml } from './parse/yaml';
import type { CommentRange, SyntaxDuplicate, SyntaxNode } from './parse/syntax';
import { DOCUMENT_DIALECTS, fileDialectFor, isDocumentPath } from './formats';
import { commentsIn, spanOf } from './load/values';
import { EvaluationBudget } from './load/budget';
import { blankTemplateHoles } from './load/template-holes';
import { Workspace } from './workspace';

export { mayHoldClient, mayHoldClientBytes, parserStartFor, prepareParsers } from './formats';

/** `workspace` is how a loader reads the files this one relates to (the run's, with its --max-file-size). */
export function loadFile(file: SourceFile, workspace: Workspace = new Workspace()): LoadedFile {
  const fileDialect = fileDialectFor(file.path);
  if (fileDialect) return fileDialect.load(file, workspace);
  let parsed = parse(file.path, file.text);
  // A template of a template: parsed again with its `{{ ... }}` holes blanked, only after a failure.
  const blanked = parsed.ok ? undefined : blankTemplateHoles(file.text);
  if (blanked !== undefined) parsed = parse(file.path, blanked);
  // JSON has no comments, whatever the file's name: only the YAML parser reports any.
  const comments = commentsIn(file, parsed.comments ?? []);
  if (!parsed.ok && !isDocumentPath(file.path)) return { file, clients: [], duplicateKeys: [] };
  if (!parsed.ok) {
    const parseError = { message: parsed.message, span: { file, start: parsed.start, end: parsed.end }, ...(blanked !== undefined ? { template: true } : {}), ...(parsed.nesting ? { nesting: true } : {}) };
    return { file, clients: [], duplicateKeys: [], comments, parseError };
  }
  const budget = new EvaluationBudget();
  const clients: AppClient[] = [];
  const structureProblems: StructureProblem[] = [];
  for (const root of parsed.roots) {
    for (const dialect of DOCUMENT_DIALECTS) {
      if (!dialect.recognises(root)) continue;
      const loaded = dialect.load(file, root, budget);
      clients.push(...loaded.clients);
      structureProblems.push(...(loaded.structureProblems ?? []));
      break;
    }
  }
  // Duplicate keys inside a client definition are ours to report; the rest of a template is cfn-lint's.
  const duplicateKeys = parsed.duplicates
    .filter((d) => clients.some((client) => client.extent.start <= d.second.start && d.second.end <= client.extent.end))
    .map((d) => ({ key: d.key, first: spanOf(file, d.first), second: spanOf(file, d.second) }));
  return { file, clients, duplicateKeys, comments, ...(structureProblems.length > 0 ? { structureProblems } : {}), ...(budget.overrun ? { evaluationOverrun: budget.overrun } : {}), ...(budget.uncheckedClients > 0 ? { uncheckedClients: budget.uncheckedClients } : {}) };
}

type Parsed = ({ ok: true; roots: SyntaxNode[]; duplicates: SyntaxDuplicate[] } | { ok: false; message: string; start: number; end: number; nesting?: boolean }) & { comments?: CommentRange[] };

function parse(path: string, text: string): Parsed {
  const looksLikeJson = /^\s*[{[]/.test(text);
  if (looksLikeJson || path.endsWith('.json')) {
    const json = parseJson(text);
    if (json.ok) return { ok: true, roots: json.root ? [json.root] : [], duplicates: json.duplicates };
    // `.json` files must be JSON; anything else starting with `{` may still be YAML flow style.
    if (path.endsWith('.json')) return json;
  }
  return parseYaml(text);
}
