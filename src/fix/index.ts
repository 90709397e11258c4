// The fixer: given the findings of a run and the files they were found in, it applies the planned fixes
// (Finding.change) of the chosen types to each file's text. It never lints: the caller (src/fix-run.ts)
// lints the fixed texts again and calls it once more while fixes remain. Each fixed text is loaded again
// with the project's loader before it is kept; a fix that would make it fail to parse (or lose a client)
// is dropped and reported.
import type { FileRef, Finding } from '../finding';
import { plannedChange } from '../finding';
import type { LoadedFile } from '../model';
import type { FixType } from '../rule';
import { loadFile } from '../load-file';
import { SourceFile } from '../source';
import { Workspace } from '../workspace';
import { applyEdits, overlaps, sameEdit, type Edit } from './text';

export { planFix } from './plan';
export { originalLines, splitLines, trackEdits, unifiedDiff, type FixedLine } from './diff';

/** --fix-type: `fix` (the default) applies fixes; `remediation` and `all` also apply remediations. */
export const FIX_TYPES = ['fix', 'remediation', 'all'] as const;
export type FixTypeOption = (typeof FIX_TYPES)[number];

/** Whether a finding's fix is of a type --fix-type selects. */
export function selectedBy(option: FixTypeOption): (finding: Finding) => boolean {
  const types: ReadonlySet<FixType> = new Set(option === 'fix' ? ['fix'] : ['fix', 'remediation']);
  return (finding) => finding.fixType !== undefined && types.has(finding.fixType);
}

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

/** One file's text after a pass, and the fixes applied to it. */
export interface FixedText {
  file: SourceFile;
  text: string;
  applied: PlannedFix[];
}

/**
 * One pass: the planned fixes of the selected findings, applied file by file. A fix `skip` names (one
 * dropped in an earlier pass) is left out; a fix dropped now is passed to `drop`.
 */
export function fixPass(files: readonly LoadedFile[], findings: readonly Finding[], selected: (finding: Finding) => boolean, skip: (finding: Finding) => boolean, drop: (finding: Finding, reason: string) => void): FixedText[] {
  const fixed: FixedText[] = [];
  const clients = new Map(files.map((loaded) => [loaded.file, loaded.clients.length]));
  for (const [file, list] of fixableByFile(findings, files, selected)) {
    const plans = list.flatMap((finding) => {
      const change = plannedChange(finding);
      return change && !skip(finding) ? [{ finding, edits: change.edits }] : [];
    });
    const result = applyFixes(file, plans, drop, clients.get(file));
    if (result.applied.length > 0) fixed.push({ file, text: result.text, applied: result.applied });
  }
  return fixed;
}

/** Findings whose fix is selected, by file (the CLI refuses --fix on standard input: it has nowhere to write). */
function fixableByFile(findings: readonly Finding[], loaded: readonly LoadedFile[], selected: (finding: Finding) => boolean): Map<SourceFile, Finding[]> {
  const sources = new Map<FileRef, SourceFile>(loaded.map(({ file }) => [file, file]));
  const byFile = new Map<SourceFile, Finding[]>();
  for (const finding of findings) {
    const file = sources.get(finding.file);
    if (!selected(finding) || !file || file.absolutePath === undefined) continue;
    const list = byFile.get(file) ?? [];
    list.push(finding);
    byFile.set(file, list);
  }
  return byFile;
}

/** A finding's identity across passes (its position moves as fixes above it change lines). */
export function fixIdentity(finding: Finding): string {
  return `${finding.ruleId}\0${finding.file.path}\0${finding.fingerprint}\0${finding.message}`;
}

export interface PlannedFix {
  finding: Finding;
  edits: Edit[];
}

/**
 * The fixes that do not overlap one already taken, in finding order (stable); an identical edit from two
 * findings (two rules proposing the same replacement) is applied once. The result is parsed again; when
 * it fails, fixes are tried one at a time and the ones that break the file are dropped. `applied` holds
 * each applied fix with the edits it added. `clientsBefore`: how many clients the unfixed text defines.
 */
export function applyFixes(file: SourceFile, plans: readonly PlannedFix[], drop: (finding: Finding, reason: string) => void, clientsBefore?: number): { text: string; applied: PlannedFix[] } {
  const taken = new TakenEdits();
  const chosen: PlannedFix[] = [];
  for (const plan of plans) {
    const fresh = plan.edits.filter((edit) => !taken.has(edit));
    if (fresh.some((edit) => taken.overlaps(edit))) continue;
    for (const edit of fresh) taken.add(edit);
    chosen.push({ finding: plan.finding, edits: fresh });
  }
  // The file was loaded by the run that found the fixes: its client count is known.
  const clients = clientsBefore ?? countClients(file, file.text);
  const whole = applyEdits(file.text, chosen.flatMap((plan) => plan.edits));
  if (chosen.length === 0 || parseProblem(file, whole, clients) === undefined) return { text: whole, applied: chosen };
  // One at a time: keep each fix whose result still parses.
  let edits: Edit[] = [];
  const applied: PlannedFix[] = [];
  for (const plan of chosen) {
    const problem = parseProblem(file, applyEdits(file.text, [...edits, ...plan.edits]), clients);
    if (problem === undefined) {
      edits = [...edits, ...plan.edits];
      applied.push(plan);
    } else drop(plan.finding, problem);
  }
  return { text: applyEdits(file.text, edits), applied };
}

/** Edits kept sorted by start, so that each check looks at its neighbours only (10,000 fixes in one file stay fast). */
class TakenEdits {
  private readonly edits: Edit[] = [];

  /** The index of the first edit starting at or after `start`. */
  private at(start: number): number {
    let low = 0;
    let high = this.edits.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.edits[middle]!.start < start) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The taken edits that could overlap `edit`: taken edits never overlap one another, so ends rise with starts and only the one before can reach in. */
  private near(edit: Edit): Edit[] {
    const index = this.at(edit.start);
    const found: Edit[] = [];
    // Only the edits with the greatest start before it (an insertion and a replacement may share one).
    for (let back = index - 1; back >= 0 && this.edits[back]!.start === this.edits[index - 1]!.start; back--) found.push(this.edits[back]!);
    for (let ahead = index; ahead < this.edits.length && this.edits[ahead]!.start <= edit.end; ahead++) found.push(this.edits[ahead]!);
    return found;
  }

  has(edit: Edit): boolean {
    return this.near(edit).some((other) => sameEdit(edit, other));
  }

  overlaps(edit: Edit): boolean {
    return this.near(edit).some((other) => overlaps(edit, other));
  }

  add(edit: Edit): void {
    this.edits.splice(this.at(edit.start), 0, edit);
  }
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
