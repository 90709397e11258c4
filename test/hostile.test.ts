// Hostile and unusual inputs: each gives a clear result (a parse-error, a finding, or a silent skip of
// a file that holds no client), never a crash, a hang or executed input; positions stay exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { positions, runRule } from './helpers';
import { runCli } from './cli-helpers';
import { project } from './fixtures';

const CLIENT = ['Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      PreventUserExistenceErrors: LEGACY', ''];

test('CRLF line ends: positions are exactly those of the LF file', () => {
  const lf = CLIENT.join('\n');
  const crlf = CLIENT.join('\r\n');
  const expected = [{ ruleId: 'prevent-user-existence-errors', line: 6, column: 35, endLine: 6, endColumn: 41 }];
  assert.deepEqual(positions('prevent-user-existence-errors', 't.yaml', lf), expected);
  assert.deepEqual(positions('prevent-user-existence-errors', 't.yaml', crlf), expected);
  const json = '{\r\n  "UserPoolId": "us-east-1_a",\r\n  "ClientName": "x",\r\n  "PreventUserExistenceErrors": "LEGACY"\r\n}';
  assert.deepEqual(positions('prevent-user-existence-errors', 'r.json', json), [{ ruleId: 'prevent-user-existence-errors', line: 4, column: 33, endLine: 4, endColumn: 41 }]);
});

test('a UTF-8 byte-order mark does not shift columns', async () => {
  const root = project({ 'bom.yaml': '\uFEFF' + CLIENT.join('\n'), 'bom.json': '\uFEFF{"UserPoolId": "us-east-1_a", "ClientName": "x", "PreventUserExistenceErrors": "LEGACY"}' });
  const run = await runCli(['.', '--format', 'json'], root);
  const rows = (JSON.parse(run.stdout) as { results: Array<{ file: string; ruleId: string; line: number; column: number }> }).results.map((r) => [r.file, r.ruleId, r.line, r.column]);
  assert.deepEqual(rows, [
    ['bom.json', 'prevent-user-existence-errors', 1, 80],
    ['bom.yaml', 'prevent-user-existence-errors', 6, 35],
  ]);
});

test('a YAML alias bomb is a parse-error, quickly', () => {
  const lines = ['a: &a ["UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId", "UserPoolId"]'];
  for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
  const rows = runRule('parse-error', 'bomb.yaml', lines.join('\n') + '\n');
  assert.equal(rows.length, 1);
  assert.match(rows[0]!.message, /aliases expand to more than 100000 nodes/);
});

test('100,000-deep nesting is a parse-error in YAML and JSON, not a stack overflow', () => {
  const depth = 100_000;
  const yaml = `UserPoolId: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
  const json = `{"UserPoolId": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
  // Block mappings 1,100 deep: valid YAML, past the parser's stack.
  let block = 'UserPoolId: x\na:\n';
  for (let i = 1; i <= 1100; i++) block += `${' '.repeat(i)}b:\n`;
  for (const [name, text] of [['deep.yaml', yaml], ['deep.json', json], ['block.yaml', block]] as const) {
    const rows = runRule('parse-error', name, text);
    assert.equal(rows.length, 1, name);
    // Not a syntax error: nothing to "fix" at a position.
    assert.match(rows[0]!.message, /^(YAML|JSON) nested too deeply to process: the nesting limit was reached, so nothing in this file was checked\. The file may well be valid/, name);
  }
});

test('unknown YAML tags, language tags included, are unknown values: never executed or judged', () => {
  const text = CLIENT.join('\n').replace('LEGACY', '!!python/object/apply:os.system ["touch /tmp/pwned"]') + '      ClientName: !stack_output other::Name\n';
  assert.deepEqual(runRule('schema', 't.yaml', text), []);
  assert.deepEqual(runRule('prevent-user-existence-errors', 't.yaml', text), []);
});

test('__proto__ and constructor keys are plain unknown members', () => {
  const json = '{"UserPoolId": "us-east-1_a", "ClientName": "x", "__proto__": {"polluted": true}, "constructor": 1}';
  const rows = runRule('schema', 'r.json', json);
  assert.deepEqual(rows.map((r) => r.message.replace(/ Remove it.*/, '')), ['"__proto__" is not a member of a CreateUserPoolClient request.', '"constructor" is not a member of a CreateUserPoolClient request.']);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('empty files, scalar and null documents, and lists where mappings belong give no crash', () => {
  for (const text of ['', 'UserPoolId', '~', 'null', '- UserPoolId\n- 1', 'Resources: UserPoolId', 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [UserPoolId]\n', '{"UserPoolClient": [1]}', '{"UserPoolId": null}']) {
    for (const name of ['x.yaml', 'x.json']) assert.doesNotThrow(() => runRule('schema', name, text), `${name}: ${text}`);
  }
});

test('a file over --max-file-size is reported, not read', async () => {
  const root = project({});
  writeFileSync(join(root, 'big.yaml'), `# UserPoolId\n${'x: 1\n'.repeat(300_000)}`);
  const run = await runCli(['.', '--max-file-size', '1MB', '--format', 'json'], root);
  const results = (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; severity: string; message: string }> }).results;
  assert.equal(results.length, 1);
  assert.equal(results[0]!.ruleId, 'parse-error');
  assert.match(results[0]!.message, /^The file was not read: file is 1\.4 MB, over the --max-file-size limit of 1 MB; raise the limit to lint it, or add it to ignores\. Nothing in it was checked\.$/);
  // A warning, not an error: the file may hold a client, but nothing is known to be wrong.
  assert.equal(results[0]!.severity, 'warning');
  assert.equal(run.code, 0);
});

test('binary files are skipped, unless they name a client: then NUL bytes are one parse-error, never a silent pass', async () => {
  const root = project({ 'image.json': '\u0089PNG\u0000\u0001\u0002' });
  const run = await runCli(['.'], root);
  assert.deepEqual([run.code, run.stdout, run.stderr], [0, '✔ no problems; checked 1 file, 0 clients\n', '']);
  const named = await runCli(['.', '--format', 'json'], project({ 'image.json': 'UserPoolId\u0000\u0001\u0002' }));
  const results = (JSON.parse(named.stdout) as { results: Array<{ ruleId: string; line: number; column: number }> }).results;
  assert.deepEqual(results.map((r) => [r.ruleId, r.line, r.column]), [['parse-error', 1, 11]]);
  assert.equal(named.code, 1);
});

test('a client whose Properties is a list or a scalar is a schema finding; an intrinsic is unknown', () => {
  const list = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [UserPoolId]\n';
  const rows = runRule('schema', 't.yaml', list);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[4, 17, 4, 29]]);
  assert.match(rows[0]!.message, /^Properties of C is a list; expected a mapping of AWS::Cognito::UserPoolClient properties\. Write the properties as a mapping\.$/);
  assert.match(runRule('schema', 't.yaml', list.replace('[UserPoolId]', 'UserPoolId'))[0]!.message, /Properties of C is the string "UserPoolId"/);
  assert.deepEqual(runRule('schema', 't.yaml', list.replace('[UserPoolId]', '!If [C, {UserPoolId: a_b}, {UserPoolId: c_d}]')), []);
  assert.deepEqual(runRule('schema', 't.yaml', list.replace('[UserPoolId]', '!Ref PropertiesParameter')), []);
  assert.deepEqual(runRule('prevent-user-existence-errors', 't.yaml', list), [], 'no rule guesses at unreadable properties');
});

test('invalid UTF-8 decodes with replacement characters; positions stay on the right line', () => {
  const bytes = Buffer.concat([Buffer.from('Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      ClientName: "caf'), Buffer.from([0xe9, 0xff]), Buffer.from('"\n      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: LEGACY\n')]);
  assert.deepEqual(positions('prevent-user-existence-errors', 't.yaml', bytes.toString('utf8')), [{ ruleId: 'prevent-user-existence-errors', line: 7, column: 35, endLine: 7, endColumn: 41 }]);
});

test('a 50 MB file is over the default --max-file-size and reported; a 5 MB single line is linted', async () => {
  const root = project({});
  const { openSync, writeSync, closeSync } = await import('node:fs');
  const fd = openSync(join(root, 'huge.json'), 'w');
  writeSync(fd, '{"UserPoolId": "us-east-1_a", "Padding": "');
  const chunk = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 50; i++) writeSync(fd, chunk);
  writeSync(fd, '"}');
  closeSync(fd);
  const longLine = `{"UserPoolId": "us-east-1_a", "ClientName": "x", "CallbackURLs": [${Array.from({ length: 200_000 }, (_, i) => `"https://a${i}.acme-corp.com"`).join(',')}]}`;
  writeFileSync(join(root, 'long-line.json'), longLine);
  const run = await runCli(['.', '--format', 'json'], root);
  const results = (JSON.parse(run.stdout) as { results: Array<{ file: string; ruleId: string; message: string; column: number }> }).results;
  const huge = results.filter((r) => r.file === 'huge.json');
  assert.equal(huge.length, 1);
  assert.match(huge[0]!.message, /over the --max-file-size limit of 10 MB/);
  const long = results.filter((r) => r.file === 'long-line.json').map((r) => r.ruleId);
  assert.ok(long.includes('schema'), 'the 200,000 callback URLs exceed the list maximum');
  assert.ok(long.includes('prevent-user-existence-errors'));
});

test('HCL: garbage, deep nesting and unterminated blocks give a parse-error, no crash', async () => {
  const { loadHclParser } = await import('../src/parse/hcl');
  await loadHclParser();
  const deep = `resource "aws_cognito_user_pool_client" "c" {\n  name = ${'['.repeat(20_000)}${']'.repeat(20_000)}\n}\n`;
  for (const text of ['resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n', '\u0000\u0001 cognito_user_pool_client {{{', deep]) {
    assert.doesNotThrow(() => runRule('parse-error', 'main.tf', text));
  }
  assert.equal(runRule('parse-error', 'main.tf', 'resource "aws_cognito_user_pool_client" "c" {\n  name = "x"\n').length, 1);
});

test('a dangling symlink: skipped by a directory walk, a usage error when named', async () => {
  const { symlinkSync } = await import('node:fs');
  const root = project({ 'other.json': '{}' });
  symlinkSync(join(root, 'gone.yaml'), join(root, 'stack.yaml'));
  const walk = await runCli(['.'], root);
  assert.deepEqual([walk.code, walk.stdout, walk.stderr], [0, '✔ no problems; checked 1 file, 0 clients\n', '']);
  const named = await runCli(['stack.yaml'], root);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /no such file or directory: stack\.yaml/);
});
