// The command-line parser (src/args.ts): the conventions users expect from ESLint-style CLIs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { helpText, parseArgs, type OptionSpec } from '../src/args';

const SPECS: OptionSpec[] = [
  { name: 'format', alias: 'f', type: 'string', choices: ['text', 'json'], default: 'text', describe: 'Output format' },
  { name: 'output-file', alias: 'o', type: 'string', describe: 'Write the report here' },
  { name: 'max-warnings', type: 'number', describe: 'Warning limit' },
  { name: 'quiet', type: 'boolean', default: false, describe: 'Errors only' },
  { name: 'gitignore', type: 'boolean', default: true, describe: 'Honour .gitignore' },
  { name: 'color', type: 'boolean', describe: 'Colour' },
  { name: 'rule', type: 'string', repeatable: true, describe: 'A rule setting' },
];

function run(argv: string[]): { options: Record<string, unknown>; positionals: string[] } {
  const parsed = parseArgs(argv, SPECS);
  assert.equal(parsed.kind, 'run', JSON.stringify(parsed));
  if (parsed.kind !== 'run') throw new Error('unreachable');
  return { options: Object.fromEntries(parsed.options), positionals: parsed.positionals };
}

const cases: Array<[string, string[], Record<string, unknown>, string[]]> = [
  ['defaults', [], { format: 'text', quiet: false, gitignore: true }, []],
  ['long with a space', ['--format', 'json', 'a.yaml'], { format: 'json', quiet: false, gitignore: true }, ['a.yaml']],
  ['long with =', ['--format=json'], { format: 'json', quiet: false, gitignore: true }, []],
  ['alias with a space, alias joined, alias with =', ['-f', 'json', '-oout.sarif'], { format: 'json', 'output-file': 'out.sarif', quiet: false, gitignore: true }, []],
  ['- is a path, and a value', ['-', '-o', '-'], { format: 'text', 'output-file': '-', quiet: false, gitignore: true }, ['-']],
  ['a negative number', ['--max-warnings', '-1'], { format: 'text', 'max-warnings': -1, quiet: false, gitignore: true }, []],
  ['--no- and =false', ['--no-gitignore', '--quiet=true', '--no-color'], { format: 'text', quiet: true, gitignore: false, color: false }, []],
  ['repeatable, one value each; the last of the others wins', ['--rule', 'a=off', 'x.tf', '--rule=b=error', '-f', 'json', '-f', 'text'], { format: 'text', quiet: false, gitignore: true, rule: ['a=off', 'b=error'] }, ['x.tf']],
  ['-- ends the options', ['--quiet', '--', '--format', '-f'], { format: 'text', quiet: true, gitignore: true }, ['--format', '-f']],
];
for (const [name, argv, options, positionals] of cases) {
  test(`parseArgs: ${name}`, () => assert.deepEqual(run(argv), { options, positionals }));
}

const errors: Array<[string[], string]> = [
  [['--no-such-flag'], 'unknown option --no-such-flag'],
  [['-x'], 'unknown option -x'],
  [['--format', 'xml'], '--format "xml" is not one of "text", "json"'],
  [['--format'], '--format needs a value'],
  [['--quiet=maybe'], '--quiet takes no value (or true/false), not "maybe"'],
  [['--no-format'], 'unknown option --no-format'],
];
for (const [argv, message] of errors) {
  test(`parseArgs error: ${argv.join(' ')}`, () => assert.deepEqual(parseArgs(argv, SPECS), { kind: 'error', message }));
}

test('parseArgs: --help and --version win wherever they stand', () => {
  assert.deepEqual(parseArgs(['a.yaml', '-h'], SPECS), { kind: 'help' });
  assert.deepEqual(parseArgs(['--version', '--format', 'json'], SPECS), { kind: 'version' });
});

test('helpText: every option with its alias, type or choices and default, wrapped to the width', () => {
  const text = helpText('tool [paths..]\n\nLints things.', { name: 'paths', describe: 'Files to lint', default: ['.'] }, SPECS, 80);
  for (const line of text.split('\n')) assert.ok(line.length <= 80, line);
  assert.match(text, /^tool \[paths\.\.\]\n\nLints things\.\n\nPositionals:\n {2}paths {2}Files to lint +\[string\] \[default: \["\."\]\]\n\nOptions:\n/);
  assert.match(text, /\n {2}-f, --format +Output format +\[choices: "text", "json"\] \[default: "text"\]\n/);
  assert.match(text, /\n {6}--rule +A rule setting +\[array\]\n/);
  assert.match(text, /\n {2}-h, --help +Show help +\[boolean\]\n {2}-v, --version +Show version number +\[boolean\]\n$/);
});
