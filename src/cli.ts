// Command line: parse flags, resolve the configuration, run the pipeline, write the chosen format, pick
// the exit code. Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
// configuration error, or internal failure.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import yargs from 'yargs';
import { loadAllRules } from '../rules';
import { EffectiveConfig, PRESETS, type PresetName } from './config';
import { ConfigError, findConfigFile, parseRuleFlags, readConfigFile } from './config-file';
import { UsageError, discover, findRepositoryRoot, toDisplayPath } from './discover';
import { FORMATS, format, type FormatName } from './format';
import { exitCodeFor, lintCandidates, type FailOn } from './lint';
import { prepareParsers } from './load';
import { filterFindings } from './filter';
import { buildBaseline, readBaseline, writeBaseline } from './baseline';
import { INFORMATION_URI, TOOL_NAME, TOOL_VERSION } from './meta';
import { DEFAULT_MAX_FILE_SIZE, parseByteSize } from './read';
import type { Rule } from './rule';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdoutIsTTY: boolean;
  /** Today as YYYY-MM-DD (suppression expiry); injectable for tests. */
  today?: string;
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
    .option('config', { alias: 'c', type: 'string', describe: 'Configuration file (default: the nearest .cognito-lint.yaml/.json up to the repository root)' })
    .option('preset', { choices: PRESETS, describe: 'Rule preset: recommended (default), strict (production stacks) or all; overrides "extends"' })
    .option('rule', { type: 'string', array: true, describe: 'Set a rule severity, e.g. --rule no-localhost-redirect=error (repeatable; overrides the configuration)' })
    .option('inline-suppressions', { type: 'boolean', default: true, describe: 'Honour suppression comments and Metadata entries (--no-inline-suppressions ignores them)' })
    .option('baseline', { type: 'string', describe: 'Report only findings that are not in this baseline file' })
    .option('write-baseline', { type: 'string', describe: 'Write every current finding to this baseline file and exit 0' })
    .option('max-file-size', { type: 'string', default: '10MB', describe: 'Larger files are reported and not read' })
    .option('sarif-category', { type: 'string', describe: 'SARIF automationDetails.id, to tell several uploads apart' })
    .option('color', { type: 'boolean', describe: 'Force colour on or off (default: on for a terminal, off with NO_COLOR)' })
    .option('print-config', { type: 'string', describe: 'Print the configuration that applies to this file, then exit' })
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

  try {
    const rules = loadAllRules();
    const config = resolveConfig(rules, io.cwd, args.config, args.preset, args.rule ?? []);
    if (args['list-rules']) {
      io.stdout(listRules(rules, config));
      return 0;
    }
    if (args['print-config'] !== undefined) {
      io.stdout(JSON.stringify(config.describe(path.resolve(io.cwd, args['print-config'])), null, 2) + '\n');
      return 0;
    }
    const maxFileSize = parseByteSize(args['max-file-size']);
    if (maxFileSize === undefined) throw new UsageError(`--max-file-size "${args['max-file-size']}" is not a size; use e.g. 10MB, 512KB or 1048576`);
    const baseline = args.baseline ? readBaseline(path.resolve(io.cwd, args.baseline), args.baseline) : undefined;

    const paths = (args.paths as string[] | undefined) ?? ['.'];
    const candidates = discover(paths, io.cwd).filter((candidate) => !config.isIgnored(candidate.absolutePath));
    const settingsOf = (displayPath: string) => config.settingsFor(path.resolve(io.cwd, displayPath));
    await prepareParsers(candidates.map((candidate) => candidate.absolutePath));
    const result = lintCandidates(candidates, { cwd: io.cwd, rules, settings: (file) => settingsOf(file.path), maxFileSize: maxFileSize || DEFAULT_MAX_FILE_SIZE });

    if (args['write-baseline']) {
      const target = path.resolve(io.cwd, args['write-baseline']);
      // The baseline records what suppressions leave, so a later --no-inline-suppressions run is not fooled.
      const unbaselined = filterFindings(result.findings, result.files, { rules, unusedSeverity: () => 'off', inlineSuppressions: args['inline-suppressions'], today: today(io) });
      writeBaseline(target, buildBaseline(unbaselined.findings, TOOL_NAME));
      io.stderr(`${TOOL_NAME}: wrote ${unbaselined.findings.length} findings to ${toDisplayPath(target, io.cwd)}\n`);
      return 0;
    }
    const filtered = filterFindings(result.findings, result.files, {
      rules,
      unusedSeverity: (file) => settingsOf(file.path).get('unused-suppression')?.severity ?? 'off',
      inlineSuppressions: args['inline-suppressions'],
      today: today(io),
      ...(baseline ? { baseline } : {}),
    });
    for (const entry of filtered.staleBaseline) {
      io.stderr(`${TOOL_NAME}: baseline entry no longer found (${entry.count}x ${entry.ruleId} in ${entry.file}${entry.client ? ` ${entry.client}` : ''}${entry.path ? ` ${entry.path}` : ''}); regenerate the baseline with --write-baseline\n`);
    }

    const outputFile = args['output-file'];
    const color = args.color ?? (!outputFile && io.stdoutIsTTY && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
    const report = format(args.format, filtered.findings, {
      result,
      rules,
      settings: config.settingsWithoutOverrides(),
      enabledRuleIds: config.enabledRuleIds(),
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
    return exitCodeFor(filtered.findings, args['fail-on']);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr(`${TOOL_NAME}: ${error.message}\n`);
      return 2;
    }
    io.stderr(`${TOOL_NAME}: internal error: ${(error as Error).message}\nPlease report this at ${INFORMATION_URI}/issues with the file that caused it.\n`);
    return 2;
  }
}

/** Preset < config file `rules` < `overrides` < --rule, with --preset replacing the file's `extends`. */
function resolveConfig(rules: readonly Rule[], cwd: string, configFlag: string | undefined, presetFlag: PresetName | undefined, ruleFlags: readonly string[]): EffectiveConfig {
  const configFile = configFlag !== undefined ? path.resolve(cwd, configFlag) : findConfigFile(cwd);
  const content = configFile ? readConfigFile(configFile, rules, cwd) : {};
  return new EffectiveConfig(
    rules,
    {
      preset: presetFlag ?? content.extends ?? 'recommended',
      ...(configFile ? { configFile } : {}),
      ...(content.rules ? { rules: content.rules } : {}),
      ...(content.overrides ? { overrides: content.overrides } : {}),
      ...(content.ignores ? { ignores: content.ignores } : {}),
      cliRules: parseRuleFlags(ruleFlags, rules),
    },
    cwd,
  );
}

function today(io: CliIo): string {
  return io.today ?? new Date().toISOString().slice(0, 10);
}

function listRules(rules: readonly Rule[], config: EffectiveConfig): string {
  const settings = config.settingsWithoutOverrides();
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
