// Finding, reading and validating `.cognito-lint.yaml` / `.cognito-lint.json`. The file is checked
// against the config schema generated from the rules (schemas/cognito-lint-config.json, shipped for
// editors too), which holds each rule's options schema; every error names the file, the key and what
// is allowed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEVERITIES, type Rule, type Severity } from './rule';
import type { ConfigInput, Override, PresetName, RuleEntry } from './config-input';
import { findRepositoryRoot, toDisplayPath } from './discover';
import { closestName } from './text';
import { SourceFile } from './source';

export const CONFIG_FILE_NAMES = ['.cognito-lint.yaml', '.cognito-lint.yml', '.cognito-lint.json'];

export class ConfigError extends Error {}

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  propertyName?: string;
  message?: string;
}
type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** The nearest config file from `cwd` up to the repository root (only `cwd` outside a repository). */
export function findConfigFile(cwd: string): string | undefined {
  const root = findRepositoryRoot(cwd) ?? path.resolve(cwd);
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

export type ConfigFileContent = Pick<ConfigInput, 'rules' | 'overrides' | 'ignores'> & { extends?: PresetName };

export function readConfigFile(file: string, rules: readonly Rule[], cwd: string): ConfigFileContent {
  const shown = toDisplayPath(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${shown}: cannot read the configuration file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    // The yaml package is loaded only for a YAML config: most runs parse their templates without it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    data = file.endsWith('.json') ? JSON.parse(text) : (require('yaml') as typeof import('yaml')).parse(text, { prettyErrors: false });
  } catch (error) {
    const problem = file.endsWith('.json') ? jsonSyntaxProblem(text) : { offset: (error as { pos?: [number, number] }).pos?.[0], message: (error as Error).message.split('\n')[0]! };
    const at = problem.offset === undefined ? '' : `${positionText(text, problem.offset)}:`;
    throw new ConfigError(`${shown}:${at} not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${problem.message}`);
  }
  if (data === null || data === undefined) data = {};
  const validate = configValidator();
  if (!validate(data)) throw new ConfigError(`${shown}: ${describeSchemaError(validate.errors ?? [], data, rules)}`);
  const config = data as { extends?: PresetName; rules?: Record<string, unknown>; ignores?: string[]; overrides?: Array<{ files: string | string[]; rules: Record<string, unknown> }> };
  const content: ConfigFileContent = {};
  if (config.extends) content.extends = config.extends;
  if (config.rules) content.rules = ruleEntries(config.rules);
  if (config.ignores) content.ignores = config.ignores;
  if (config.overrides) {
    content.overrides = config.overrides.map(
      (override): Override => ({
        files: Array.isArray(override.files) ? override.files : [override.files],
        rules: ruleEntries(override.rules),
      }),
    );
  }
  return content;
}

/** The config schema's validator, compiled at build time (scripts/compile-schemas.js). */
function configValidator(): Validator {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../schemas/config-validator') as Record<string, Validator>)['cognito-lint-config']!;
}

/** `line:column` (1-based) of an offset, as editors and compilers print it. */
function positionText(text: string, offset: number): string {
  const position = new SourceFile('', text).positionAt(offset);
  return `${position.line}:${position.column}`;
}

const JSON_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected text after the end',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** Where and why JSON.parse failed: its own message gives no position on Node 20. */
function jsonSyntaxProblem(text: string): { offset: number | undefined; message: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const jsonc = require('jsonc-parser') as typeof import('jsonc-parser');
  const errors: import('jsonc-parser').ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return { offset: undefined, message: 'not parseable' };
  const code = jsonc.printParseErrorCode(first.error);
  return { offset: first.offset, message: JSON_ERRORS[code] ?? code };
}

/** The `rules` of a config file, already checked by the schema: each a severity or [severity, valid options]. */
function ruleEntries(written: Record<string, unknown>): Map<string, RuleEntry> {
  const entries = new Map<string, RuleEntry>();
  for (const [id, value] of Object.entries(written)) {
    const [severity, options] = (Array.isArray(value) ? value : [value]) as [Severity, Record<string, unknown> | undefined];
    entries.set(id, options === undefined ? { severity } : { severity, options });
  }
  return entries;
}

/** Validates `--rule` options with the config schema, which holds every rule's options schema. */
export function checkOptions(rule: Rule, options: Record<string, unknown>, where: string): void {
  const validate = configValidator();
  if (validate({ rules: { [rule.meta.id]: ['off', options] } })) return;
  throw new ConfigError(`${where}: ${optionProblems(rule, validate.errors ?? [], `/rules/${rule.meta.id}/1`)}`);
}

/** What is wrong with a rule's options: the schema errors at `optionsPath` and below. */
function optionProblems(rule: Rule, errors: readonly SchemaError[], optionsPath: string): string {
  return errors
    .filter((error) => error.instancePath === optionsPath || error.instancePath.startsWith(`${optionsPath}/`))
    .map((error) => {
      if (error.keyword === 'additionalProperties') {
        const allowed = Object.keys((rule.meta.optionsSchema as { properties?: object }).properties ?? {}).join(', ');
        return `unknown option "${String(error.params.additionalProperty)}" (allowed: ${allowed})`;
      }
      const at = keyOf(error.instancePath.slice(optionsPath.length));
      return `${at ? `option ${at} ` : ''}${error.message ?? 'is invalid'}`;
    })
    .join('; ');
}

/** An error in `id: [severity, {options}]`: in the options, or options given to a rule that takes none. */
function ruleEntryError(errors: readonly SchemaError[], rules: readonly Rule[]): string | undefined {
  for (const error of errors) {
    const match = /^((?:\/overrides\/\d+)?\/rules\/([^/]+))(\/1(?:\/|$))?/.exec(error.instancePath);
    const rule = match && rules.find((candidate) => candidate.meta.id === match[2]);
    if (!match || !rule || !(match[3] || error.keyword === 'additionalItems')) continue;
    const entry = keyOf(match[1]!);
    if (!rule.meta.optionsSchema) return `${entry}: this rule takes no options; write just the severity (${SEVERITIES.join(', ')})`;
    if (error.keyword === 'additionalItems') return `${entry}: expected [severity] or [severity, {options}]`;
    return `${entry}: ${optionProblems(rule, errors, `${match[1]}/1`)}`;
  }
  return undefined;
}

function describeSchemaError(errors: SchemaError[], data: unknown, rules: readonly Rule[]): string {
  const entryError = ruleEntryError(errors, rules);
  if (entryError) return entryError;
  const ruleIds = rules.map((rule) => rule.meta.id);
  // The most specific error explains the others (a oneOf branch, a parent's type): keep the deepest.
  const useful = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'propertyNames');
  const deepest = Math.max(...useful.map((error) => error.instancePath.split('/').length));
  const atDepth = useful.filter((error) => error.instancePath.split('/').length === deepest);
  const error = atDepth.find((e) => e.keyword === 'enum') ?? atDepth.find((e) => e.keyword !== 'type') ?? atDepth[0] ?? errors[0]!;
  const key = keyOf(error.instancePath);
  const value = valueAt(data, error.instancePath);
  if (error.propertyName !== undefined && error.instancePath.endsWith('/rules')) {
    const suggestion = closestName(error.propertyName, ruleIds);
    return `${key}.${error.propertyName}: unknown rule${suggestion ? `; did you mean "${suggestion}"?` : ''} (cognito-lint --list-rules shows every rule)`;
  }
  switch (error.keyword) {
    case 'enum': {
      const allowed = error.params.allowedValues as string[];
      const what = error.instancePath === '/extends' ? 'preset' : 'severity';
      return `${key}: ${JSON.stringify(value)} is not a ${what}; allowed: ${allowed.join(', ')}`;
    }
    case 'additionalProperties': {
      const name = String(error.params.additionalProperty);
      const allowed = error.instancePath === '' ? ['extends', 'rules', 'ignores', 'overrides'] : ['files', 'rules'];
      return `${key ? `${key}.` : ''}${name}: unknown key; allowed: ${allowed.join(', ')}`;
    }
    case 'required':
      return `${key || '(top level)'}: missing "${String(error.params.missingProperty)}"`;
    case 'type':
      return `${key || '(top level)'}: expected ${String(error.params.type)}, found ${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value}`;
    default:
      return `${key || '(top level)'}: ${error.keyword} ${JSON.stringify(error.params)}`;
  }
}

function keyOf(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const part of pointer.split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

/**
 * `--rule` flags, in this tool's `id=severity` or ESLint's `id: severity`, with options as in the config
 * file: `--rule 'token-lifetime-policy=[warning, {maxAccessToken: 15m}]'` (the value is read as YAML, so
 * JSON works too).
 */
export function parseRuleFlags(flags: readonly string[], rules: readonly Rule[]): Map<string, RuleEntry> {
  const entries = new Map<string, RuleEntry>();
  const ids = rules.map((rule) => rule.meta.id);
  for (const flag of flags) {
    const match = /^([a-z0-9-]+)\s*[=:]\s*(\S.*)$/s.exec(flag.trim());
    if (!match) throw new ConfigError(`--rule "${flag}": expected id=severity or id=[severity, {options}], e.g. --rule no-implicit-flow=error`);
    const [, id, written] = match as unknown as [string, string, string];
    const rule = rules.find((candidate) => candidate.meta.id === id);
    if (!rule) {
      const suggestion = closestName(id, ids);
      throw new ConfigError(`--rule ${flag}: unknown rule "${id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    }
    const value = /^[[{]/.test(written) ? parseFlagValue(flag, written) : written;
    const [severity, options, ...extra] = (Array.isArray(value) ? value : [value]) as unknown[];
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
      throw new ConfigError(`--rule ${flag}: ${JSON.stringify(severity)} is not a severity; allowed: ${SEVERITIES.join(', ')}`);
    }
    if (extra.length > 0 || (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options)))) {
      throw new ConfigError(`--rule ${flag}: expected [severity] or [severity, {options}]`);
    }
    if (options !== undefined) {
      if (!rule.meta.optionsSchema) throw new ConfigError(`--rule ${flag}: ${id} takes no options; write just the severity`);
      checkOptions(rule, options as Record<string, unknown>, `--rule ${id}`);
      entries.set(id, { severity: severity as Severity, options: options as Record<string, unknown> });
    } else entries.set(id, { severity: severity as Severity });
  }
  return entries;
}

function parseFlagValue(flag: string, written: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('yaml') as typeof import('yaml')).parse(written, { prettyErrors: false });
  } catch (error) {
    throw new ConfigError(`--rule ${flag}: cannot read the value (${(error as Error).message.split('\n')[0]}); write e.g. [warning, {maxAccessToken: 15m}]`);
  }
}
