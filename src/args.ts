// Command-line arguments: a table of options, the parser and the help text. Hand-written rather than
// a library because it is on every run's path: yargs cost about a fifth of a cold start (its own code
// plus node:assert), and Node 20's util.parseArgs has no --no-<flag>.
// Conventions are the usual ones: `--name value` or `--name=value`, `-f value` or `-fvalue`,
// `--no-<name>` for a boolean that defaults to true, `--` ends the options, `-` alone is a path
// (standard input). A value-taking option takes the next argument whatever it looks like, so
// `-o -` and `--max-warnings -1` mean what they say. A repeated option keeps its last value, except
// the repeatable ones (`--rule`), which take one value per occurrence.

export type OptionType = 'string' | 'boolean' | 'number';

export interface OptionSpec {
  readonly name: string;
  readonly alias?: string;
  readonly type: OptionType;
  /** Repeatable: every occurrence adds a value. */
  readonly repeatable?: boolean;
  readonly choices?: readonly string[];
  readonly default?: string | boolean;
  readonly describe: string;
}

export type ParsedValue = string | boolean | number | string[] | undefined;

export type ParsedArgs =
  | { kind: 'run'; options: ReadonlyMap<string, ParsedValue>; positionals: string[] }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'error'; message: string };

const HELP: OptionSpec = { name: 'help', alias: 'h', type: 'boolean', describe: 'Show help' };
const VERSION: OptionSpec = { name: 'version', alias: 'v', type: 'boolean', describe: 'Show version number' };

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const all = [...specs, HELP, VERSION];
  const byName = new Map(all.map((spec) => [spec.name, spec]));
  const byAlias = new Map(all.filter((spec) => spec.alias).map((spec) => [spec.alias!, spec]));
  const options = new Map<string, ParsedValue>();
  const positionals: string[] = [];
  for (const spec of specs) if (spec.default !== undefined) options.set(spec.name, spec.default);

  const set = (spec: OptionSpec, flag: string, raw: string | undefined): string | undefined => {
    if (spec.type === 'boolean') {
      if (raw === undefined || raw === 'true') options.set(spec.name, true);
      else if (raw === 'false') options.set(spec.name, false);
      else return `${flag} takes no value (or true/false), not "${raw}"`;
      return undefined;
    }
    if (raw === undefined) return `${flag} needs a value`;
    if (spec.choices && !spec.choices.includes(raw)) return `${flag} "${raw}" is not one of ${spec.choices.map((choice) => `"${choice}"`).join(', ')}`;
    if (spec.repeatable) options.set(spec.name, [...((options.get(spec.name) as string[] | undefined) ?? []), raw]);
    else if (spec.type === 'number' && (raw.trim() === '' || Number.isNaN(Number(raw)))) return `${flag} must be a number, not "${raw}"`;
    else options.set(spec.name, spec.type === 'number' ? Number(raw) : raw);
    return undefined;
  };

  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    let spec: OptionSpec | undefined;
    let flag: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      const name = equals === -1 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals === -1 ? undefined : arg.slice(equals + 1);
      flag = `--${name}`;
      spec = byName.get(name);
      const negated = !spec && name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
      if (negated && negated.type === 'boolean' && inline === undefined) {
        options.set(negated.name, false);
        continue;
      }
    } else {
      flag = arg.slice(0, 2);
      spec = byAlias.get(arg.slice(1, 2));
      if (arg.length > 2) inline = arg[2] === '=' ? arg.slice(3) : arg.slice(2);
      if (spec?.type === 'boolean' && inline !== undefined) return { kind: 'error', message: `unknown option ${arg}` };
    }
    if (!spec) return { kind: 'error', message: `unknown option ${flag}` };
    if (spec === HELP) return { kind: 'help' };
    if (spec === VERSION) return { kind: 'version' };
    const value = spec.type === 'boolean' || inline !== undefined ? inline : argv[++index];
    const problem = set(spec, flag, value);
    if (problem) return { kind: 'error', message: problem };
  }
  return { kind: 'run', options, positionals };
}

/** The --help text: usage, then every option with its aliases, description, type (or choices) and default, wrapped to `width`. */
export function helpText(usage: string, positional: { name: string; describe: string; default: string[] }, specs: readonly OptionSpec[], width: number): string {
  const rows = [...specs, HELP, VERSION].map((spec) => ({
    left: `${spec.alias ? `-${spec.alias}, ` : '    '}--${spec.name}`,
    describe: spec.describe,
    facts: [spec.choices ? '' : `[${spec.repeatable ? 'array' : spec.type}]`, spec.choices ? `[choices: ${spec.choices.map((choice) => `"${choice}"`).join(', ')}]` : '', spec.default !== undefined ? `[default: ${JSON.stringify(spec.default)}]` : '']
      .filter(Boolean)
      .join(' '),
  }));
  const column = Math.max(...rows.map((row) => row.left.length)) + 2;
  const lines = [...wrap(usage, width), '', 'Positionals:'];
  lines.push(...entry(`  ${positional.name}`, positional.describe, `[string] [default: ${JSON.stringify(positional.default)}]`, positional.name.length + 4, width));
  lines.push('', 'Options:');
  for (const row of rows) lines.push(...entry(`  ${row.left}`, row.describe, row.facts, column + 2, width));
  return `${lines.join('\n')}\n`;
}

/** One option: its flags, then its description wrapped in the second column, then its facts right-aligned. */
function entry(left: string, describe: string, facts: string, column: number, width: number): string[] {
  const text = wrap(describe, width - column);
  const lines = text.map((line, index) => (index === 0 ? left.padEnd(column) : ' '.repeat(column)) + line);
  const last = lines[lines.length - 1]!;
  if (last.length + 1 + facts.length <= width) lines[lines.length - 1] = last + ' '.repeat(width - last.length - facts.length) + facts;
  else lines.push(' '.repeat(Math.max(column, width - facts.length)) + facts);
  return lines;
}

/** Words wrapped to `width` columns (paragraphs kept). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}
