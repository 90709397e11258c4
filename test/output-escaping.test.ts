// Output cannot forge output: a value from the linted repository (a URL, a key, a file name, a rule id
// in a comment or in .cognito-lint.yaml) can neither start a line of its own (a fake problem line, a
// GitHub workflow command) nor send ESC/BEL to the terminal, in any format, on stdout or stderr.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControls, escapeLineStart, lineWriter } from '../src/escape';
import { FORMAT_NAMES as FORMATS, type FormatName } from '../src/format';
import { runCli, type CliRun } from './cli-helpers';
import { project } from './fixtures';
import { BIN_NAME, gitRepository, lintBin } from './bin-helpers';

const FORGED = '\n  2:2  error  forged problem  no-such-rule';
const COMMANDS = '\n::add-mask::x\n::set-output name=a::b\n::stop-commands::t';
/** Controls that must never reach text output raw: everything but the line break that ends a line. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
const ANNOTATION = /^::(error|warning|notice) file=[^:]*,line=\d+,endLine=\d+(,col=\d+,endColumn=\d+)?,title=cognito-lint [^:,]*::/;

function template(properties: string[]): string {
  return ['Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: us-east-1_abc', ...properties.map((line) => `      ${line}`), ''].join('\n');
}

/** Every invariant for one run's output in `format`. */
function assertCannotForge(run: CliRun, format: FormatName, context: string): void {
  for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
    const lines = text.split('\n');
    assert.equal(lines.pop(), '', `${context}: ${stream} ends with a line break`);
    for (const line of lines) {
      if (line.startsWith('::')) {
        assert.ok(stream === 'stdout' && format === 'github' && ANNOTATION.test(line), `${context}: ${stream} line starts with "::": ${JSON.stringify(line)}`);
      }
      assert.doesNotMatch(line, /^\s*\d+:\d+\s+error\s+forged problem/, `${context}: forged problem line on ${stream}`);
      if (format === 'text' || format === 'github' || stream === 'stderr') assert.doesNotMatch(line, RAW_CONTROL, `${context}: raw control character on ${stream}: ${JSON.stringify(line)}`);
    }
    if (stream === 'stdout' && text !== '' && (format === 'json' || format === 'sarif')) JSON.parse(text);
  }
}

test('escapeControls writes C0, DEL, C1, U+2028 and U+2029 as \\u escapes and leaves the rest', () => {
  assert.equal(escapeControls('a\nb\r\u001b[31m\u0007\t\u0000\u007f\u0085\u009b\u2028\u2029z'), 'a\\u000ab\\u000d\\u001b[31m\\u0007\\u0009\\u0000\\u007f\\u0085\\u009b\\u2028\\u2029z');
  assert.equal(escapeControls('https://a.example.com/é?x=%0A'), 'https://a.example.com/é?x=%0A');
  assert.equal(escapeLineStart('::add-mask::x'), './::add-mask::x');
  assert.equal(escapeLineStart('\n::add-mask::x'), '\\u000a::add-mask::x');
  const written: string[] = [];
  const write = lineWriter((text) => written.push(text));
  write('cognito-lint: rules.x\n::set-output name=a::b\n');
  write('::stop-commands::t');
  assert.deepEqual(written, ['cognito-lint: rules.x\\u000a::set-output name=a::b\n', './::stop-commands::t']);
});

test('a CallbackURL with a line break and a fake problem line, in YAML and JSON: escaped in every format', async () => {
  const url = `https://a.example.com/cb${FORGED}`;
  const root = project({
    'template.yaml': template([`CallbackURLs: [${JSON.stringify(url)}]`]),
    'request.json': JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: 'c', CallbackURLs: [url] }, null, 2),
  });
  for (const format of FORMATS) {
    const run = await runCli(['.', '--format', format], root);
    assert.equal(run.code, 1, format);
    assertCannotForge(run, format, format);
  }
  const text = await runCli(['.'], root);
  const echoed = text.stdout.split('\n').filter((line) => line.includes('forged problem'));
  // The schema message quotes the value as JSON (\n); redirect-uri-placeholder quotes it as is, so the text format escapes it (\u000a).
  assert.deepEqual(
    echoed.map((line) => [line.slice(0, 19), line.includes('"https://a.example.com/cb\\n  2:2  error  forged problem  no-such-rule"') || line.includes('"https://a.example.com/cb\\u000a  2:2  error  forged problem  no-such-rule"'), line.split('  ').pop()]),
    [
      ['  5:5     warning  ', true, 'redirect-uri-placeholder'],
      ['  5:5     error    ', true, 'schema'],
      ['  6:22    warning  ', true, 'redirect-uri-placeholder'],
      ['  6:22    error    ', true, 'schema'],
    ],
  );
});

test('a rule name with workflow commands in .cognito-lint.yaml is one escaped stderr line', async () => {
  const root = project({ '.cognito-lint.yaml': `rules:\n  ${JSON.stringify(`x${COMMANDS}`)}: error\n`, 'template.yaml': template([]) });
  for (const format of FORMATS) {
    const run = await runCli(['.', '--format', format], root);
    assert.deepEqual([run.code, run.stdout], [2, ''], format);
    assert.equal(run.stderr, 'cognito-lint: .cognito-lint.yaml: rules.x\\u000a::add-mask::x\\u000a::set-output name=a::b\\u000a::stop-commands::t: unknown rule (cognito-lint --list-rules shows every rule)\n');
    assertCannotForge(run, format, format);
  }
  const flag = await runCli(['.', '--rule', `y${COMMANDS}=error`], root);
  assert.equal(flag.code, 2);
  assert.equal(flag.stderr.split('\n').length, 2, 'one line');
});

test('ESC and BEL in a file name and in a value: escaped in every format and in --print-config', async () => {
  const name = 'stack\u001b[2J\u0007.yaml';
  const root = project({ [name]: template(['ClientName: "web\\e]0;title\\a\\e[31m"', 'PreventUserExistenceErrors: LEGACY']) });
  for (const format of FORMATS) {
    const run = await runCli(['.', '--format', format], root);
    assert.equal(run.code, 1, format);
    assertCannotForge(run, format, format);
  }
  const text = await runCli(['.'], root);
  assert.ok(text.stdout.startsWith('stack\\u001b[2J\\u0007.yaml\n'), text.stdout);
  const printed = await runCli(['--print-config', name], root);
  assert.equal(printed.code, 0);
  assertCannotForge(printed, 'json', 'print-config');
  const missing = await runCli([`gone\u001b[2J${COMMANDS}.yaml`], root);
  assert.equal(missing.code, 2);
  assertCannotForge(missing, 'text', 'missing file');
  assert.match(missing.stderr, /gone\\u001b\[2J\\u000a::add-mask::x/);
});

test('a file whose name starts with "::" heads its text group as ./::...', async () => {
  const root = project({ '::warning file=x::hi.yaml': template(['PreventUserExistenceErrors: LEGACY']) });
  const run = await runCli(['.'], root);
  assert.ok(run.stdout.startsWith('./::warning file=x::hi.yaml\n'), run.stdout);
  for (const format of FORMATS) assertCannotForge(await runCli(['.', '--format', format], root), format, format);
});

test('the built binary, as a user runs it: suppression comments and values with controls, every format', () => {
  const root = gitRepository({
    'template.yaml': template([`ClientName: "a\\n::add-mask::b\\u0007"`, 'PreventUserExistenceErrors: LEGACY # cognito-lint-disable-line no-such\u001b[31m-rule, x::y']),
  });
  for (const format of FORMATS) {
    const run = lintBin(root, ['.', '--format', format]);
    assert.equal(run.code, 1, `${BIN_NAME} ${format}: ${run.stderr}`);
    assertCannotForge({ code: run.code, stdout: run.stdout, stderr: run.stderr }, format, `${BIN_NAME} ${format}`);
  }
});

// Pieces that have forged output somewhere, mixed with arbitrary text.
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.array(fc.constantFrom('\n', '\r', '\r\n', '\u001b[31m', '\u0007', '\u009b', '\u0085', '\u2028', '\u2029', '::', '::add-mask::', 'error  forged problem', '  2:2  ', '%0A', ',', '"', '\\', '#', ' # cognito-lint-disable-line ', 'x'), { maxLength: 12 }).map((pieces) => pieces.join('')),
);

test('property: for arbitrary strings in a value, a key, a comment and a rule name, no line starts with "::" and no raw control reaches text output', async () => {
  await fc.assert(
    fc.asyncProperty(hostile, hostile, hostile, hostile, fc.constantFrom(...FORMATS), fc.boolean(), async (value, key, comment, ruleName, format, withConfig) => {
      const root = project({
        'template.yaml': template([`ClientName: ${JSON.stringify(value)}`, `${JSON.stringify(key)}: 1`, `PreventUserExistenceErrors: LEGACY # cognito-lint-disable-line ${comment.replace(/[\n\r]/g, ' ')}`]),
        'request.json': JSON.stringify({ UserPoolId: 'us-east-1_abc', ClientName: value, CallbackURLs: [value], [key]: value }),
        ...(withConfig ? { '.cognito-lint.yaml': `rules:\n  ${JSON.stringify(ruleName)}: warning\n` } : {}),
      });
      const run = await runCli(['.', '--format', format], root);
      assertCannotForge(run, format, `${format} ${JSON.stringify([value, key, comment, ruleName])}`);
    }),
    { numRuns: 60 },
  );
});
