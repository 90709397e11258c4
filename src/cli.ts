// Command line: parse flags, run the pipeline, write the chosen format, pick the exit code.
// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage/config error or internal failure.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { loadAllRules } from '../rules';
import { PRESETS, settingsForPreset, type PresetName } from './config';
import { UsageError, findRepositoryRoot } from './discover';
import { FORMATS, format, type FormatName } from './format';
import { exitCodeFor, lintPaths, type FailOn } from './lint';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './meta';
import { DEFAULT_MAX_FILE_SIZE, parseByteSize } from './read';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
}

const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let usageError: string | undefined;
  const parser = yargs([...argv])
    .scriptName(TOOL_NAME)
    .usage('$0 [paths..]\n\nLint Amazon Cognito app client settings in CloudFormation, SAM, CDK, Serverless and API files.')
    .command('$0 [paths..]', false, (y) => y.positional('paths', { type: 'string', array: true, default: ['.'], describe: 'Files, directories or globs to lint' }))
    .option('format', { alias: 'f', choices: FORMATS, default: 'text' as FormatName, describe: 'Output format' })
    .option('output-file', { alias: 'o', type: 'string', describe: 'Write the report to this file instead of stdout' })
    .option('fail-on', { choices: FAIL_ON, default: 'error' as FailOn, describe: 'Exit 1 when a finding has this severity or higher' })
    .option('preset', { choices: PRESETS, default: 'recommended' as PresetName, describe: 'Rule preset: recommended, strict (production stacks) or all' })
    .option('max-file-size', { type: 'string', default: '10MB', describe: 'Larger files are reported and not read' })
    .option('sarif-category', { type: 'string', describe: 'SARIF automationDetails.id, to tell several uploads apart' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal, off with NO_COLOR)' })
    .option('list-rules', { type: 'boolean', default: false, describe: 'Print every rule with its severity and description, then exit' })
    .strict()
    .help()
    .alias('help', 'h')
    .version(TOOL_VERSION)
    .alias('version', 'v')
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      usageError = message || error?.message || 'invalid arguments';
    });

  let help = '';
  const args = await parser.parseAsync([...argv], {}, (_error, _argv, output) => {
    help = output;
  });
  if (usageError) {
    io.stderr(`${TOOL_NAME}: ${usageError}\nRun "${TOOL_NAME} --help" for usage.\n`);
    return 2;
  }
  if (help) {
    io.stdout(help.endsWith('\n') ? help : help + '\n');
    return 0;
  }

  const rules = loadAllRules();
  const settings = settingsForPreset(rules, args.preset);
  if (args['list-rules']) {
    io.stdout(listRules(rules, settings));
    return 0;
  }
  const maxFileSize = parseByteSize(args['max-file-size']);
  if (maxFileSize === undefined) {
    io.stderr(`${TOOL_NAME}: --max-file-size "${args['max-file-size']}" is not a size; use e.g. 10MB, 512KB or 1048576.\n`);
    return 2;
  }
  try {
    const paths = (args.paths as string[] | undefined) ?? ['.'];
    const result = lintPaths(paths, { cwd: io.cwd, rules, settings, maxFileSize: maxFileSize || DEFAULT_MAX_FILE_SIZE });
    const outputFile = args['output-file'];
    const color = args.color ?? (!outputFile && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    const report = format(args.format, result.findings, {
      result,
      rules,
      settings,
      cwd: io.cwd,
      repositoryRoot: findRepositoryRoot(io.cwd) ?? io.cwd,
      color,
      toolName: TOOL_NAME,
      toolVersion: TOOL_VERSION,
      informationUri: INFORMATION_URI,
      ...(args['sarif-category'] ? { sarifCategory: args['sarif-category'] } : {}),
    });
    if (outputFile) writeFileSync(path.resolve(io.cwd, outputFile), report);
    else io.stdout(report);
    return exitCodeFor(result.findings, args['fail-on']);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(error as Error).message}\nPlease report this at ${INFORMATION_URI}/issues with the file that caused it.\n`);
    return 2;
  }
}

function listRules(rules: ReturnType<typeof loadAllRules>, settings: ReturnType<typeof settingsForPreset>): string {
  const width = Math.max(...rules.map((rule) => rule.meta.id.length));
  return (
    [...rules]
      .sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1))
      .map((rule) => `${rule.meta.id.padEnd(width)}  ${(settings.get(rule.meta.id)?.severity ?? 'off').padEnd(7)}  ${rule.meta.description}`)
      .join('\n') + '\n'
  );
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: !!process.stdout.isTTY,
  };
}
