// Command line: parse flags, resolve the configuration, run the pipeline, write the chosen format, pick
// the exit code. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
// configuration error, or internal failure.
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { loadAllRules } from '../rules';
import { PRESETS, resolveConfig, type PresetName } from './config';
import { ConfigError } from './config-file';
import { STDIN_PATH, UsageError, findRepositoryRoot, toDisplayPath } from './discover';
import { FORMATS, format, type FormatName, type Write } from './format';
import { checkedSummary } from './format/text';
import { listRules } from './format/rules';
import { errorsOnly, exitCodeFor, lint, tooManyWarnings, type FailOn, type LintRequest } from './lint';
import { buildBaseline, readBaseline, serializeBaseline } from './baseline';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './meta';
import { parseByteSize } from './read';
import { lintAndFix, unifiedDiff, type FixResult } from './fix';
import { helpText, parseArgs, type OptionSpec } from './args';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  /** Standard input, read once when `-` is a path. */
  readStdin: () => Promise<string>;
  /** Today as YYYY-MM-DD (suppression expiry); injectable for tests. */
  today?: string;
}

const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

/** The options, in the order --help lists them. */
const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: FORMATS, default: 'text', describe: 'Output format' },
  { name: 'output-file', alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' },
  { name: 'fail-on', type: 'string', choices: FAIL_ON, default: 'error', describe: 'Exit 1 when a finding has this severity or higher' },
  { name: 'config', alias: 'c', type: 'string', describe: 'Configuration file (default: the nearest .cognito-lint.yaml/.json up to the repository root)' },
  { name: 'preset', type: 'string', choices: PRESETS, describe: 'Rule preset: recommended (default), strict (production stacks) or all; overrides "extends"' },
  { name: 'max-warnings', type: 'number', describe: 'Exit 1 when there are more warnings than this, whatever --fail-on says' },
  { name: 'quiet', type: 'boolean', default: false, describe: 'Report errors only' },
  { name: 'rule', type: 'string', repeatable: true, describe: "Set a rule's severity and options, e.g. --rule no-localhost-redirect=error or --rule 'token-lifetime-policy=[warning, {maxAccessToken: 15m}]' (repeatable; overrides the configuration)" },
  { name: 'inline-suppressions', type: 'boolean', default: true, describe: 'Honour suppression comments and Metadata entries (--no-inline-suppressions ignores them)' },
  { name: 'baseline', type: 'string', describe: 'Report only findings that are not in this baseline file' },
  { name: 'write-baseline', type: 'string', describe: 'Write every current finding to this baseline file and exit 0' },
  { name: 'fix', type: 'boolean', default: false, describe: 'Apply the safe fixes in place (PreventUserExistenceErrors, EnableTokenRevocation, auth flow names, duplicates, ALLOW_REFRESH_TOKEN_AUTH); the report and exit code show what remains' },
  { name: 'fix-dry-run', type: 'boolean', default: false, describe: 'Print the safe fixes as a unified diff and write nothing (the report goes to --output-file if given)' },
  { name: 'max-file-size', type: 'string', default: '10MB', describe: 'Larger files are not read; one whose first megabyte could hold a client is reported as a warning' },
  { name: 'gitignore', type: 'boolean', default: true, describe: 'Skip what .gitignore excludes when walking a directory or glob (--no-gitignore reads it); named paths are always read' },
  { name: 'error-on-unmatched-pattern', type: 'boolean', default: true, describe: 'Exit 2 when a path or glob matches no file (--no-error-on-unmatched-pattern skips it)' },
  { name: 'stdin-filename', type: 'string', describe: 'The name of the file read from standard input (-): picks the format, configuration overrides and the name in the output' },
  { name: 'sarif-category', type: 'string', describe: 'SARIF automationDetails.id, to tell several uploads apart' },
  { name: 'color', type: 'boolean', describe: 'Force colour on or off (default: on for a terminal, off with NO_COLOR)' },
  { name: 'print-config', type: 'string', describe: 'Print the configuration that applies to this file, then exit' },
  { name: 'list-rules', type: 'boolean', default: false, describe: 'Print every rule with its severity and description, then exit' },
  { name: 'lsp', type: 'boolean', default: false, describe: 'Run as a Language Server on standard input and output (for editors; docs/editors.md)' },
];
const USAGE = `${TOOL_NAME} [paths..]\n\nLint Amazon Cognito app client settings in CloudFormation, SAM, CDK, Serverless, Terraform and API files.`;
const PATHS = { name: 'paths', describe: 'Files, directories or globs to lint; - reads standard input', default: ['.'] };

/** The parsed options, typed (values and choices were checked by parseArgs against OPTIONS). */
interface CliArgs {
  paths: string[];
  format: FormatName;
  'output-file'?: string;
  'fail-on': FailOn;
  config?: string;
  preset?: PresetName;
  'max-warnings'?: number;
  quiet: boolean;
  rule?: string[];
  'inline-suppressions': boolean;
  baseline?: string;
  'write-baseline'?: string;
  fix: boolean;
  'fix-dry-run': boolean;
  'max-file-size': string;
  gitignore: boolean;
  'error-on-unmatched-pattern': boolean;
  'stdin-filename'?: string;
  'sarif-category'?: string;
  color?: boolean;
  'print-config'?: string;
  'list-rules': boolean;
}

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // An editor may add its own transport flags (`--stdio`): with --lsp, no other option applies.
  const lspAt = argv.indexOf('--lsp');
  if (lspAt >= 0 && !argv.slice(0, lspAt).includes('--')) return runLanguageServer();
  const parsed = parseArgs(argv, OPTIONS);
  if (parsed.kind === 'error') {
    io.stderr(`${TOOL_NAME}: ${parsed.message}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    io.stdout(helpText(USAGE, PATHS, OPTIONS, Math.min(110, process.stdout.columns || 100)));
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const args = { ...Object.fromEntries(parsed.options), paths: parsed.positionals.length > 0 ? parsed.positionals : PATHS.default } as CliArgs;

  try {
    const rules = loadAllRules();
    const config = resolveConfig(rules, io.cwd, args.config, args.preset, args.rule ?? []);
    if (args['list-rules']) {
      io.stdout(listRules(rules, config.settingsWithoutOverrides(), args.format));
      return 0;
    }
    if (args['print-config'] !== undefined) {
      io.stdout(JSON.stringify(config.describe(path.resolve(io.cwd, args['print-config'])), null, 2) + '\n');
      return 0;
    }
    const maxFileSize = parseByteSize(args['max-file-size']);
    if (!maxFileSize) throw new UsageError(`--max-file-size "${args['max-file-size']}" is not a size above 0; use e.g. 10MB, 512KB or 1048576`);
    const maxWarnings = args['max-warnings'];
    if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= -1)) throw new UsageError(`--max-warnings must be a whole number (-1 for no limit), not "${maxWarnings}"`);
    const baseline = args.baseline ? readBaseline(path.resolve(io.cwd, args.baseline), args.baseline) : undefined;

    const paths = args.paths;
    if (args['stdin-filename'] !== undefined && !paths.includes(STDIN_PATH)) throw new UsageError('--stdin-filename names standard input: add - to the paths');
    const request: LintRequest = {
      cwd: io.cwd,
      paths,
      rules,
      config,
      maxFileSize,
      discover: {
        ...(paths.includes(STDIN_PATH) ? { stdin: { text: await io.readStdin(), filename: args['stdin-filename'] } } : {}),
        gitignore: args.gitignore,
        errorOnUnmatchedPattern: args['error-on-unmatched-pattern'],
        warn: (message) => io.stderr(`${TOOL_NAME}: ${message}\n`),
      },
      inlineSuppressions: args['inline-suppressions'],
      // SARIF results carry the safe fixes as replacements, planned while each file is loaded.
      ...(args.format === 'sarif' ? { planFixes: true } : {}),
      today: today(io),
      ...(baseline ? { baseline } : {}),
    };

    if ((args.fix || args['fix-dry-run']) && args['write-baseline']) throw new UsageError('--write-baseline records findings as they are: run it without --fix or --fix-dry-run');
    if (args['write-baseline']) {
      const target = path.resolve(io.cwd, args['write-baseline']);
      // The baseline records what suppressions leave, so a later --no-inline-suppressions run is not fooled.
      const unbaselined = await lint({ ...request, forBaseline: true });
      writeOutputFile(target, args['write-baseline'], serializeBaseline(buildBaseline(unbaselined.findings, TOOL_NAME)));
      io.stderr(`${TOOL_NAME}: wrote ${unbaselined.findings.length} findings to ${toDisplayPath(target, io.cwd)}\n`);
      return 0;
    }
    if (args.fix && args['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
    if (args.fix && paths.includes(STDIN_PATH)) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run to see the diff');
    const fixing = args.fix || args['fix-dry-run'] ? await lintAndFix(request, args.fix) : undefined;
    const filtered = fixing ? fixing.run : await lint(request);
    const result = filtered.result;
    if (fixing) reportFixes(fixing, args.fix, io);
    for (const entry of filtered.staleBaseline) {
      io.stderr(`${TOOL_NAME}: baseline entry no longer found (${entry.count}x ${entry.ruleId} in ${entry.file}${entry.client ? ` ${entry.client}` : ''}${entry.path ? ` ${entry.path}` : ''}); regenerate the baseline with --write-baseline\n`);
    }

    const reported = args.quiet ? errorsOnly(filtered.findings) : filtered.findings;
    const repositoryRoot = findRepositoryRoot(io.cwd) ?? io.cwd;
    const outputFile = args['output-file'];
    const color = args.color ?? (!outputFile && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    // --fix-dry-run prints its diff on stdout: the report goes only to --output-file there.
    const output = outputFile ? fileOutput(path.resolve(io.cwd, outputFile), outputFile) : { write: args['fix-dry-run'] ? () => {} : io.stdout, end: () => {} };
    format(args.format, reported, {
      result,
      rules,
      settings: config.settingsWithoutOverrides(),
      enabledRuleIds: config.enabledRuleIds(),
      cwd: io.cwd,
      repositoryRoot,
      annotationRoot: io.env.GITHUB_WORKSPACE || repositoryRoot,
      warn: (message) => io.stderr(`${TOOL_NAME}: ${message}\n`),
      color,
      toolName: TOOL_NAME,
      toolVersion: TOOL_VERSION,
      informationUri: INFORMATION_URI,
      ...(args['sarif-category'] ? { sarifCategory: args['sarif-category'] } : {}),
    }, output.write);
    output.end();
    // Machine formats carry the counts inside; annotations do not, so the log gets them.
    if (args.format === 'github') io.stderr(`${TOOL_NAME}: ${checkedSummary(result)}\n`);
    const warningLimit = maxWarnings === undefined || maxWarnings < 0 ? undefined : maxWarnings;
    if (warningLimit !== undefined && tooManyWarnings(reported, warningLimit)) io.stderr(`${TOOL_NAME} found too many warnings (maximum: ${warningLimit}).\n`);
    return exitCodeFor(reported, args['fail-on'], warningLimit);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(error as Error).message}\nPlease report this at ${INFORMATION_URI}/issues with the file that caused it.\n`);
    return 2;
  }
}

/** --fix writes the files; --fix-dry-run prints their diff (stdout, so it can go to `git apply`). Either way stderr says what happened. */
function reportFixes(fixing: FixResult, write: boolean, io: CliIo): void {
  for (const { finding, reason } of fixing.dropped) {
    io.stderr(`${TOOL_NAME}: fix of ${finding.ruleId} at ${finding.file.path}:${finding.region.start.line}:${finding.region.start.column} dropped: ${reason}\n`);
  }
  for (const { finding, reason } of fixing.unfixed) {
    io.stderr(`${TOOL_NAME}: not fixed: ${finding.ruleId} at ${finding.file.path}:${finding.region.start.line}:${finding.region.start.column}: ${reason}\n`);
  }
  if (!write) io.stdout(fixing.files.map((file) => unifiedDiff(file.path, file.before, file.after)).join(''));
  const files = `${fixing.files.length} ${fixing.files.length === 1 ? 'file' : 'files'}`;
  io.stderr(`${TOOL_NAME}: ${write ? 'applied' : 'would apply'} ${fixing.applied} ${fixing.applied === 1 ? 'fix' : 'fixes'} in ${files}\n`);
}

declare const COGNITO_LINT_BUNDLE: boolean | undefined;

/**
 * The language server, loaded only now: a lint run does not pay for its code. In the bundle it is a file
 * of its own beside cli.js (scripts/bundle.js), required by a path the bundler does not follow.
 */
function runLanguageServer(): Promise<number> {
  const bundled = typeof COGNITO_LINT_BUNDLE === 'boolean' && COGNITO_LINT_BUNDLE;
  const serverModule = bundled ? path.join(__dirname, 'server.js') : path.join(__dirname, 'server', 'index.js');
  const { startServer } = require(serverModule) as typeof import('./server');
  return startServer();
}

function today(io: CliIo): string {
  return io.today ?? new Date().toISOString().slice(0, 10);
}

/** A report or baseline file; a missing directory or a read-only place is the user's to fix, not an internal error. */
function writeOutputFile(target: string, shown: string, text: string): void {
  try {
    writeFileSync(target, text);
  } catch (error) {
    throw cannotWrite(error, shown);
  }
}

/** The report file, written as the formatter goes; opened at the first piece (or at the end), as writeOutputFile would. */
function fileOutput(target: string, shown: string): { write: Write; end: () => void } {
  let fd: number | undefined;
  const attempt = (action: () => void): void => {
    try {
      action();
    } catch (error) {
      throw cannotWrite(error, shown);
    }
  };
  const open = (): number => {
    if (fd === undefined) attempt(() => (fd = openSync(target, 'w')));
    return fd!;
  };
  return {
    write: (chunk) => {
      const descriptor = open();
      const bytes = Buffer.from(chunk);
      // writeSync may write less than asked (as writeFileSync knows): go on until all is written.
      attempt(() => {
        for (let done = 0; done < bytes.length; ) done += writeSync(descriptor, bytes, done);
      });
    },
    end: () => attempt(() => closeSync(open())),
  };
}

function cannotWrite(error: unknown, shown: string): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? `the directory ${path.dirname(shown)} does not exist` : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error');
  return new UsageError(`cannot write ${shown}: ${why}`);
}

function processIo(): CliIo {
  // `cognito-lint ... | head`: the reader has what it wanted; end quietly instead of with an EPIPE trace.
  let stdoutClosed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdoutClosed = true;
  });
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: !!process.stdout.isTTY,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
