// Unified diff of a file before and after its fixes, as `git apply` and `patch -p1` read it: lines keep
// their own line breaks (a CRLF file's diff carries the CRs), three lines of context. The edits are
// known, so no diff algorithm searches the whole file: each line of the fixed text remembers which line
// of the original it is (trackEdits), and the diff walks both once; only each small changed region is
// matched line by line. Linear in the size of the file.
import { applyEdits, type Edit } from './text';

/** A line of the fixed text, with its line break: kept from the original (its index there), or written by a fix (-1). */
export interface FixedLine {
  text: string;
  original: number;
}

/** Lines with their line breaks, so CRLF and a missing final newline survive. */
export function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The original text's lines, each kept. */
export function originalLines(text: string): FixedLine[] {
  return splitLines(text).map((line, index) => ({ text: line, original: index }));
}

/**
 * `lines` (whose texts joined are the text `edits` apply to) after the edits: lines no edit touches stay
 * the same objects; a touched line range is written again, keeping the lines its start and end still
 * share with the old ones (an item inserted after a line keeps that line).
 */
export function trackEdits(lines: readonly FixedLine[], edits: readonly Edit[]): FixedLine[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.text.length;
  }
  const lineOf = (at: number): number => {
    // The last line starting at or before `at`; lines.length for the end of a text ending with a line break.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle]! <= at) low = middle + 1;
      else high = middle;
    }
    const line = low - 1;
    return line >= 0 && at === offset && lines[line]!.text.endsWith('\n') ? lines.length : Math.max(line, 0);
  };
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: FixedLine[] = [];
  let next = 0; // the first line not yet copied to `out`
  let index = 0;
  while (index < sorted.length) {
    // A group: the edits whose line ranges overlap, rewritten together.
    const first = lineOf(sorted[index]!.start);
    let last = Math.max(first, lineOf(Math.max(sorted[index]!.start, sorted[index]!.end - 1)));
    const group: Edit[] = [sorted[index++]!];
    while (index < sorted.length && lineOf(sorted[index]!.start) <= last) {
      const edit = sorted[index++]!;
      last = Math.max(last, lineOf(Math.max(edit.start, edit.end - 1)));
      group.push(edit);
    }
    for (; next < first; next++) out.push(lines[next]!);
    const end = Math.min(last, lines.length - 1);
    const old = lines.slice(first, end + 1);
    const base = first < lines.length ? starts[first]! : offset;
    const written = splitLines(applyEdits(old.map((line) => line.text).join(''), group, base));
    let head = 0;
    while (head < written.length && head < old.length && written[head] === old[head]!.text) head++;
    let tail = 0;
    while (tail < written.length - head && tail < old.length - head && written[written.length - 1 - tail] === old[old.length - 1 - tail]!.text) tail++;
    for (let at = 0; at < written.length; at++) {
      if (at < head) out.push(old[at]!);
      else if (at >= written.length - tail) out.push(old[old.length - (written.length - at)]!);
      else out.push({ text: written[at]!, original: -1 });
    }
    next = end + 1;
  }
  for (; next < lines.length; next++) out.push(lines[next]!);
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

const CONTEXT = 3;

export interface DiffOptions {
  /** Lines printed before `--- a/path` (each starting with `#`): `git apply` and `patch` skip them. */
  header?: readonly string[];
  /** Applied to every printed line of the file (a committed secret is masked as every output masks it). */
  mask?: (line: string) => string;
}

/** `--- a/path` / `+++ b/path` and the hunks; '' when nothing changed. */
export function unifiedDiff(path: string, before: readonly string[], after: readonly FixedLine[], options: DiffOptions = {}): string {
  const ops = editScript(before, after);
  const changed: number[] = [];
  ops.forEach((op, index) => {
    if (op.kind !== ' ') changed.push(index);
  });
  if (changed.length === 0) return '';
  const mask = options.mask ?? ((line: string) => line);
  const parts: string[] = [...(options.header ?? []).map((line) => `${line}\n`), `--- a/${path}\n+++ b/${path}\n`];
  // Line numbers of ops[counted] in the old and new text, moved forward as the hunks go (never back).
  let counted = 0;
  let oldLine = 1;
  let newLine = 1;
  let cursor = 0;
  while (cursor < changed.length) {
    // A hunk runs while the next change is within two contexts of the previous one.
    let last = cursor;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[cursor]! - CONTEXT);
    const to = Math.min(ops.length, changed[last]! + CONTEXT + 1);
    for (; counted < from; counted++) {
      if (ops[counted]!.kind !== '+') oldLine++;
      if (ops[counted]!.kind !== '-') newLine++;
    }
    let oldCount = 0;
    let newCount = 0;
    const body: string[] = [];
    for (let at = from; at < to; at++) {
      const op = ops[at]!;
      if (op.kind !== '+') oldCount++;
      if (op.kind !== '-') newCount++;
      const line = mask(op.line);
      body.push(op.kind + (line.endsWith('\n') ? line : `${line}\n\\ No newline at end of file\n`));
    }
    parts.push(`@@ -${range(oldCount ? oldLine : oldLine - 1, oldCount)} +${range(newCount ? newLine : newLine - 1, newCount)} @@\n`);
    for (const line of body) parts.push(line);
    cursor = last + 1;
  }
  return parts.join('');
}

/**
 * Kept lines are context; original lines skipped between two kept ones are removed, new lines added
 * (removals first). A small changed region is matched line by line, so a line a fix left as it was (a
 * list item moved up by a removal) shows as context, as a diff tool would show it.
 */
function editScript(before: readonly string[], after: readonly FixedLine[]): Op[] {
  const ops: Op[] = [];
  let added: string[] = [];
  let original = 0;
  const flushUpTo = (end: number): void => {
    pushRegion(ops, before.slice(original, end), added);
    original = end;
    added = [];
  };
  for (const line of after) {
    if (line.original < 0) {
      added.push(line.text);
      continue;
    }
    flushUpTo(line.original);
    ops.push({ kind: ' ', line: line.text });
    original = line.original + 1;
  }
  flushUpTo(before.length);
  return ops;
}

/** Regions larger than this (lines removed times lines added) are not matched: removed, then added. */
const MATCHED_REGION = 10_000;

/** One changed region: a longest common subsequence of its removed and added lines stays as context. */
function pushRegion(ops: Op[], removed: readonly string[], added: readonly string[]): void {
  if (removed.length === 0 || added.length === 0 || removed.length * added.length > MATCHED_REGION) {
    for (const line of removed) ops.push({ kind: '-', line });
    for (const line of added) ops.push({ kind: '+', line });
    return;
  }
  // common[i][j]: the longest common subsequence of removed[i..] and added[j..].
  const width = added.length + 1;
  const common = new Uint16Array((removed.length + 1) * width);
  for (let i = removed.length - 1; i >= 0; i--) {
    for (let j = added.length - 1; j >= 0; j--) {
      common[i * width + j] = removed[i] === added[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  let pending: Op[] = [];
  const flush = (): void => {
    for (const op of pending) if (op.kind === '-') ops.push(op);
    for (const op of pending) if (op.kind === '+') ops.push(op);
    pending = [];
  };
  while (i < removed.length || j < added.length) {
    if (i < removed.length && j < added.length && removed[i] === added[j] && common[i * width + j] === common[(i + 1) * width + j + 1]! + 1) {
      flush();
      ops.push({ kind: ' ', line: removed[i]! });
      i++;
      j++;
    } else if (j >= added.length || (i < removed.length && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) pending.push({ kind: '-', line: removed[i++]! });
    else pending.push({ kind: '+', line: added[j++]! });
  }
  flush();
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
