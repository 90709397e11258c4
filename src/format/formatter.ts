// What a report format is: one object per file in src/format/, listed in src/format/index.ts.
import type { Finding } from '../finding';
import type { LintResult } from '../lint';
import type { Rule } from '../rule';
import type { RuleSettings } from '../config';
import type { ParsedValue } from '../args';

/** What every format may use: the run, the rules, and where it ran. A format's own settings are its Options. */
export interface FormatContext {
  result: LintResult;
  rules: readonly Rule[];
  /** Settings where no override applies: each rule's configured level. */
  settings: RuleSettings;
  /** Rules on for at least one file (overrides and --rule included): what SARIF describes. */
  enabledRuleIds: ReadonlySet<string>;
  cwd: string;
  repositoryRoot: string;
  /** Tells the user something about the report itself (SARIF's result cap), on stderr. */
  warn: (message: string) => void;
  color: boolean;
  toolName: string;
  toolVersion: string;
  informationUri: string;
}

/** Where a formatter writes its report, piece by piece: a report of 100,000 results is never one string. */
export type Write = (chunk: string) => void;

/** What a format may read its own settings from: the parsed command line and the environment. */
export interface FormatterInput {
  /** Every option as parsed (src/args.ts), by its long name: `sarif-category`. */
  flags: ReadonlyMap<string, ParsedValue>;
  env: NodeJS.ProcessEnv;
  repositoryRoot: string;
}

export interface Formatter<Options = undefined> {
  /** The --format value. */
  readonly name: string;
  /** One line for --help: what reads this report. */
  readonly description: string;
  /** Whether the report says what was checked; when it does not (annotations), the command line says it on stderr. */
  readonly carriesCounts: boolean;
  /** Whether the report carries each fix's edits (Finding.change: SARIF's `fixes`): only then does a run plan them. */
  readonly carriesFixEdits?: boolean;
  /** This format's own settings (SARIF's category, the annotations' root), read from the command line and environment. */
  options(input: FormatterInput): Options;
  /** Writes the report through `write`, one piece at a time. */
  write(findings: readonly Finding[], context: FormatContext, options: Options, write: Write): void;
}
