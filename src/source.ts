// A file's text and the one place where offsets become line/column positions.
// Columns are 1-based UTF-16 code units (what JavaScript strings index and SARIF's
// `utf16CodeUnits` column kind means); end positions are one past the last character.

export interface Position {
  line: number;
  column: number;
}

export interface Region {
  start: Position;
  end: Position;
}

export class SourceFile {
  private lineStarts: number[] | undefined;

  /**
   * `path` is as the user will see it: relative to the working directory, forward slashes.
   * `repositoryPath` is relative to the repository root: what fingerprints and baselines use, so they
   * do not depend on where the linter was started.
   */
  constructor(
    readonly path: string,
    readonly text: string,
    readonly repositoryPath: string = path,
    /** Where the file is on disk; unset for text that was not read from a file (tests, stdin). */
    readonly absolutePath?: string,
  ) {}

  positionAt(offset: number): Position {
    const starts = this.getLineStarts();
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  regionOf(span: { start: number; end: number }): Region {
    return { start: this.positionAt(span.start), end: this.positionAt(Math.max(span.end, span.start)) };
  }

  /** The text of one line (1-based), without its line break. */
  lineText(line: number): string {
    const starts = this.getLineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const next = starts[line];
    const end = next === undefined ? this.text.length : next;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  private getLineStarts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    return starts;
  }
}

/** A range of characters in a file: [start, end) as UTF-16 offsets into `file.text`. */
export interface Span {
  file: SourceFile;
  start: number;
  end: number;
}
