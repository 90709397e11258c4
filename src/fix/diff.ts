// Unified diff of a file before and after its fixes, as `git apply` and `patch -p1` read it: lines keep
// their own line breaks (a CRLF file's diff carries the CRs), three lines of context, Myers' shortest
// edit script (fixes change few lines, so it stays linear in practice).

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their line breaks, so CRLF and a missing final newline survive. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  const max = a.length + b.length;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
    v = next;
  }
  // Walk back from the end: trace[d] is the frontier before step d.
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d > 0; d--) {
    const frontier = trace[d]!;
    const k = x - y;
    const previousK = k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!) ? k + 1 : k - 1;
    const previousX = frontier[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      ops.push({ kind: ' ', line: a[--x]! });
      y--;
    }
    if (x === previousX) ops.push({ kind: '+', line: b[--y]! });
    else ops.push({ kind: '-', line: a[--x]! });
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: ' ', line: a[--x]! });
    y--;
  }
  return ops.reverse();
}

const CONTEXT = 3;

/** `--- a/path` / `+++ b/path` and the hunks; '' when nothing changed. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let cursor = 0;
  while (cursor < changed.length) {
    // A hunk runs while the next change is within two contexts of the previous one.
    let last = cursor;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[cursor]! - CONTEXT);
    const to = Math.min(ops.length, changed[last]! + CONTEXT + 1);
    let oldStart = 1;
    let newStart = 1;
    for (const op of ops.slice(0, from)) {
      if (op.kind !== '+') oldStart++;
      if (op.kind !== '-') newStart++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${range(oldCount ? oldStart : oldStart - 1, oldCount)} +${range(newCount ? newStart : newStart - 1, newCount)} @@\n`;
    for (const op of hunk) out += op.kind + (op.line.endsWith('\n') ? op.line : `${op.line}\n\\ No newline at end of file\n`);
    cursor = last + 1;
  }
  return out;
}

function range(start: number, count: number): string {
  return count === 1 ? String(start) : `${start},${count}`;
}
