// --fix and --fix-dry-run: lint, hand the findings the filter stage kept (suppressed and baselined ones
// are gone by then) and their files to the fixer (src/fix), lint the fixed texts again, and repeat until
// no fix applies, so a second --fix changes nothing. Data flows one way: this module calls lint and the
// fixer; the fixer never lints.
import { describeChange, plannedChange } from './finding';
import { lint, type LintRequest, type LintRun } from './lint';
import { redact, secretsIn } from './redact';
import { writeFixedFiles } from './fix-write';
import { fixIdentity, fixPass, originalLines, selectedBy, splitLines, trackEdits, unifiedDiff, type DroppedFix, type FixTypeOption, type FixedFile, type FixedLine } from './fix';

/** Passes before giving up, as ESLint does: each pass can only apply fixes that overlapping ones held back. */
const MAX_PASSES = 10;

export interface FixOptions {
  /** Write the fixed files (--fix); without it only the diff is made (--fix-dry-run). */
  write: boolean;
  fixType: FixTypeOption;
}

export interface FixResult {
  /** The run over the fixed texts: what remains, for the report and the exit code. */
  run: LintRun;
  files: FixedFile[];
  /** Without `write`: the unified diff of every fixed file, secrets masked. */
  diff: string;
  /** Fixes applied, over all passes. */
  applied: number;
  dropped: DroppedFix[];
  /** Selected findings that remain with the reason their fix cannot be applied (a default, a reference, a plan, a shared value). */
  unfixed: DroppedFix[];
  /** Remediations --fix-type left out: they change what the application does. */
  remediationsLeft: number;
}

/** What happened to one file over the passes. */
interface FileProgress {
  path: string;
  before: string;
  text: string;
  /** The fixed text's lines, each knowing the original line it is (for a linear diff). */
  lines: FixedLine[];
  /** The applied fixes for the diff header: `kind: description (rule` -> the lines of its findings. */
  changes: Map<string, Set<number>>;
  secrets: string[];
}

export async function lintAndFix(request: LintRequest, options: FixOptions): Promise<FixResult> {
  const selected = selectedBy(options.fixType);
  const progress = new Map<string, FileProgress>();
  const texts = new Map<string, string>();
  const dropped: DroppedFix[] = [];
  const droppedKeys = new Set<string>();
  let applied = 0;
  // The findings stay attached to their loaded files (keepFiles): the fixer edits those texts.
  const attached: LintRequest = { ...request, keepFiles: true };
  let run = await lint(attached);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixed = fixPass(
      run.result.files ?? [],
      run.findings,
      selected,
      (finding) => droppedKeys.has(fixIdentity(finding)),
      (finding, reason) => {
        droppedKeys.add(fixIdentity(finding));
        dropped.push({ finding, reason });
      },
    );
    if (fixed.length === 0) break;
    const loadedFiles = new Map((run.result.files ?? []).map((loaded) => [loaded.file, loaded]));
    for (const { file, text, applied: fixes } of fixed) {
      const absolutePath = file.absolutePath!;
      let state = progress.get(absolutePath);
      if (!state) {
        const loaded = loadedFiles.get(file);
        state = { path: file.path, before: file.text, text: file.text, lines: originalLines(file.text), changes: new Map(), secrets: loaded ? secretsIn(loaded) : [] };
        progress.set(absolutePath, state);
      }
      state.lines = trackEdits(state.lines, fixes.flatMap((fix) => fix.edits));
      state.text = text;
      for (const { finding } of fixes) {
        const key = `${describeChange(finding, plannedChange(finding)!)} (${finding.ruleId}`;
        const lines = state.changes.get(key) ?? new Set<number>();
        state.changes.set(key, lines.add(finding.region.start.line));
      }
      texts.set(absolutePath, text);
      applied += fixes.length;
    }
    run = await lint({ ...attached, texts });
  }
  const changedFiles = [...progress].filter(([, state]) => state.before !== state.text);
  const files = changedFiles.map(([absolutePath, state]) => ({ path: state.path, absolutePath, before: state.before, after: state.text }));
  const diff = options.write ? '' : changedFiles.map(([, state]) => diffOf(state)).join('');
  if (options.write && files.length > 0) {
    // Safely: only inside the linted tree, never through a symbolic link, only a file unchanged since read.
    writeFixedFiles(files, request);
    run = await lint(attached);
  }
  const unfixed: DroppedFix[] = [];
  let remediationsLeft = 0;
  for (const finding of run.findings) {
    if (!finding.fixType || droppedKeys.has(fixIdentity(finding))) continue;
    if (!selected(finding)) remediationsLeft += plannedChange(finding) ? 1 : 0;
    else if (finding.change && 'reason' in finding.change) unfixed.push({ finding, reason: finding.change.reason });
  }
  return { run, files, diff, applied, dropped, unfixed, remediationsLeft };
}

/** The file's diff, headed by one `#` line per kind of change applied (git apply and patch skip them). */
function diffOf(state: FileProgress): string {
  const mask = (text: string): string => (state.secrets.length === 0 ? text : redact(text, state.secrets));
  const header = [...state.changes].map(([key, lines]) => `# ${printable(mask(key))}, ${lines.size === 1 ? 'line' : 'lines'} ${[...lines].join(', ')})`);
  return unifiedDiff(state.path, splitLines(state.before), state.lines, { header, mask });
}

/** A header line stays one line: control characters (a value with a line break) are shown escaped. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
