// The whole-repository gate (docs/FORMATS.md, "Second revision"): run over a real repository, as
// pre-commit and the Action do, a file that holds no client never gets a finding, and a file that does
// is never passed in silence. Each test runs the built CLI in a temporary git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitRepository, lintBin } from './bin-helpers';
import { REPO_ROOT } from './golden';

interface JsonReport {
  results: Array<{ file: string; ruleId: string; severity: string; message: string; line: number; column: number }>;
  summary: { filesScanned: number; clients: number; clientsUnchecked?: number };
}

function lintJson(root: string, args: readonly string[] = ['.']): { code: number | null; report: JsonReport; stderr: string } {
  const run = lintBin(root, [...args, '--format', 'json']);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

test('the JSON and JSONC files real projects hold get no result: tsconfig, editor, container, package and tool settings', () => {
  const root = gitRepository({});
  // tsconfig.json as `tsc --init` writes it, older tsconfigs with block comments and trailing commas,
  // .vscode/*.json, devcontainer.json, package.json with "module", .eslintrc.json, renovate.json, cdk.json
  // (whose context names logUserPoolClientSecretValue), cdk.context.json, composer.json, angular.json...
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'project-json'), root, { recursive: true });
  const { code, report } = lintJson(root);
  assert.deepEqual(report.results, []);
  assert.equal(code, 0);
  assert.equal(report.summary.filesScanned, 18, 'every file was read');
  assert.equal(report.summary.clients, 0);
});

const LEGACY_TEMPLATE = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbCdEfGhI\n      PreventUserExistenceErrors: LEGACY\n';
const LEGACY_REQUEST = '{\n  "UserPoolId": "us-east-1_AbCdEfGhI",\n  "ClientName": "web",\n  "PreventUserExistenceErrors": "LEGACY"\n}\n';
const utf16 = (text: string, order: 'LE' | 'BE', bom = true): Buffer => {
  const le = Buffer.from(text, 'utf16le');
  const bytes = order === 'LE' ? le : le.swap16();
  return bom ? Buffer.concat([Buffer.from(order === 'LE' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
};

test('UTF-16 with a byte-order mark (what PowerShell `>` writes) and UTF-8 with one are read, positions in characters', () => {
  const root = gitRepository({});
  writeFileSync(join(root, 'template-le.yaml'), utf16(LEGACY_TEMPLATE, 'LE'));
  writeFileSync(join(root, 'template-be.yaml'), utf16(LEGACY_TEMPLATE, 'BE'));
  writeFileSync(join(root, 'request-le.json'), utf16(LEGACY_REQUEST, 'LE'));
  writeFileSync(join(root, 'request-be.json'), utf16(LEGACY_REQUEST, 'BE'));
  writeFileSync(join(root, 'template-bom.yaml'), `\ufeff${LEGACY_TEMPLATE}`);
  const { code, report } = lintJson(root);
  const rows = report.results.map((r) => `${r.file}:${r.line}:${r.column} ${r.ruleId}`);
  assert.deepEqual(rows, [
    'request-be.json:4:33 prevent-user-existence-errors',
    'request-le.json:4:33 prevent-user-existence-errors',
    'template-be.yaml:6:35 prevent-user-existence-errors',
    'template-bom.yaml:6:35 prevent-user-existence-errors',
    'template-le.yaml:6:35 prevent-user-existence-errors',
  ]);
  assert.equal(report.summary.clients, 5);
  assert.equal(code, 1);
});

test('a file that names a client but does not decode gets one parse-error naming the encoding, never U+FFFD; one that names none gets nothing', () => {
  const root = gitRepository({});
  // Latin-1 `café` on line 3, column 21.
  writeFileSync(join(root, 'latin1.json'), Buffer.from(LEGACY_REQUEST.replace('"web"', '"café"'), 'latin1'));
  writeFileSync(join(root, 'utf16-without-bom.yaml'), utf16(LEGACY_TEMPLATE, 'LE', false));
  writeFileSync(join(root, 'utf16-odd.json'), Buffer.concat([utf16(LEGACY_REQUEST, 'LE'), Buffer.from([0x7d])]));
  writeFileSync(join(root, 'nul-inside.yaml'), LEGACY_TEMPLATE.replace('Properties:', 'Properties:\0'));
  // No client word: a PNG named .json and a Latin-1 settings file are not ours to judge.
  writeFileSync(join(root, 'image.json'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0xff]));
  writeFileSync(join(root, 'settings.json'), Buffer.from('{"city": "Montréal"}', 'latin1'));
  const run = lintBin(root, ['.']);
  assert.doesNotMatch(run.stdout, /\ufffd/);
  const { code, report } = lintJson(root);
  const rows = report.results.map((r) => `${r.file}:${r.line}:${r.column} ${r.severity} ${r.ruleId} ${r.message}`);
  assert.deepEqual(rows, [
    'latin1.json:3:21 error parse-error The file was not read: it is not UTF-8 (byte 0xE9 at line 3 column 21, as in Latin-1 or Windows-1252); save it as UTF-8. Nothing in it was checked.',
    'nul-inside.yaml:4:16 error parse-error The file was not read: it is not UTF-8 text (NUL byte at line 4 column 16, as in UTF-16 or UTF-32 without a byte-order mark); save it as UTF-8. Nothing in it was checked.',
    'utf16-odd.json:6:1 error parse-error The file was not read: it is not UTF-16LE (an odd number of bytes: it ends in half a character); save it as UTF-8. Nothing in it was checked.',
    'utf16-without-bom.yaml:1:2 error parse-error The file was not read: it is not UTF-8 text (NUL byte at line 1 column 2, as in UTF-16 or UTF-32 without a byte-order mark); save it as UTF-8. Nothing in it was checked.',
  ]);
  assert.equal(code, 1);
});

test('clients are counted once per resource or count/for_each instance, Fn::If variants once; text, JSON and SARIF agree', () => {
  const template = [
    'Conditions:',
    '  Prod: !Equals [!Ref Stage, prod]',
    '  Postman: !Equals [!Ref Tool, postman]',
    'Resources:',
    '  Web:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      UserPoolId: us-east-1_AbCdEfGhI',
    '      PreventUserExistenceErrors: ENABLED',
    '      AllowedOAuthFlowsUserPoolClient: true',
    '      AllowedOAuthFlows: [code]',
    '      AllowedOAuthScopes: [openid]',
    '      CallbackURLs: [!If [Prod, https://app.acme-corp.com/cb, https://dev.acme-corp.com/cb], !If [Postman, https://oauth.pstmn.io/v1/callback, !Ref AWS::NoValue]]',
    '  Api:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      UserPoolId: us-east-1_AbCdEfGhI',
    '      PreventUserExistenceErrors: ENABLED',
    '',
  ].join('\n');
  const terraform = [
    'resource "aws_cognito_user_pool_client" "per_env" {',
    '  count                         = 3',
    '  name                          = "web-${count.index}"',
    '  user_pool_id                  = "us-east-1_AbCdEfGhI"',
    '  prevent_user_existence_errors = "ENABLED"',
    '}',
    'resource "aws_cognito_user_pool_client" "per_app" {',
    '  for_each                      = toset(["a", "b"])',
    '  name                          = each.key',
    '  user_pool_id                  = "us-east-1_AbCdEfGhI"',
    '  prevent_user_existence_errors = "ENABLED"',
    '}',
    '',
  ].join('\n');
  const root = gitRepository({ 'template.yaml': template, 'main.tf': terraform });
  const text = lintBin(root, ['.']);
  assert.equal(text.stdout, '✔ no problems; checked 2 files, 7 clients\n');
  assert.equal(lintJson(root).report.summary.clients, 7);
  const sarif = JSON.parse(lintBin(root, ['.', '--format', 'sarif']).stdout) as { runs: Array<{ properties: { clients: number; clientsUnchecked: number } }> };
  assert.deepEqual([sarif.runs[0]!.properties.clients, sarif.runs[0]!.properties.clientsUnchecked], [7, 0]);
});

test('when the evaluation budget stops a file, the summary names the clients left unchecked and the file gets a warning', () => {
  // Forty clients, each splitting a 9,000-item list: the file's 250,000 evaluation steps run out at the eighteenth.
  const names = Array.from({ length: 9000 }, (_, i) => `name${i}`).join(',');
  const clients = Array.from({ length: 40 }, (_, i) => `  Client${i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_AbCdEfGhI\n      PreventUserExistenceErrors: ENABLED\n      ClientName: !Select [${i}, !Split [",", !Ref Names]]\n`);
  const big = `Parameters:\n  Names:\n    Type: String\n    Default: "${names}"\nResources:\n${clients.join('')}`;
  const root = gitRepository({ 'big.yaml': big, 'small.yaml': LEGACY_TEMPLATE });
  const text = lintBin(root, ['.']);
  assert.match(text.stdout, /\nchecked 2 files, 18 clients; 23 clients not checked \(the evaluation budget ran out: see the warnings\)\n$/);
  const { code, report } = lintJson(root);
  assert.deepEqual([report.summary.clients, report.summary.clientsUnchecked], [18, 23]);
  const warning = report.results.filter((r) => r.file === 'big.yaml' && r.ruleId === 'parse-error');
  assert.deepEqual(
    warning.map((r) => [r.ruleId, r.severity, r.line]),
    [['parse-error', 'warning', 113]],
  );
  assert.match(warning[0]!.message, /^!Split \[",", !Ref Names\] is too large to evaluate \(more than 250,000 evaluation steps in this file\), so evaluation stopped there: 23 clients in this file were not checked\. /);
  const sarif = JSON.parse(lintBin(root, ['.', '--format', 'sarif']).stdout) as { runs: Array<{ properties: { clients: number; clientsUnchecked: number } }> };
  assert.deepEqual([sarif.runs[0]!.properties.clients, sarif.runs[0]!.properties.clientsUnchecked], [18, 23]);
  // The exit code reflects it as it does any warning: --fail-on warning, --max-warnings.
  assert.equal(code, 1, 'small.yaml has an error');
  const alone = gitRepository({ 'big.yaml': big });
  assert.equal(lintBin(alone, ['.']).code, 0);
  assert.equal(lintBin(alone, ['.', '--fail-on', 'warning']).code, 1);
  assert.equal(lintBin(alone, ['.', '--max-warnings', '0']).code, 1);
});

test('the walk honours .git/info/exclude and the global excludes file as git does, .gitignore last', () => {
  const home = mkdtempSync(join(tmpdir(), 'cognito-lint-home-'));
  const root = gitRepository({
    'generated/template.yaml': LEGACY_TEMPLATE,
    'scratch.local.yaml': LEGACY_TEMPLATE,
    'keep.local.yaml': LEGACY_TEMPLATE,
    'xdg.draft.yaml': LEGACY_TEMPLATE,
    'src/template.yaml': LEGACY_TEMPLATE,
    '.gitignore': '!keep.local.yaml\n',
  });
  writeFileSync(join(root, '.git', 'info', 'exclude'), '# git ls-files --others --exclude-from=.git/info/exclude\ngenerated/\n');
  writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = A\n[core]\n\texcludesFile = ~/.my-ignore\n');
  writeFileSync(join(home, '.my-ignore'), '*.local.yaml\n');
  const files = (env: Record<string, string>): string[] => {
    const run = lintBin(root, ['.', '--format', 'json'], { env });
    return [...new Set((JSON.parse(run.stdout) as JsonReport).results.map((r) => r.file))];
  };
  assert.deepEqual(files({ HOME: home }), ['keep.local.yaml', 'src/template.yaml', 'xdg.draft.yaml']);
  // Without core.excludesFile, git's default: $XDG_CONFIG_HOME/git/ignore.
  const xdg = mkdtempSync(join(tmpdir(), 'cognito-lint-xdg-'));
  mkdirSync(join(xdg, 'git'));
  writeFileSync(join(xdg, 'git', 'ignore'), '*.draft.yaml\n');
  assert.deepEqual(files({ HOME: mkdtempSync(join(tmpdir(), 'cognito-lint-home-')), XDG_CONFIG_HOME: xdg }), ['keep.local.yaml', 'scratch.local.yaml', 'src/template.yaml']);
  // Named files are read whatever excludes them, as with .gitignore.
  assert.equal(lintBin(root, ['generated/template.yaml'], { env: { HOME: home } }).code, 1);
});

test('--baseline on a subfolder reports stale entries only for the files this run read', () => {
  const root = gitRepository({ 'web/template.yaml': LEGACY_TEMPLATE, 'api/template.yaml': LEGACY_TEMPLATE });
  const write = lintBin(root, ['.', '--write-baseline', 'baseline.json']);
  assert.equal(write.stderr, 'cognito-lint: wrote 2 findings to baseline.json\n');
  // Fixed in web/: its entry is stale. api/ was not linted: its entry says nothing.
  writeFileSync(join(root, 'web', 'template.yaml'), LEGACY_TEMPLATE.replace('LEGACY', 'ENABLED'));
  const run = lintBin(root, ['web', '--baseline', 'baseline.json']);
  assert.equal(run.code, 0);
  assert.equal(run.stderr, 'cognito-lint: baseline entry no longer found (1x prevent-user-existence-errors in web/template.yaml Client PreventUserExistenceErrors); regenerate the baseline with --write-baseline\n');
  assert.equal(lintBin(root, ['api', '--baseline', 'baseline.json']).stderr, '');
  // A file deleted from a folder this run walked: its entry is stale.
  rmSync(join(root, 'api', 'template.yaml'));
  assert.match(lintBin(root, ['.', '--baseline', 'baseline.json']).stderr, /baseline entry no longer found \(1x prevent-user-existence-errors in api\/template\.yaml Client/);
  const one = gitRepository({ 'template.yaml': LEGACY_TEMPLATE });
  assert.equal(lintBin(one, ['.', '--write-baseline', 'baseline.json']).stderr, 'cognito-lint: wrote 1 finding to baseline.json\n');
});

test('usage errors quote what was written: --max-warnings abc', () => {
  const root = gitRepository({ 'template.yaml': LEGACY_TEMPLATE });
  for (const value of ['abc', '']) {
    const run = lintBin(root, ['.', '--max-warnings', value]);
    assert.deepEqual([run.code, run.stderr.split('\n')[0]], [2, `cognito-lint: --max-warnings must be a number, not "${value}"`]);
  }
  assert.equal(lintBin(root, ['.', '--max-warnings=1.5']).stderr.split('\n')[0], 'cognito-lint: --max-warnings must be a whole number (-1 for no limit), not "1.5"');
});

test('unnamed Terraform on standard input says to pass --stdin-filename, instead of passing or quoting it as YAML', () => {
  const root = gitRepository({});
  const terraform = [
    '# the web client',
    'resource "aws_cognito_user_pool_client" "web" {',
    '  name                          = "web"',
    '  user_pool_id                  = "us-east-1_AbCdEfGhI"',
    '  prevent_user_existence_errors = "LEGACY"',
    '}',
    '',
  ].join('\n');
  for (const text of [terraform, `${terraform}locals {\n  urls = [\n    "https://a.acme-corp.com/cb", # "x: y"\n  ]\n}\n`]) {
    const run = lintBin(root, ['-', '--format', 'json'], { input: text });
    const results = (JSON.parse(run.stdout) as JsonReport).results;
    assert.deepEqual(
      results.map((r) => [r.file, r.ruleId, r.message]),
      [['<stdin>', 'parse-error', 'The file was not read: standard input looks like Terraform, which is read by its file name; pass --stdin-filename main.tf. Nothing in it was checked.']],
    );
    assert.equal(run.code, 1);
  }
  const named = lintBin(root, ['-', '--stdin-filename', 'main.tf', '--format', 'json'], { input: terraform });
  assert.deepEqual((JSON.parse(named.stdout) as JsonReport).results.map((r) => [r.file, r.ruleId, r.line]), [['main.tf', 'prevent-user-existence-errors', 5]]);
});
