// --fix and --fix-dry-run: lint, apply the safe fixes of what the filter stage kept (suppressed and
// baselined findings are gone by then), lint the fixed text again, and repeat until no fix applies, so a
// second --fix changes nothing. Each file's new text is loaded again with the project's loader before it
// is kept; a fix that would make it fail to parse (or lose a client) is dropped and reported.
import type { FileRef, Finding } from '../finding';
import type { LoadedFile } from '../model';
import { lint, type LintRequest, type LintRun } from '../lint';
import { loadFile } from '../load';
import { SourceFile } from '../source';
import { Workspace } from '../workspace';
import { writeFixedFiles } from '../fix-write';
import { SAFE_FIX_RULES, planFix } from './plan';
import { applyEdits, overlaps, sameEdit, type Edit } from './text';

export { SAFE_FIX_RULES, planFix } from './plan';
export { unifiedDiff } from './diff';

/** Passes before giving up, as ESLint does: each pass can only apply fixes that overlapping ones held back. */
const MAX_PASSES = 10;

export interface FixedFile {
  /** As the output shows it. */
  path: string;
  absolutePath: string;
  before: string;
  after: string;
}

export interface DroppedFix {
  finding: Finding;
  reason: string;
}

export interface FixResult {
  /** The run over the fixed texts: what remains, for the report and the exit code. */
  run: LintRun;
  files: FixedFile[];
  /** Fixes applied, over all passes. */
  applied: number;
  dropped: DroppedFix[];
  /** Safe findings that remain with the reason their fix cannot be applied (a default, a reference, a plan). */
  unfixed: DroppedFix[];
}

/**
 * With `write`, the fixed files are written and the final run reads the disk: a Terraform module's file
 * is read by its callers from disk, so only then do their clients see the fix.
 */
export async function lintAndFix(request: LintRequest, write = false): Promise<FixResult> {
  const texts = new Map<string, string>();
  const originals = new Map<string, { path: string; text: string }>();
  const dropped: DroppedFix[] = [];
  const droppedKeys = new Set<string>();
  let applied = 0;
  // The findings stay attached to their loaded files (keepFiles): the plans edit those texts.
  const attached: LintRequest = { ...request, keepFiles: true };
  let run = await lint(attached);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const [file, findings] of fixableByFile(run.findings, run.result.files ?? [])) {
      const plans = findings
        .filter((finding) => !droppedKeys.has(keyOf(finding)))
        .map((finding) => ({ finding, plan: planFix(finding, run.result.files ?? []) }))
        .flatMap(({ finding, plan }) => ('edits' in plan && plan.edits.length > 0 ? [{ finding, edits: plan.edits }] : []));
      const fixed = applyFixes(file, plans, (finding, reason) => {
        droppedKeys.add(keyOf(finding));
        dropped.push({ finding, reason });
      });
      if (fixed.applied === 0) continue;
      if (!originals.has(file.absolutePath!)) originals.set(file.absolutePath!, { path: file.path, text: file.text });
      texts.set(file.absolutePath!, fixed.text);
      applied += fixed.applied;
      changed = true;
    }
    if (!changed) break;
    run = await lint({ ...attached, texts });
  }
  const files = [...originals].map(([absolutePath, original]) => ({ path: original.path, absolutePath, before: original.text, after: texts.get(absolutePath)! })).filter((file) => file.before !== file.after);
  if (write && files.length > 0) {
    // Safely: only inside the linted tree, never through a symbolic link, only a file unchanged since read.
    writeFixedFiles(files, request);
    run = await lint(attached);
  }
  const unfixed = run.findings.flatMap((finding) => {
    if (!finding.fix || !SAFE_FIX_RULES.has(finding.ruleId) || droppedKeys.has(keyOf(finding))) return [];
    const plan = planFix(finding, run.result.files ?? []);
    return 'reason' in plan ? [{ finding, reason: plan.reason }] : [];
  });
  return { run, files, applied, dropped, unfixed };
}

/** Findings that may have a fix, by file (the CLI refuses --fix on standard input: it has nowhere to write). */
function fixableByFile(findings: readonly Finding[], loaded: readonly LoadedFile[]): Map<SourceFile, Finding[]> {
  const sources = new Map<FileRef, SourceFile>(loaded.map(({ file }) => [file, file]));
  const byFile = new Map<SourceFile, Finding[]>();
  for (const finding of findings) {
    const file = sources.get(finding.file);
    if (!finding.fix || !file || file.absolutePath === undefined) continue;
    const list = byFile.get(file) ?? [];
    list.push(finding);
    byFile.set(file, list);
  }
  return byFile;
}

function keyOf(finding: Finding): string {
  return `${finding.ruleId}\0${finding.file.path}\0${finding.fingerprint}\0${finding.message}`;
}

export interface PlannedFix {
  finding: Finding;
  edits: Edit[];
}

/**
 * The fixes that do not overlap one already taken, in finding order (stable); an identical edit from two
 * findings (two rules proposing the same replacement) is applied once. The result is parsed again; when
 * it fails, fixes are tried one at a time and the ones that break the file are dropped.
 */
export function applyFixes(file: SourceFile, plans: readonly PlannedFix[], drop: (finding: Finding, reason: string) => void): { text: string; applied: number } {
  const taken: Edit[] = [];
  const chosen: PlannedFix[] = [];
  for (const plan of plans) {
    const fresh = plan.edits.filter((edit) => !taken.some((other) => sameEdit(edit, other)));
    if (fresh.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...fresh);
    chosen.push({ finding: plan.finding, edits: fresh });
  }
  const clients = countClients(file, file.text);
  const whole = applyEdits(file.text, taken);
  if (chosen.length === 0 || parseProblem(file, whole, clients) === undefined) return { text: whole, applied: chosen.length };
  // One at a time: keep each fix whose result still parses.
  let edits: Edit[] = [];
  let applied = 0;
  for (const plan of chosen) {
    const problem = parseProblem(file, applyEdits(file.text, [...edits, ...plan.edits]), clients);
    if (problem === undefined) {
      edits = [...edits, ...plan.edits];
      applied++;
    } else drop(plan.finding, problem);
  }
  return { text: applyEdits(file.text, edits), applied };
}

function load(file: SourceFile, text: string) {
  return loadFile(new SourceFile(file.path, text, file.repositoryPath, file.absolutePath), new Workspace());
}

function countClients(file: SourceFile, text: string): number {
  return load(file, text).clients.length;
}

/** Why the fixed text is not acceptable, or undefined. */
function parseProblem(file: SourceFile, text: string, clients: number): string | undefined {
  const loaded = load(file, text);
  if (loaded.parseError) return `the fixed file would not parse: ${loaded.parseError.message}`;
  if (loaded.clients.length !== clients) return `the fixed file would define ${loaded.clients.length} clients instead of ${clients}`;
  return undefined;
}
