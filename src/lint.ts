// The whole pipeline for one run: discover -> read/load -> evaluate -> filter. Formatting is the caller's.
// `lint()` is the one entry point the CLI and the tests share; lintCandidates is its load/evaluate part.
// `lintText()` runs the same stages on one text that is not (or not yet) on disk: an editor's buffer.
import path from 'node:path';
import type { EffectiveConfig } from './config';
import type { BaselineFile } from './baseline';
import { filterFile, finishFilter, type FilterOptions, type FilterResult } from './filter';
import type { LoadedFile, ParseFailure } from './model';
import { SourceFile } from './source';
import type { FileRef, Finding } from './finding';
import { compareFindings, detach, SEVERITY_RANK } from './finding';
import { UNNAMED_STDIN, discover, findRepositoryRoot, toDisplayPath, type Candidate, type DiscoverOptions } from './discover';
import { loadFile, mayHoldClient, mayHoldClientBytes, parserStartFor } from './load-file';
import { DEFAULT_MAX_FILE_SIZE, readCandidate } from './read';
import { Workspace } from './workspace';
import { clientCounts } from './client-count';
import { staleInScope } from './stale-baseline';
import { evaluate, type SettingsSource } from './evaluate';
import { planFix } from './fix/plan';
import type { Rule, Severity } from './rule';

export interface LintOptions {
  cwd: string;
  rules: readonly Rule[];
  settings: SettingsSource;
  maxFileSize: number;
  /** The filter stage, run on each file as soon as it is evaluated; without it every finding is kept. */
  filter?: FilterOptions;
  /**
   * Keep the loaded files and the findings attached to them (LintResult.files), as --fix needs to edit
   * them; a normal run lets each file go once it is filtered.
   */
  keepFiles?: boolean;
  /**
   * Plan each fixable finding's edits while its file is loaded (Finding.change), for SARIF's fixes, --fix
   * and the editor's code actions (the default). A report that shows no edits is spared the work and the
   * memory: a third of the peak on 1,000 templates (docs/PERFORMANCE.md, "Budget v3").
   */
  planFixes?: boolean;
  /** Texts by absolute path that the loaders read instead of the disk (an editor's unsaved buffers). */
  buffers?: ReadonlyMap<string, string>;
}

/** A file that was not read or not parsed, as the report mentions it (SARIF notifications). */
export interface FileFailure {
  file: FileRef;
  failure: Pick<ParseFailure, 'message' | 'notRead' | 'template'>;
}

export interface LintResult {
  /** Every finding, sorted; with LintOptions.filter, those the suppressions leave (the baseline is not applied yet). */
  findings: Finding[];
  /** With LintOptions.filter: the unused-suppression results, in file order, and how many findings suppressions removed. */
  unusedSuppressions: Finding[];
  suppressed: number;
  /** Files not read or not parsed, in the order they were met. */
  failures: FileFailure[];
  /** Files read (after discovery), whether or not they held a client. */
  filesScanned: number;
  /** Files over --max-file-size whose first megabyte cannot hold a client: not read, not reported. */
  filesSkippedTooLarge: number;
  /** Files that held at least one client. */
  filesWithClients: number;
  /** Clients checked: one per resource or `count`/`for_each` instance (Fn::If variants are one client). */
  clients: number;
  /** Clients the evaluation budget stopped before they were wholly evaluated (src/load/budget.ts). */
  clientsUnchecked: number;
  /** False when some file could not be parsed or read: SARIF `executionSuccessful`. */
  allFilesProcessed: boolean;
  /** With LintOptions.keepFiles: every loaded file, in the order they were met. */
  files?: LoadedFile[];
}

export interface LintRequest {
  cwd: string;
  /** Files, directories, globs, or `-` (with `discover.stdin`), as on the command line. */
  paths: readonly string[];
  rules: readonly Rule[];
  /** Presets, rules, overrides and ignores: the configuration's `ignores` applies in discovery. */
  config: EffectiveConfig;
  /** --max-file-size in bytes (default 10 MB). */
  maxFileSize?: number;
  /** How discovery treats .gitignore, unmatched patterns and standard input. */
  discover?: Omit<DiscoverOptions, 'isIgnored'>;
  /** False with --no-inline-suppressions. */
  inlineSuppressions?: boolean;
  /** Today as YYYY-MM-DD, for suppressions' `expires`. */
  today: string;
  /** --baseline: findings it records are left out. */
  baseline?: BaselineFile;
  /** --write-baseline: what suppressions leave, without unused-suppression results or a baseline. */
  forBaseline?: boolean;
  /** Texts to lint instead of the files' on disk, by absolute path: the fixed texts of --fix (src/fix). */
  texts?: ReadonlyMap<string, string>;
  /** LintOptions.keepFiles. */
  keepFiles?: boolean;
  /** LintOptions.planFixes (default true). */
  planFixes?: boolean;
}

export interface LintRun extends FilterResult {
  /** Everything the load and evaluate stages saw, before filtering: counts, files, all findings. */
  result: LintResult;
}

/** One run, discovery to the filter stage: parsers start here, and the configuration applies here. */
export async function lint(request: LintRequest): Promise<LintRun> {
  const { config } = request;
  const candidates = discover(request.paths, request.cwd, { ...request.discover, isIgnored: (file) => config.isIgnored(file) }).map((candidate) => {
    const text = request.texts?.get(candidate.absolutePath);
    return text === undefined ? candidate : { ...candidate, text };
  });
  return lintFound(candidates, request);
}

export interface LintTextOptions extends Pick<LintRequest, 'cwd' | 'rules' | 'maxFileSize' | 'inlineSuppressions' | 'today' | 'keepFiles'> {
  /** Other texts that replace files on disk, by absolute path: the editor's other unsaved buffers. */
  buffers?: ReadonlyMap<string, string>;
}

/**
 * One text linted as the file at `filePath` (absolute, or relative to `options.cwd`) would be, with the
 * same stages and configuration as lint(): what a language server calls on each change of a buffer. The
 * files it relates to (a Terraform module's other files) come from `options.buffers`, then the disk. A
 * file the configuration ignores has no findings.
 */
export async function lintText(text: string, filePath: string, config: EffectiveConfig, options: LintTextOptions): Promise<LintRun> {
  const absolutePath = path.resolve(options.cwd, filePath);
  const repositoryRoot = findRepositoryRoot(path.dirname(absolutePath)) ?? path.resolve(options.cwd);
  const candidate: Candidate = { absolutePath, displayPath: toDisplayPath(absolutePath, options.cwd), repositoryPath: toDisplayPath(absolutePath, repositoryRoot), explicit: true, text };
  return lintFound(config.isIgnored(absolutePath) ? [] : [candidate], { ...options, paths: [absolutePath], config });
}

/** The stages after discovery, shared by lint() and lintText(). */
async function lintFound(candidates: readonly Candidate[], request: Omit<LintRequest, 'paths' | 'config' | 'texts'> & { paths: readonly string[]; config: EffectiveConfig; buffers?: ReadonlyMap<string, string> }): Promise<LintRun> {
  const { config, rules } = request;
  const settingsOf = (file: SourceFile) => config.settingsFor(path.resolve(request.cwd, file.path));
  const filter: FilterOptions = {
    rules,
    unusedSeverity: request.forBaseline ? () => 'off' : (file) => settingsOf(file).get('unused-suppression')?.severity ?? 'off',
    inlineSuppressions: request.inlineSuppressions ?? true,
    today: request.today,
    ...(request.baseline && !request.forBaseline ? { baseline: request.baseline } : {}),
  };
  const result = await lintCandidates(candidates, {
    cwd: request.cwd,
    rules,
    settings: settingsOf,
    maxFileSize: request.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    filter,
    ...(request.keepFiles ? { keepFiles: true } : {}),
    ...(request.planFixes === false ? { planFixes: false } : {}),
    ...(request.buffers ? { buffers: request.buffers } : {}),
  });
  const filtered = finishFilter(result.findings, result.unusedSuppressions, result.suppressed, filter);
  const read = new Set(candidates.map((candidate) => candidate.repositoryPath));
  return { ...filtered, staleBaseline: staleInScope(filtered.staleBaseline, { cwd: request.cwd, paths: request.paths, read }), result };
}

/**
 * Reads, loads, evaluates and filters one file after the other, keeping only findings (detached from the
 * file's text) and failures: a file's text and trees are garbage once the next file starts.
 */
export async function lintCandidates(candidates: readonly Candidate[], options: LintOptions): Promise<LintResult> {
  const findings: Finding[] = [];
  const unusedSuppressions: Finding[] = [];
  const failures: FileFailure[] = [];
  const files: LoadedFile[] = [];
  // One string per distinct message, client name and path for the whole run (detach).
  const strings = new Map<string, string>();
  let suppressed = 0;
  let clients = 0;
  let clientsUnchecked = 0;
  let filesWithClients = 0;
  let allFilesProcessed = true;
  let filesScanned = 0;
  let filesSkippedTooLarge = 0;
  // Files a loader relates to (Terraform siblings and modules) are read with this run's --max-file-size too.
  const workspace = new Workspace(options.maxFileSize, options.buffers);
  const finish = (loaded: LoadedFile, tooLarge = false): void => {
    let own: Finding[];
    // Rules run per file, so that one failing on a file fails that file only.
    try {
      own = evaluate([loaded], options.rules, options.settings);
    } catch (error) {
      loaded = failedFile(loaded.file, error);
      allFilesProcessed = false;
      own = evaluate([loaded], options.rules, options.settings);
    }
    // Not reading a large file is a warning at most: the user chose the limit, nothing is known to be wrong.
    if (tooLarge) own = own.map((finding) => (SEVERITY_RANK[finding.severity] > SEVERITY_RANK.warning ? { ...finding, severity: 'warning' as const } : finding));
    if (loaded.parseError) failures.push({ file: { path: loaded.file.path, repositoryPath: loaded.file.repositoryPath }, failure: { message: loaded.parseError.message, notRead: loaded.parseError.notRead, template: loaded.parseError.template } });
    // --fix edits the files its findings point to: there they stay attached.
    const keep = options.keepFiles ? (list: Finding[]) => list : (list: Finding[]) => detach(list, strings);
    if (options.keepFiles) files.push(loaded);
    if (options.filter) {
      const filtered = filterFile(loaded, own, options.filter);
      suppressed += filtered.suppressed;
      own = filtered.kept;
      for (const finding of keep(filtered.unused)) unusedSuppressions.push(finding);
    }
    // Each fix is planned while its file is loaded (Finding.change: --fix, SARIF `fixes`, code actions), unless the report shows no edits.
    if (options.planFixes !== false) own = own.map((finding) => withChange(finding, loaded));
    for (const finding of keep(own)) findings.push(finding);
  };
  const notRead = (file: LoadedFile['file'], reason: string, tooLarge = false, at = 0): void => {
    allFilesProcessed = false;
    finish({ file, clients: [], duplicateKeys: [], parseError: { message: reason, span: { file, start: at, end: at }, notRead: true } }, tooLarge);
  };
  for (const candidate of candidates) {
    const read = readCandidate(candidate, options.maxFileSize, (bytes) => mayHoldClientBytes(bytes, candidate.absolutePath));
    if (read.kind === 'skipped') {
      filesScanned++;
      continue;
    }
    if (read.kind === 'too-large') {
      // A lockfile or data dump must not block a commit: only a file that could hold a client is reported.
      if (read.head !== undefined && !mayHoldClient(read.head, candidate.absolutePath)) filesSkippedTooLarge++;
      else notRead(read.file, read.reason, true);
      continue;
    }
    if (read.kind === 'unreadable') {
      notRead(read.file, read.reason);
      continue;
    }
    filesScanned++;
    // The cheap word test spares parsing the many files in a repository that cannot hold a client.
    if (!mayHoldClient(read.file.text, candidate.absolutePath)) continue;
    // NUL bytes or bytes that do not decode in a file that names a client: never a silent pass.
    if (read.kind === 'undecodable') {
      notRead(read.file, read.reason, false, read.offset);
      continue;
    }
    // The HCL grammar starts with the first Terraform file that passed the word test, not with the run.
    const starting = parserStartFor(candidate.absolutePath);
    if (starting) await starting;
    let loaded: LoadedFile;
    try {
      loaded = candidate.text !== undefined && candidate.displayPath === UNNAMED_STDIN ? loadUnnamedStdin(read.file, workspace) : loadFile(read.file, workspace);
    } catch (error) {
      loaded = failedFile(read.file, error);
    }
    // A template that is not data yet (a Helm chart) was not checked, as a file of another kind is not.
    if (loaded.parseError && !loaded.parseError.template) allFilesProcessed = false;
    const counts = clientCounts(loaded);
    if (counts.checked + counts.unchecked > 0) filesWithClients++;
    clients += counts.checked;
    clientsUnchecked += counts.unchecked;
    finish(loaded);
  }
  return { findings: findings.sort(compareFindings), unusedSuppressions, suppressed, failures, filesScanned, filesSkippedTooLarge, filesWithClients, clients, clientsUnchecked, allFilesProcessed, ...(options.keepFiles ? { files } : {}) };
}

/** The finding with its fix planned as edits of its file, or the reason it cannot be, when the rule's fix is applicable. */
function withChange(finding: Finding, loaded: LoadedFile): Finding {
  if (!finding.fixType) return finding;
  const plan = planFix(finding, loaded);
  if ('reason' in plan) return { ...finding, change: { reason: plan.reason } };
  const edits = [...plan.edits].sort((a, b) => a.start - b.start);
  const replacements = edits.map((edit) => ({ start: loaded.file.positionAt(edit.start), end: loaded.file.positionAt(edit.end), text: edit.text }));
  return { ...finding, change: { description: plan.description, replacements, edits } };
}

/** A Terraform block opening a line: `resource "aws_cognito_user_pool_client" "web" {`, `module "auth" {`. */
const TERRAFORM_BLOCK = /^[ \t]*(resource|module|data|variable|locals|output|provider|terraform)([ \t]+"[^"\n]*")*[ \t]*\{[ \t]*(#.*)?\r?$/m;

/**
 * Unnamed standard input has no extension that says it must parse, so a syntax error would pass for "not
 * data". Loaded again as the JSON or YAML it looks like, its syntax error is reported.
 */
function loadUnnamedStdin(file: SourceFile, workspace: Workspace): LoadedFile {
  const loaded = loadFile(file, workspace);
  if (loaded.clients.length > 0 || loaded.parseError) return loaded;
  // Terraform is told by its file name: read as YAML it would be one long string, or a "YAML token" error.
  if (TERRAFORM_BLOCK.test(file.text)) {
    return { ...loaded, parseError: { message: 'standard input looks like Terraform, which is read by its file name; pass --stdin-filename main.tf', span: { file, start: 0, end: 0 }, notRead: true } };
  }
  const asData = loadFile(new SourceFile(`${file.path}.${/^\s*[{[]/.test(file.text) ? 'json' : 'yaml'}`, file.text), workspace);
  return asData.parseError ? { ...loaded, parseError: { ...asData.parseError, span: { ...asData.parseError.span, file } } } : loaded;
}

/**
 * A file that cognito-lint failed on (a bug, a stack overflow): one `parse-error` result for it, and the
 * run goes on with the other files. Exit 2 stays for usage and configuration errors.
 */
function failedFile(file: SourceFile, error: unknown): LoadedFile {
  const message = error instanceof Error ? error.message : String(error);
  return { file, clients: [], duplicateKeys: [], parseError: { message, span: { file, start: 0, end: 0 }, internal: true } };
}

export type FailOn = Exclude<Severity, 'off'> | 'none';

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn, maxWarnings?: number): 0 | 1 {
  if (maxWarnings !== undefined && tooManyWarnings(findings, maxWarnings)) return 1;
  if (failOn === 'none') return 0;
  return findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]) ? 1 : 0;
}

/** --max-warnings, as in ESLint: more warnings than this fails the run, whatever --fail-on says. */
export function tooManyWarnings(findings: readonly Finding[], maxWarnings: number): boolean {
  return findings.filter((finding) => finding.severity === 'warning').length > maxWarnings;
}

/** --quiet, as in ESLint: errors only. */
export function errorsOnly(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}
