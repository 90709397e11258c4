// Command line: parse flags, resolve the configuration, run the pipeline, write the chosen format, pick
// the exit code. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
// configuration error, or internal failure.
import path from 'node:path';
import { loadAllRules } from '../rules';
import { PRESETS, resolveConfig, type PresetName } from './config';
import { ConfigError } from './config-file';
import { STDIN_PATH, UsageError, findRepositoryRoot, toDisplayPath } from './discover';
import { FORMAT_NAMES, describeFormats, format, loadFormatter, type FormatName, type Write } from './format';
import { checkedSummary } from './format/text';
import { listRules } from './format/rules';
import { errorsOnly, exitCodeFor, lint, tooManyWarnings, type FailOn, type LintRequest } from './lint';
import { buildBaseline, readBaseline, serializeBaseline } from './baseline';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './meta';
import { parseByteSize } from './read';
import type { Rule } from './rule';
import { FIX_TYPES, type FixTypeOption } from './fix';
import { lintAndFix, type FixResult } from './fix-run';
import { helpText, parseArgs, type OptionSpec } from './args';
import { STDOUT_PATH, openPendingFile, writeFileSafely, type PendingFile } from './safe-write';
import { lineWriter } from './escape';
import { plural } from './text';

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
  { name: 'format', alias: 'f', type: 'string', choices: FORMAT_NAMES, default: 'text', describe: 'Output format' },
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
  { name: 'fix', type: 'boolean', default: false, describe: 'Apply the fixes in place: changes that keep what the application does ({{fix}}); the report and exit code show what remains' },
  { name: 'fix-dry-run', type: 'boolean', default: false, describe: 'Print the fixes as a unified diff and write nothing (the report goes to --output-file if given)' },
  { name: 'fix-type', type: 'string', choices: FIX_TYPES, describe: 'With --fix or --fix-dry-run: fix (the default) applies fixes only; remediation (or all) also applies remediations, which change runtime behaviour to the secure setting ({{remediation}})' },
  { name: 'max-file-size', type: 'string', default: '10MB', describe: 'Larger files are not read; one whose first megabyte could hold a client is reported as a warning' },
  { name: 'gitignore', type: 'boolean', default: true, describe: 'Skip what .gitignore excludes when walking a directory or glob (--no-gitignore reads it); named paths are always read' },
  { name: 'error-on-unmatched-pattern', type: 'boolean', default: true, describe: 'Exit 2 when a path or glob matches no file (--no-error-on-unmatched-pattern skips it)' },
  { name: 'stdin-filename', type: 'string', describe: 'The name of the file read from standard input (-): picks the format, configuration overrides and the name in the output' },
  { name: 'sarif-category', type: 'string', describe: 'With --format sarif: automationDetails.id, to tell several uploads apart' },
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
  'fix-type'?: FixTypeOption;
  'max-file-size': string;
  gitignore: boolean;
  'error-on-unmatched-pattern': boolean;
  'stdin-filename'?: string;
  'sarif-category'?: string;
  color?: boolean;
  'print-config'?: string;
  'list-rules': boolean;
}

export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Every message echoes what the repository controls (file names, keys, rule ids): one line each, escaped.
  const io: CliIo = { ...given, stderr: lineWriter(given.stderr) };
  // An editor may add its own transport flags (`--stdio`): with --lsp, no other option applies.
  const lspAt = argv.indexOf('--lsp');
  if (lspAt >= 0 && !argv.slice(0, lspAt).includes('--')) return runLanguageServer();
  const parsed = parseArgs(argv, OPTIONS);
  if (parsed.kind === 'error') {
    io.stderr(`${TOOL_NAME}: ${parsed.message}\n`);
    io.stderr(`Run "${TOOL_NAME} --help" for usage.\n`);
    return 2;
  }
  if (parsed.kind === 'help') {
    // Only --help loads every formatter, for their descriptions.
    const options = OPTIONS.map((option) => (option.name === 'format' ? { ...option, describe: `Output format: ${describeFormats()}` } : option));
    io.stdout(helpText(USAGE, PATHS, withFixableRules(options, loadAllRules()), Math.min(110, process.stdout.columns || 100)));
    return 0;
  }
  if (parsed.kind === 'version') {
    io.stdout(`${TOOL_VERSION}\n`);
    return 0;
  }
  const args = { ...Object.fromEntries(parsed.options), paths: parsed.positionals.length > 0 ? parsed.positionals : PATHS.default } as CliArgs;

  // A report file is renamed into place only when whole; an error on the way removes its temporary file.
  let abortOutput = (): void => {};
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
    const formatter = loadFormatter(args.format);
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
      today: today(io),
      ...(baseline ? { baseline } : {}),
    };

    if ((args.fix || args['fix-dry-run']) && args['write-baseline']) throw new UsageError('--write-baseline records findings as they are: run it without --fix or --fix-dry-run');
    if (args['write-baseline']) {
      const shown = args['write-baseline'];
      const target = path.resolve(io.cwd, shown);
      // The baseline records what suppressions leave, so a later --no-inline-suppressions run is not fooled.
      const unbaselined = await lint({ ...request, forBaseline: true, planFixes: false });
      const text = serializeBaseline(buildBaseline(unbaselined.findings, TOOL_NAME));
      if (shown === STDOUT_PATH) io.stdout(text);
      else writeFileSafely({ absolutePath: target, shown }, text, io.cwd);
      io.stderr(`${TOOL_NAME}: wrote ${plural(unbaselined.findings.length, 'finding')} to ${shown === STDOUT_PATH ? 'standard output' : toDisplayPath(target, io.cwd)}\n`);
      return 0;
    }
    if (args.fix && args['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run cannot be used together');
    if (args.fix && paths.includes(STDIN_PATH)) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run to see the diff');
    if (args['fix-type'] !== undefined && !args.fix && !args['fix-dry-run']) throw new UsageError('--fix-type chooses what --fix or --fix-dry-run applies: add one of them');
    const fixing = args.fix || args['fix-dry-run'] ? await lintAndFix(request, { write: args.fix, fixType: args['fix-type'] ?? 'fix' }) : undefined;
    const filtered = fixing ? fixing.run : await lint({ ...request, planFixes: formatter.carriesFixEdits === true });
    const result = filtered.result;
    if (fixing) reportFixes(fixing, args.fix, io);
    for (const entry of filtered.staleBaseline) {
      io.stderr(`${TOOL_NAME}: baseline entry no longer found (${entry.count}x ${entry.ruleId} in ${entry.file}${entry.client ? ` ${entry.client}` : ''}${entry.path ? ` ${entry.path}` : ''}); regenerate the baseline with --write-baseline\n`);
    }

    const reported = args.quiet ? errorsOnly(filtered.findings) : filtered.findings;
    const repositoryRoot = findRepositoryRoot(io.cwd) ?? io.cwd;
    const outputFile = args['output-file'] === STDOUT_PATH ? undefined : args['output-file'];
    const color = args.color ?? (!outputFile && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    // --fix-dry-run prints its diff on stdout: the report goes only to --output-file there.
    const output = outputFile ? fileOutput(path.resolve(io.cwd, outputFile), outputFile, io.cwd) : { write: args['fix-dry-run'] && !args['output-file'] ? () => {} : io.stdout, end: () => {}, abort: () => {} };
    abortOutput = output.abort;
    format(formatter, reported, {
      result,
      rules,
      settings: config.settingsWithoutOverrides(),
      enabledRuleIds: config.enabledRuleIds(),
      cwd: io.cwd,
      repositoryRoot,
      warn: (message) => io.stderr(`${TOOL_NAME}: ${message}\n`),
      color,
      toolName: TOOL_NAME,
      toolVersion: TOOL_VERSION,
      informationUri: INFORMATION_URI,
    }, { flags: parsed.options, env: io.env, repositoryRoot }, output.write);
    output.end();
    // Most formats carry the counts inside; those that do not (annotations) leave them to the log.
    if (!formatter.carriesCounts) io.stderr(`${TOOL_NAME}: ${checkedSummary(result)}\n`);
    const warningLimit = maxWarnings === undefined || maxWarnings < 0 ? undefined : maxWarnings;
    if (warningLimit !== undefined && tooManyWarnings(reported, warningLimit)) io.stderr(`${TOOL_NAME} found too many warnings (maximum: ${warningLimit}).\n`);
    return exitCodeFor(reported, args['fail-on'], warningLimit);
  } catch (error) {
    abortOutput();
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(error as Error).message}\n`);
    io.stderr(`Please report this at ${INFORMATION_URI}/issues with the file that caused it.\n`);
    return 2;
  }
}

/** --fix writes the files; --fix-dry-run prints their diff (stdout, so it can go to `git apply`). Either way stderr says what happened. */
function reportFixes(fixing: FixResult, write: boolean, io: CliIo): void {
  for (const { finding, reason } of fixing.dropped) {
    io.stderr(`${TOOL_NAME}: fix of ${finding.ruleId} at ${finding.file.path}:${finding.region.start.line}:${finding.region.start.column} dropped: ${reason}\n`);
  }
  // Two clients reading one shared value give the same line once.
  for (const line of new Set(fixing.unfixed.map(({ finding, reason }) => `${TOOL_NAME}: not fixed: ${finding.ruleId} at ${finding.file.path}:${finding.region.start.line}:${finding.region.start.column}: ${reason}\n`))) io.stderr(line);
  if (!write) io.stdout(fixing.diff);
  const files = `${fixing.files.length} ${fixing.files.length === 1 ? 'file' : 'files'}`;
  io.stderr(`${TOOL_NAME}: ${write ? 'applied' : 'would apply'} ${fixing.applied} ${fixing.applied === 1 ? 'fix' : 'fixes'} in ${files}\n`);
  if (fixing.remediationsLeft > 0) {
    const count = fixing.remediationsLeft === 1 ? '1 remediation' : `${fixing.remediationsLeft} remediations`;
    io.stderr(`${TOOL_NAME}: ${count} not applied: they change what the application does; --fix-type remediation applies them\n`);
  }
}

/** --help names the rules whose changes --fix and --fix-type apply, from each rule's meta. */
function withFixableRules(options: readonly OptionSpec[], rules: readonly Rule[]): OptionSpec[] {
  const named = (type: string): string => rules.filter((rule) => rule.meta.fix === type).map((rule) => rule.meta.id).join(', ');
  return options.map((option) => (option.describe.includes('{{') ? { ...option, describe: option.describe.replace('{{fix}}', named('fix')).replace('{{remediation}}', named('remediation')) } : option));
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

/** The report file, written as the formatter goes into a temporary file, renamed over the target at the end (src/safe-write.ts). */
function fileOutput(target: string, shown: string, cwd: string): { write: Write; end: () => void; abort: () => void } {
  let pending: PendingFile | undefined;
  const open = (): PendingFile => (pending ??= openPendingFile({ absolutePath: target, shown }, cwd));
  const settle = (action: (file: PendingFile) => void): void => {
    const file = open();
    try {
      action(file);
    } catch (error) {
      file.abort();
      throw error;
    }
  };
  return { write: (chunk) => settle((file) => file.write(chunk)), end: () => settle((file) => file.commit()), abort: () => pending?.abort() };
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
