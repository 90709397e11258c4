// Small text utilities shared by rules and formatters.

/** Edit distance (insert, delete, substitute), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/** The candidate closest to `name` when it is plausibly a misspelling of it, else undefined. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  // A truncated name (`ALLOW_USER_SRP` for `ALLOW_USER_SRP_AUTH`) is the commonest slip: prefer a candidate that extends it.
  const lower = name.toLowerCase();
  const extending = candidates.filter((candidate) => lower.length >= 3 && candidate.toLowerCase().startsWith(lower)).sort((a, b) => a.length - b.length);
  if (extending[0] !== undefined) return extending[0];
  const threshold = Math.max(2, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that far off cannot be the answer,
    // and skipping it keeps a long input (a 1 MB key or rule id) from costing its length times each candidate's.
    if (Math.abs(lower.length - candidate.toLowerCase().length) > threshold) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= threshold ? best : undefined;
}

/** `1 file`, `2 files`: a count with its noun (regular plurals only). */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
