// Suppression directives come from the comments the parsers produce, never from the raw text: a
// directive-like line inside a block scalar, a quoted string, an HCL string or heredoc, or a JSON string
// is data. Also: trailing `cognito-lint-disable-line`, and unknown `cognito-lint-` words reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYamlWithPackage } from '../src/parse/yaml';
import { parseYamlFast } from '../src/parse/yaml-fast';
import { runWithSuppressions } from './helpers';
import { client, useHclParser } from './terraform-helpers';
import { TEMPLATE } from './fixtures';

useHclParser();

/** With a reason, so that the text after it (a closing quote) is not read as a rule id. */
const FILE_DIRECTIVE = '# cognito-lint-disable-file prevent-user-existence-errors -- legacy app';
const PUEE = 'prevent-user-existence-errors';

/** TEMPLATE with an inline Lambda before the client, whose code holds a file directive as data. */
const ZIP_FILE = TEMPLATE.replace(
  'Resources:\n',
  ['Resources:', '  Handler:', '    Type: AWS::Lambda::Function', '    Properties:', '      Code:', '        ZipFile: |', `          ${FILE_DIRECTIVE}`, '          def handler(event, context):', '              return event', ''].join('\n'),
);
/** CR line breaks are outside the fast path's subset: the same text then goes through the `yaml` package. */
const crlf = (text: string): string => text.replace(/\n/g, '\r\n');

test('a file directive inside a ZipFile block scalar is code, not a comment: fast path and yaml package', () => {
  assert.ok(parseYamlFast(ZIP_FILE), 'the fast path reads the template');
  assert.equal(parseYamlFast(crlf(ZIP_FILE)), undefined, 'the CRLF copy goes through the yaml package');
  for (const text of [ZIP_FILE, crlf(ZIP_FILE)]) {
    assert.equal(runWithSuppressions(PUEE, 't.yaml', text).length, 1, JSON.stringify(text.slice(0, 40)));
    assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', text), []);
  }
});

test('both YAML paths find the same comments, and only those that mention cognito-lint', () => {
  const text = `# cognito-lint-disable-file no-implicit-flow\n${ZIP_FILE.replace('[code, implicit]', '[code, implicit] # cognito-lint-disable-line no-implicit-flow')}# a plain comment\n`;
  const fast = parseYamlFast(text);
  const reference = parseYamlWithPackage(text);
  assert.ok(fast && reference.ok);
  const texts = fast.comments.map(({ start, end }) => text.slice(start, end));
  assert.deepEqual(texts, ['# cognito-lint-disable-file no-implicit-flow', '# cognito-lint-disable-line no-implicit-flow']);
  assert.deepEqual(reference.comments, fast.comments);
  assert.deepEqual(parseYamlFast(TEMPLATE)?.comments, [], 'a file without the marker has none');
  // A block scalar's body may start with `#` at column 0 (a root scalar): still data.
  assert.deepEqual(parseYamlWithPackage('--- |\n# cognito-lint-disable-file x\n').comments, []);
});

test('directives still work through the yaml package path', () => {
  const text = crlf(TEMPLATE.replace('      AllowedOAuthFlows:', '      # cognito-lint-disable-next-line no-implicit-flow\n      AllowedOAuthFlows:'));
  assert.equal(parseYamlFast(text), undefined);
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 't.yaml', text), []);
  assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', text), []);
});

test('a directive inside a quoted YAML string is data', () => {
  for (const quoted of [`"web ${FILE_DIRECTIVE}"`, `'web ${FILE_DIRECTIVE}'`]) {
    const text = TEMPLATE.replace('    Properties:\n', `    Properties:\n      ClientName: ${quoted}\n`);
    assert.equal(runWithSuppressions(PUEE, 't.yaml', text).length, 1, quoted);
    assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', text), []);
  }
});

const LEGACY = 'prevent_user_existence_errors = "LEGACY"';

test('a directive inside an HCL string is data', () => {
  const inString = `locals {\n  note = "see ${FILE_DIRECTIVE}"\n}\n${client(LEGACY)}`;
  assert.equal(runWithSuppressions(PUEE, 'main.tf', inString).length, 1);
});

test('a directive inside an HCL heredoc is data', () => {
  const inHeredoc = `locals {\n  script = <<-EOT\n    ${FILE_DIRECTIVE}\n    // cognito-lint-disable-file ${PUEE}\n  EOT\n}\n${client(LEGACY)}`;
  assert.equal(runWithSuppressions(PUEE, 'main.tf', inHeredoc).length, 1);
});

test('HCL comments of every kind hold directives', () => {
  for (const comment of [FILE_DIRECTIVE, `// cognito-lint-disable-file ${PUEE}`, `/* cognito-lint-disable-file ${PUEE} -- legacy app */`]) {
    assert.deepEqual(runWithSuppressions(PUEE, 'main.tf', `${comment}\n${client(LEGACY)}`), [], comment);
  }
  // A block comment over several lines covers the line after its end.
  const text = client('/* cognito-lint-disable-next-line no-implicit-flow', '   -- partner SPA until Q3 */', 'allowed_oauth_flows = ["implicit"]');
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 'main.tf', text), []);
  assert.deepEqual(runWithSuppressions('unused-suppression', 'main.tf', text), []);
});

test('JSON has no comments, whatever the file is named', () => {
  const json = `{"UserPoolId": "us-east-1_a", "ClientName": "x ${FILE_DIRECTIVE}"}`;
  assert.equal(runWithSuppressions(PUEE, 'request.yaml', json).length, 1);
  assert.equal(runWithSuppressions(PUEE, 'request.template', json).length, 1);
});

test('disable-line covers findings that start on its own line, in YAML', () => {
  const line = '      AllowedOAuthFlows: [code, implicit]';
  const text = TEMPLATE.replace(line, `${line} # cognito-lint-disable-line no-implicit-flow -- legacy SPA`);
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 't.yaml', text), []);
  assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', text), []);
  // On another line it covers nothing, and says so.
  const elsewhere = TEMPLATE.replace('      AllowedOAuthScopes: [openid]', '      AllowedOAuthScopes: [openid] # cognito-lint-disable-line no-implicit-flow');
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', elsewhere).length, 1);
  const unused = runWithSuppressions('unused-suppression', 't.yaml', elsewhere);
  assert.deepEqual(unused.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[8, 36, 8, 80]]);
  assert.match(unused[0]!.message, /suppression of "no-implicit-flow" matches no finding/);
});

test('disable-line covers findings that start on its own line, in HCL', () => {
  const flows = 'allowed_oauth_flows = ["implicit"]';
  for (const comment of ['# cognito-lint-disable-line no-implicit-flow', '// cognito-lint-disable-line no-implicit-flow', '/* cognito-lint-disable-line no-implicit-flow */']) {
    const text = client(`${flows} ${comment}`);
    assert.deepEqual(runWithSuppressions('no-implicit-flow', 'main.tf', text), [], comment);
    assert.deepEqual(runWithSuppressions('unused-suppression', 'main.tf', text), [], comment);
  }
  assert.equal(runWithSuppressions('no-implicit-flow', 'main.tf', client(flows, '# cognito-lint-disable-line no-implicit-flow')).length, 1, 'a comment on the next line covers nothing');
});

test('an unknown cognito-lint directive word is reported, not ignored', () => {
  const line = '      AllowedOAuthFlows: [code, implicit]';
  const misspelt = TEMPLATE.replace(line, `      # cognito-lint-disable-nextline no-implicit-flow\n${line}`);
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', misspelt).length, 1);
  const rows = runWithSuppressions('unused-suppression', 't.yaml', misspelt);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[9, 7, 9, 55]]);
  assert.match(rows[0]!.message, /"cognito-lint-disable-nextline", which is not a cognito-lint directive \(did you mean "cognito-lint-disable-next-line"\?\); it suppresses nothing\./);
  const hcl = runWithSuppressions('unused-suppression', 'main.tf', client('// cognito-lint-enable no-implicit-flow', 'allowed_oauth_flows = ["implicit"]'));
  assert.match(hcl[0]!.message, /"cognito-lint-enable", which is not a cognito-lint directive/);
  // A comment that only mentions the tool is no directive.
  assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', `# checked by cognito-lint in CI\n${TEMPLATE}`), []);
});
