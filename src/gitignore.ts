// One ignore file (.gitignore, .git/info/exclude, the global excludes file), read as git reads it
// (gitignore(5), wildmatch with WM_PATHNAME), and the verdict it gives one entry. No regular expressions:
// a pattern is matched by a greedy wildcard matcher whose cost is bounded by the pattern's length times
// the name's, whatever the pattern (a pull request's own .gitignore is hostile input, and `*a*a*a*b` as
// a backtracking RegExp takes exponential time). Most lines are a plain name (`node_modules/`) or
// `*.suffix`: those are a map lookup and an endsWith. docs/design/gitignore.md has the measured reasons.

/** A character test inside one path segment: a character code, any character (`?`), or a bracket expression. */
type CharacterTest = number | typeof ANY_CHARACTER | BracketExpression;
/** One segment of a pattern: a list of tests and `*` runs. */
type SegmentPattern = Array<CharacterTest | typeof ANY_RUN>;

const ANY_CHARACTER = -1;
const ANY_RUN = -2; // `*`: any run of characters within a segment
const ANY_SEGMENTS = 'any-segments'; // `**` as a whole segment: zero or more segments

interface BracketExpression {
  negated: boolean;
  test(code: number): boolean;
}

/** One line's pattern: the same object for every file that has the same line (one parse per distinct line). */
interface Pattern {
  readonly negated: boolean;
  readonly directoryOnly: boolean;
  /** The name it matches when it is a plain name (`node_modules/`, `.DS_Store`): a map lookup. */
  readonly plainName?: string;
  /** The end of the name it matches when it is `*` and plain characters (`*.pyc`): an endsWith. */
  readonly suffix?: string;
  /** `parts` gives the path's segments, split once per entry and only when a pattern needs them. */
  matches(relativePath: string, name: string, parts: () => readonly string[]): boolean;
}

/** The verdict of one ignore file on one entry: ignored, re-included by a `!` pattern, or not decided here. */
export type Verdict = 'ignored' | 'included' | undefined;

export class IgnoreFile {
  // Each list holds positions in `patterns` in file order: the last matching pattern decides.
  /** Plain names (`node_modules`, `.DS_Store`), the cheapest and the most common: name → patterns. */
  private readonly byName = new Map<string, number[]>();
  /** `*.suffix` patterns by the name's extension (`pyc` for `*.pyc`, `gz` for `*.tar.gz`). */
  private readonly byExtension = new Map<string, number[]>();
  /** Every other pattern. */
  private readonly others: number[] = [];

  constructor(readonly patterns: readonly Pattern[]) {
    patterns.forEach((pattern, order) => {
      if (pattern.plainName !== undefined) addTo(this.byName, pattern.plainName, order);
      else if (pattern.suffix?.includes('.')) addTo(this.byExtension, pattern.suffix.slice(pattern.suffix.lastIndexOf('.') + 1), order);
      else this.others.push(order);
    });
  }

  /** Parses the text of an ignore file. */
  static parse(text: string): IgnoreFile {
    const patterns: Pattern[] = [];
    for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
      let pattern = PARSED_LINES.get(line);
      if (pattern === undefined) {
        pattern = parsePattern(line) ?? null;
        if (PARSED_LINES.size < PARSED_LINES_KEPT) PARSED_LINES.set(line, pattern);
      }
      if (pattern) patterns.push(pattern);
    }
    return new IgnoreFile(patterns);
  }

  get isEmpty(): boolean {
    return this.patterns.length === 0;
  }

  /**
   * The verdict on an entry, given as its path relative to this file's directory (`a/b.json`) and its
   * name (`b.json`).
   */
  verdict(relativePath: string, name: string, isDirectory: boolean): Verdict {
    let split: readonly string[] | undefined;
    const parts = (): readonly string[] => (split ??= relativePath.split('/'));
    const lastMatch = (list: readonly number[] | undefined, after: number): number => {
      if (list) {
        for (let i = list.length - 1; i >= 0 && list[i]! > after; i--) {
          const pattern = this.patterns[list[i]!]!;
          if ((isDirectory || !pattern.directoryOnly) && pattern.matches(relativePath, name, parts)) return list[i]!;
        }
      }
      return after;
    };
    let decided = lastMatch(this.byName.get(name), -1);
    const dot = name.lastIndexOf('.');
    if (dot !== -1) decided = lastMatch(this.byExtension.get(name.slice(dot + 1)), decided);
    decided = lastMatch(this.others, decided);
    if (decided === -1) return undefined;
    return this.patterns[decided]!.negated ? 'included' : 'ignored';
  }

  /**
   * This file without the patterns that cover one of `directories` (paths relative to this file's
   * directory) or everything in it: what the user named is read even when an ignore file names it.
   */
  without(directories: readonly string[]): IgnoreFile {
    if (directories.length === 0) return this;
    const covers = (pattern: Pattern): boolean =>
      directories.some((directory) => {
        const name = directory.slice(directory.lastIndexOf('/') + 1);
        // `dir/**` and `dir/*` name no directory but cover everything in it: a child no file can be called.
        const child = `${directory}/\u0000`;
        return pattern.matches(directory, name, () => directory.split('/')) || pattern.matches(child, '\u0000', () => child.split('/'));
      });
    return new IgnoreFile(this.patterns.filter((pattern) => !covers(pattern)));
  }
}

/**
 * The patterns of lines already seen: repositories repeat the same templates (serverless-patterns: 415
 * .gitignore files, 13,173 patterns, most of them the same few hundred lines). Bounded, for hostile files.
 */
const PARSED_LINES = new Map<string, Pattern | null>();
const PARSED_LINES_KEPT = 20_000;

/** One line of an ignore file as a pattern; undefined for blank lines and comments. */
function parsePattern(rawLine: string): Pattern | undefined {
  let line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
  if (line === '' || line.startsWith('#')) return undefined;
  line = trimTrailingSpaces(line);
  const negated = line.startsWith('!');
  if (negated) line = line.slice(1);
  const directoryOnly = line.endsWith('/') && !isEscapedAt(line, line.length - 1);
  if (directoryOnly) line = line.slice(0, -1);
  if (line === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the file's directory; else it matches a name at any depth.
  const anchored = line.includes('/');
  if (line.startsWith('/')) line = line.slice(1);
  const base = { negated, directoryOnly };
  const segments = compileSegments(line);
  if (!segments) return { ...base, matches: () => false };
  // `**/name` is `name` (gitignore(5)).
  if (segments.length === 2 && segments[0] === ANY_SEGMENTS && segments[1] !== ANY_SEGMENTS) segments.shift();
  else if (anchored) return { ...base, matches: pathMatcher(segments) };
  const only = segments[0]!;
  if (only === ANY_SEGMENTS) return { ...base, matches: () => true };
  const plainName = plainText(only);
  if (plainName !== undefined) return { ...base, plainName, matches: (_path, name) => name === plainName };
  const suffix = only[0] === ANY_RUN ? plainText(only.slice(1)) : undefined;
  if (suffix !== undefined) return { ...base, suffix, matches: (_path, name) => name.endsWith(suffix) };
  return { ...base, matches: (_path, name) => matchSegment(only, name) };
}

/**
 * The matcher of an anchored pattern, with cheap tests first: a plain first segment must begin the path,
 * the path must hold the pattern's longest plain run (`ackages` in `[Pp]ackages`), the last segment
 * must match the name, and without `**` the path has as many segments as the pattern.
 */
function pathMatcher(segments: Array<SegmentPattern | typeof ANY_SEGMENTS>): Pattern['matches'] {
  const first = segments[0]!;
  const prefix = first === ANY_SEGMENTS ? undefined : plainText(first);
  const last = segments[segments.length - 1]!;
  const exactLength = segments.includes(ANY_SEGMENTS) ? undefined : segments.length;
  if (exactLength !== undefined && segments.every((segment) => plainText(segment as SegmentPattern) !== undefined)) {
    const plainPath = segments.map((segment) => plainText(segment as SegmentPattern)).join('/');
    return (path) => path === plainPath;
  }
  const needle = longestPlainRun(segments);
  return (path, name, parts) => {
    if (prefix !== undefined && !(path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47)) return false;
    if (needle !== '' && !path.includes(needle)) return false;
    if (last !== ANY_SEGMENTS && !matchSegment(last, name)) return false;
    const split = parts();
    if (exactLength !== undefined && split.length !== exactLength) return false;
    return matchSegments(segments, split);
  };
}

/** git's trim_trailing_spaces: trailing spaces go, unless the last one is escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && line[end - 1] === ' ') end--;
  if (end < line.length && end > 0 && line[end - 1] === '\\' && !isEscapedAt(line, end - 1)) end++;
  return line.slice(0, end);
}

/** Whether the backslash at `index` is itself escaped (an odd number of backslashes before it). */
function isEscapedAt(line: string, index: number): boolean {
  let count = 0;
  for (let i = index - 1; i >= 0 && line[i] === '\\'; i--) count++;
  return count % 2 === 1;
}

/** The pattern's segments, `**` segments folded; undefined when it can never match (an unclosed `[`, a trailing `\`). */
function compileSegments(pattern: string): Array<SegmentPattern | typeof ANY_SEGMENTS> | undefined {
  const segments: Array<SegmentPattern | typeof ANY_SEGMENTS> = [];
  let current: SegmentPattern = [];
  let raw = '';
  const close = (): void => {
    const folded = raw === '**' ? ANY_SEGMENTS : current;
    // `**/**` is `**`: folding keeps the matcher's work bounded by the path's length.
    if (!(folded === ANY_SEGMENTS && segments[segments.length - 1] === ANY_SEGMENTS)) segments.push(folded);
    current = [];
    raw = '';
  };
  for (let i = 0; i < pattern.length; i++) {
    const character = pattern[i]!;
    if (character === '/') {
      close();
      continue;
    }
    raw += character;
    if (character === '\\') {
      if (i + 1 >= pattern.length) return undefined;
      raw += pattern[i + 1];
      current.push(pattern.charCodeAt(++i));
    } else if (character === '*') {
      if (current[current.length - 1] !== ANY_RUN) current.push(ANY_RUN);
    } else if (character === '?') current.push(ANY_CHARACTER);
    else if (character === '[') {
      const bracket = parseBracket(pattern, i);
      if (!bracket) return undefined;
      current.push(bracket.expression);
      raw += pattern.slice(i + 1, bracket.end + 1);
      i = bracket.end;
    } else current.push(pattern.charCodeAt(i));
  }
  close();
  // A trailing `/**` matches everything inside, not the directory itself: one segment, then any more.
  if (segments.length > 1 && segments[segments.length - 1] === ANY_SEGMENTS) segments.splice(segments.length - 1, 0, [ANY_RUN]);
  return segments;
}

const POSIX_CLASSES: Record<string, (code: number) => boolean> = {
  alnum: (c) => isDigit(c) || isUpper(c) || isLower(c),
  alpha: (c) => isUpper(c) || isLower(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: isDigit,
  graph: (c) => c > 32 && c < 127,
  lower: isLower,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !isDigit(c) && !isUpper(c) && !isLower(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: isUpper,
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** A bracket expression starting at `start` (`[a-z]`, `[!.]`, `[]x]`, `[[:digit:]]`), as wildmatch reads it. */
function parseBracket(pattern: string, start: number): { expression: BracketExpression; end: number } | undefined {
  let i = start + 1;
  const negated = pattern[i] === '!' || pattern[i] === '^';
  if (negated) i++;
  const tests: Array<(code: number) => boolean> = [];
  let first = true;
  for (; i < pattern.length; i++) {
    let character = pattern[i]!;
    if (character === ']' && !first) {
      const expression: BracketExpression = { negated, test: (code) => code !== 47 && tests.some((test) => test(code)) !== negated };
      return { expression, end: i };
    }
    first = false;
    if (character === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close === -1) return undefined;
      const posix = POSIX_CLASSES[pattern.slice(i + 2, close)];
      if (!posix) return undefined; // wildmatch: an unknown class never matches
      tests.push(posix);
      i = close + 1;
      continue;
    }
    if (character === '\\') {
      if (++i >= pattern.length) return undefined;
      character = pattern[i]!;
    }
    const low = character.charCodeAt(0);
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      let highCharacter = pattern[i + 2]!;
      i += 2;
      if (highCharacter === '\\') {
        if (++i >= pattern.length) return undefined;
        highCharacter = pattern[i]!;
      }
      const high = highCharacter.charCodeAt(0);
      tests.push((code) => code >= low && code <= high);
    } else tests.push((code) => code === low);
  }
  return undefined;
}

/**
 * The classic greedy wildcard matcher, used at two levels: characters within a segment (`*` never
 * crosses a `/`) and segments within a path (`**`). On a mismatch only the last star takes one more
 * item, which is exact for stars that match any run, and bounds the work by pattern length times length.
 */
function greedyMatch<Test>(pattern: readonly Test[], length: number, star: Test, matchesAt: (test: Test, index: number) => boolean): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < length) {
    if (p < pattern.length) {
      const test = pattern[p]!;
      if (test === star) {
        starP = p++;
        starT = t;
        continue;
      }
      if (matchesAt(test, t)) {
        p++;
        t++;
        continue;
      }
    }
    if (starP === -1) return false;
    p = starP + 1;
    t = ++starT;
  }
  while (p < pattern.length && pattern[p] === star) p++;
  return p === pattern.length;
}

/** Whether one segment of text matches one segment of pattern. */
function matchSegment(pattern: SegmentPattern, text: string): boolean {
  return greedyMatch<CharacterTest | typeof ANY_RUN>(pattern, text.length, ANY_RUN, (test, index) => matchesCharacter(test as CharacterTest, text.charCodeAt(index)));
}

function matchesCharacter(test: CharacterTest, code: number): boolean {
  if (typeof test === 'number') return test === ANY_CHARACTER || test === code;
  return test.test(code);
}

/** Segments against path parts, `**` taking any number of parts. */
function matchSegments(pattern: ReadonlyArray<SegmentPattern | typeof ANY_SEGMENTS>, parts: readonly string[]): boolean {
  return greedyMatch<SegmentPattern | typeof ANY_SEGMENTS>(pattern, parts.length, ANY_SEGMENTS, (segment, index) => matchSegment(segment as SegmentPattern, parts[index]!));
}

/** The longest run of plain characters in the pattern's segments: text every matching path holds. */
function longestPlainRun(segments: ReadonlyArray<SegmentPattern | typeof ANY_SEGMENTS>): string {
  let longest = '';
  for (const segment of segments) {
    if (segment === ANY_SEGMENTS) continue;
    let run = '';
    for (const test of [...segment, ANY_RUN]) {
      if (typeof test === 'number' && test >= 0) run += String.fromCharCode(test);
      else {
        if (run.length > longest.length) longest = run;
        run = '';
      }
    }
  }
  return longest;
}

/** The text of a segment without wildcards or brackets (`node_modules`, `.pyc`); undefined otherwise. */
function plainText(segment: SegmentPattern): string | undefined {
  let text = '';
  for (const test of segment) {
    if (typeof test !== 'number' || test < 0) return undefined;
    text += String.fromCharCode(test);
  }
  return text;
}

function addTo(map: Map<string, number[]>, key: string, order: number): void {
  const list = map.get(key);
  if (list) list.push(order);
  else map.set(key, [order]);
}
