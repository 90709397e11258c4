// Issue 10, "never silently check nothing, never cry wolf": each situation run with the built binary in a
// temporary git repository, as a user would (ENGINEERING.md, "Trust").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument, visit, isPair, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type * as Sarif from 'sarif';
import { REPO_ROOT } from './golden';
import { TEMPLATE } from './fixtures';
import { BIN, gitRepository, lintBin, writeFiles } from './bin-helpers';
import { assertValidSarif } from './sarif-schema';

const CLEAN_REQUEST = '{"UserPoolId": "us-east-1_a", "ClientName": "x", "PreventUserExistenceErrors": "ENABLED"}\n';
const CDK_TEMPLATE = JSON.stringify({ Resources: { Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, PreventUserExistenceErrors: 'LEGACY' } } } }, null, 2);

interface JsonReport {
  results: Array<{ ruleId: string; severity: string; file: string; line: number; fingerprint: string }>;
  summary: { filesScanned: number; filesWithClients: number; clients: number; clientsUnchecked: number; filesSkippedTooLarge: number; errors: number; warnings: number; notes: number };
}
const json = (stdout: string): JsonReport => JSON.parse(stdout) as JsonReport;

test('1. a path named on the command line is read even when gitignored; walks still prune; --no-gitignore', () => {
  const repo = gitRepository({
    '.gitignore': 'cdk.out\n.serverless/\nasset.*\n*.local.yaml\n!keep.local.yaml\n',
    'cdk.out/Stack.template.json': CDK_TEMPLATE,
    'cdk.out/asset.1234/Nested.template.json': CDK_TEMPLATE,
    '.serverless/cloudformation-template-update-stack.json': CDK_TEMPLATE,
    'request.json': CLEAN_REQUEST,
    'dev.local.yaml': TEMPLATE,
    'keep.local.yaml': TEMPLATE,
  });
  const files = (cwd: string, args: string[]): string[] => [...new Set(json(lintBin(cwd, [...args, '-f', 'json']).stdout).results.map((r) => r.file))];

  // cdk init and Serverless gitignore the very folders to lint.
  assert.deepEqual(files(repo, ['cdk.out']), ['cdk.out/Stack.template.json'], 'a named directory; asset.* inside it is still pruned');
  assert.deepEqual(files(repo, ['cdk.out/*.template.json']), ['cdk.out/Stack.template.json'], 'a glob');
  assert.deepEqual(files(repo, ['.serverless']), ['.serverless/cloudformation-template-update-stack.json']);
  assert.deepEqual(files(join(repo, 'cdk.out'), ['.']), ['Stack.template.json'], 'cd cdk.out && cognito-lint .');
  assert.deepEqual(files(repo, ['dev.local.yaml']), ['dev.local.yaml'], 'a named file');
  // A walk of the repository prunes what .gitignore excludes, negations included.
  assert.deepEqual(files(repo, ['.']), ['keep.local.yaml']);
  assert.deepEqual(files(repo, ['.', '--no-gitignore']).sort(), ['.serverless/cloudformation-template-update-stack.json', 'cdk.out/Stack.template.json', 'cdk.out/asset.1234/Nested.template.json', 'dev.local.yaml', 'keep.local.yaml']);
  // The README's example.
  const readme = lintBin(repo, ['request.json', 'cdk.out']);
  assert.equal(readme.code, 1);
  assert.match(readme.stdout, /^cdk\.out\/Stack\.template\.json$/m);
});

test('2. a pattern or directory that matches nothing is exit 2, unless --no-error-on-unmatched-pattern', () => {
  const repo = gitRepository({ 'request.json': CLEAN_REQUEST, 'empty/README.md': '# nothing to lint\n', '.cognito-lint.yaml': 'ignores: ["fixtures/**"]\n', 'fixtures/stack.yaml': TEMPLATE });
  const cases: Array<[string[], RegExp]> = [
    [['stacks/*.yaml'], /^cognito-lint: no files matched stacks\/\*\.yaml\n/],
    [['empty'], /^cognito-lint: no files matched empty \(a directory is searched for \*\.json, \*\.yaml/],
    [['request.json', 'missing.yaml'], /^cognito-lint: no such file or directory: missing\.yaml/],
    [['fixtures'], /^cognito-lint: all files matched by fixtures are ignored by the configuration's "ignores"/],
  ];
  for (const [args, message] of cases) {
    const run = lintBin(repo, args);
    assert.equal(run.code, 2, `cognito-lint ${args.join(' ')}\n${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stdout, '');
  }
  // What a walk skipped because of .gitignore is named in the message.
  writeFiles(repo, { 'generated/.gitignore': '*\n', 'generated/x.json': CLEAN_REQUEST });
  assert.match(lintBin(repo, ['generated/*.json']).stderr, /no files matched generated\/\*\.json: 1 file is excluded by \.gitignore \(name them, or use --no-gitignore\)/);

  const tolerant = lintBin(repo, ['stacks/*.yaml', 'empty', 'missing.yaml', '--no-error-on-unmatched-pattern']);
  assert.deepEqual([tolerant.code, tolerant.stdout, tolerant.stderr], [0, '✔ no problems; checked 0 files, 0 clients\n', '']);
  // A named file that the configuration ignores is not an error (pre-commit passes staged files by name).
  const ignored = lintBin(repo, ['fixtures/stack.yaml', 'request.json']);
  assert.equal(ignored.code, 0);
  assert.match(ignored.stderr, /^cognito-lint: fixtures\/stack\.yaml is not checked: it matches the configuration's "ignores"$/m);
});

test('3. every format says what was checked', () => {
  const repo = gitRepository({ 'request.json': CLEAN_REQUEST, 'notes.json': '{"name": "not a client"}\n', 'stack.yaml': TEMPLATE });
  const clean = lintBin(repo, ['request.json', 'notes.json']);
  assert.deepEqual([clean.code, clean.stdout, clean.stderr], [0, '✔ no problems; checked 2 files, 1 client\n', '']);

  const text = lintBin(repo, ['.']);
  assert.equal(text.code, 1);
  assert.match(text.stdout, /\n✖ 2 problems \(1 error, 1 warning, 0 notes\) in 1 file\nchecked 3 files, 2 clients\n$/);

  assert.deepEqual(json(lintBin(repo, ['.', '-f', 'json']).stdout).summary, { filesScanned: 3, filesWithClients: 2, clients: 2, clientsUnchecked: 0, filesSkippedTooLarge: 0, errors: 1, warnings: 1, notes: 0 });
  const sarif = assertValidSarif(lintBin(repo, ['.', '-f', 'sarif']).stdout);
  assert.deepEqual(sarif.runs[0]!.properties, { filesScanned: 3, filesWithClients: 2, clients: 2, clientsUnchecked: 0, filesSkippedTooLarge: 0 });
  // Annotations carry no summary: the workflow log gets it on stderr.
  const github = lintBin(repo, ['request.json', '-f', 'github']);
  assert.deepEqual([github.code, github.stdout, github.stderr], [0, '', 'cognito-lint: checked 1 file, 1 client\n']);
});

test('4. - reads standard input; --stdin-filename names it for sniffing, overrides and output', () => {
  const repo = gitRepository({
    '.cognito-lint.yaml': 'ignores: ["vendor/**"]\noverrides:\n  - files: ["legacy/**"]\n    rules:\n      prevent-user-existence-errors: off\n',
    'infra/variables.tf': 'variable "flows" {\n  default = ["implicit"]\n}\n',
    'other.json': CLEAN_REQUEST,
  });
  const unnamed = lintBin(repo, ['-', '-f', 'json'], { input: TEMPLATE });
  assert.equal(unnamed.code, 1);
  assert.deepEqual(json(unnamed.stdout).results.map((r) => [r.file, r.ruleId]), [['<stdin>', 'prevent-user-existence-errors'], ['<stdin>', 'no-implicit-flow']]);
  assert.equal(json(unnamed.stdout).summary.filesScanned, 1, 'standard input only, not the working directory');

  const named = lintBin(repo, ['-', '--stdin-filename', 'stacks/web.yaml'], { input: TEMPLATE });
  assert.match(named.stdout, /^stacks\/web\.yaml\n {2}6:35 /m);
  // The override for legacy/** applies to standard input named into it.
  const overridden = json(lintBin(repo, ['-', '--stdin-filename', 'legacy/web.yaml', '-f', 'json'], { input: TEMPLATE }).stdout);
  assert.deepEqual(overridden.results.map((r) => r.ruleId), ['no-implicit-flow']);
  // Terraform is recognised by name, and reads its module's other files from disk (`git show :infra/main.tf |`).
  const terraform = lintBin(repo, ['-', '--stdin-filename', 'infra/main.tf', '-f', 'json'], {
    input: 'resource "aws_cognito_user_pool_client" "web" {\n  name = "web"\n  user_pool_id = "us-east-1_a"\n  prevent_user_existence_errors = "ENABLED"\n  allowed_oauth_flows_user_pool_client = true\n  allowed_oauth_scopes = ["openid"]\n  callback_urls = ["https://app.acme-corp.com/cb"]\n  allowed_oauth_flows = var.flows\n}\n',
  });
  assert.deepEqual(json(terraform.stdout).results.map((r) => [r.file, r.ruleId]), [['infra/main.tf', 'no-implicit-flow']]);
  // A syntax error on unnamed standard input is reported, not taken for "not data".
  const broken = lintBin(repo, ['-', '-f', 'json'], { input: '{"UserPoolId": "us-east-1_a",, }' });
  assert.equal(broken.code, 1);
  assert.deepEqual(json(broken.stdout).results.map((r) => [r.file, r.ruleId, r.line]), [['<stdin>', 'parse-error', 1]]);
  assert.equal(json(lintBin(repo, ['-', '-f', 'json'], { input: 'kind: Deployment\nitems: [unclosed\n' }).stdout).results.length, 0, 'text that names no client is not parsed');
  // The configuration's ignores apply to the name, as ESLint does.
  const ignored = lintBin(repo, ['-', '--stdin-filename', 'vendor/web.yaml'], { input: TEMPLATE });
  assert.deepEqual([ignored.code, ignored.stdout], [0, '✔ no problems; checked 0 files, 0 clients\n']);
  assert.match(ignored.stderr, /vendor\/web\.yaml \(standard input\) is not checked: it matches the configuration's "ignores"/);
  // Standard input together with files.
  assert.equal(json(lintBin(repo, ['-', 'other.json', '-f', 'json'], { input: TEMPLATE }).stdout).summary.filesScanned, 2);

  const misuse = lintBin(repo, ['other.json', '--stdin-filename', 'x.yaml']);
  assert.equal(misuse.code, 2);
  assert.match(misuse.stderr, /--stdin-filename names standard input: add - to the paths/);
});

test('5. a file over --max-file-size is reported, as a warning, only if its first megabyte could hold a client', () => {
  const lockfile = JSON.stringify({ name: 'app', lockfileVersion: 3, packages: Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`node_modules/p${i}`, { version: `1.0.${i}` }])) }, null, 2);
  // The client's word comes only after the first megabyte: the cheap test does not look that far.
  const lateWord = `{"padding": "${'x'.repeat(1024 * 1024)}", "UserPoolId": "us-east-1_a"}`;
  const repo = gitRepository({ 'package-lock.json': lockfile, 'stack.yaml': TEMPLATE + `# ${'x'.repeat(1024)}\n`, 'late.json': lateWord, 'request.json': CLEAN_REQUEST });
  const limit = ['--max-file-size', '1KB'];

  const lock = lintBin(repo, ['package-lock.json', 'late.json', 'request.json', ...limit]);
  assert.deepEqual([lock.code, lock.stderr], [0, '']);
  assert.equal(lock.stdout, '✔ no problems; checked 1 file, 1 client; 2 files over --max-file-size not read (no client in the first megabyte)\n');

  const stack = lintBin(repo, ['stack.yaml', ...limit, '-f', 'json']);
  assert.equal(stack.code, 0, 'a warning does not block a commit');
  assert.deepEqual(json(stack.stdout).results.map((r) => [r.ruleId, r.severity]), [['parse-error', 'warning']]);
  assert.match(lintBin(repo, ['stack.yaml', ...limit]).stdout, /warning {2}The file was not read: file is 1\.\d KB, over the --max-file-size limit of 1 KB/);
  assert.equal(lintBin(repo, ['stack.yaml', ...limit, '--fail-on', 'warning']).code, 1);
  // Configured lower, it stays lower.
  assert.deepEqual(json(lintBin(repo, ['stack.yaml', ...limit, '--rule', 'parse-error=note', '-f', 'json']).stdout).results.map((r) => r.severity), ['note']);

  for (const size of ['0', '0KB', 'big']) {
    const run = lintBin(repo, ['stack.yaml', '--max-file-size', size]);
    assert.equal(run.code, 2, size);
    assert.match(run.stderr, /--max-file-size ".*" is not a size above 0/);
  }
});

/** Every list reversed, except intrinsic function arguments, whose order is their meaning. */
function reverseLists(file: string, text: string): string {
  if (file.endsWith('.tf')) {
    const item = /"(?:[^"\\]|\\.)*"/g;
    return text.replace(/\[(\s*"(?:[^"\\]|\\.)*"\s*(?:,\s*"(?:[^"\\]|\\.)*"\s*)*,?\s*)\]/g, (_list, body: string) => `[${(body.match(item) ?? []).reverse().join(', ')}]`);
  }
  if (file.endsWith('.json')) {
    const reverse = (value: unknown, key = ''): unknown => {
      if (key.startsWith('Fn::')) return value;
      if (Array.isArray(value)) return value.map((item) => reverse(item)).reverse();
      if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reverse(v, k)]));
      return value;
    };
    return JSON.stringify(reverse(JSON.parse(text)), null, 2);
  }
  const document = parseDocument(text);
  visit(document, {
    Seq(_key, node, path) {
      const insideFunction = [...path, node].some((ancestor) => (isPair(ancestor) && isScalar(ancestor.key) && String(ancestor.key.value).startsWith('Fn::')) || ((ancestor as YamlNode).tag?.startsWith('!') ?? false));
      if (insideFunction) return visit.SKIP;
      if (isSeq(node)) node.items.reverse();
      return undefined;
    },
  });
  return document.toString();
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

test('6. fingerprints and baselines do not change when every list in examples/ is reordered', () => {
  const repo = gitRepository({});
  cpSync(join(REPO_ROOT, 'examples'), join(repo, 'examples'), { recursive: true });
  const fingerprints = (): { json: string[]; sarif: string[] } => ({
    json: json(lintBin(repo, ['examples', '-f', 'json']).stdout).results.map((r) => r.fingerprint).sort(),
    sarif: (JSON.parse(lintBin(repo, ['examples', '-f', 'sarif']).stdout) as Sarif.Log).runs[0]!.results!.map((r) => r.partialFingerprints!['cognitoLintFingerprint/v2']!).sort(),
  });
  const before = fingerprints();
  assert.ok(before.json.length > 50);
  assert.equal(lintBin(repo, ['examples', '--write-baseline', 'baseline.json']).code, 0);

  let reordered = 0;
  // Templates of templates (examples/templates) are not JSON or YAML that a list could be reordered in.
  for (const file of filesUnder(join(repo, 'examples')).filter((name) => !name.includes(join('examples', 'templates')))) {
    const text = readFileSync(file, 'utf8');
    const reversed = reverseLists(file, text);
    if (reversed !== text) reordered++;
    writeFileSync(file, reversed);
  }
  assert.ok(reordered >= 15, `lists reordered in ${reordered} files`);
  assert.deepEqual(fingerprints(), before);
  const baselined = lintBin(repo, ['examples', '--baseline', 'baseline.json']);
  assert.deepEqual([baselined.code, baselined.stderr], [0, ''], 'no finding is new and no entry is stale');
  assert.match(baselined.stdout, /^✔ no problems/);
});

test('6. a baseline written before list items were keyed by value is refused with a clear message', () => {
  const repo = gitRepository({ 'stack.yaml': TEMPLATE, 'old.json': JSON.stringify({ version: 1, tool: 'cognito-lint', entries: [] }) });
  const run = lintBin(repo, ['.', '--baseline', 'old.json']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /old\.json: written by an older cognito-lint .*; recreate it with --write-baseline old\.json/);
});

test('7. github annotations name files relative to the repository root, or GITHUB_WORKSPACE', () => {
  const repo = gitRepository({ 'infra/stack.yaml': TEMPLATE });
  const infra = join(repo, 'infra');
  const annotation = /^::error file=([^,]+),line=6,/m;
  assert.equal(annotation.exec(lintBin(infra, ['.', '-f', 'github']).stdout)?.[1], 'infra/stack.yaml');
  assert.equal(annotation.exec(lintBin(infra, ['.', '-f', 'github'], { env: { GITHUB_WORKSPACE: repo } }).stdout)?.[1], 'infra/stack.yaml');
  // The repository checked out into a subfolder of the workspace (actions/checkout `path:`).
  assert.equal(annotation.exec(lintBin(infra, ['stack.yaml', '-f', 'github'], { env: { GITHUB_WORKSPACE: dirname(repo) } }).stdout)?.[1], `${basename(repo)}/infra/stack.yaml`);
  // SARIF agrees.
  const sarif = JSON.parse(lintBin(infra, ['.', '-f', 'sarif']).stdout) as Sarif.Log;
  assert.equal(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'infra/stack.yaml');
});

test('8. output to a pipe that closes early ends quietly', () => {
  const repo = gitRepository({});
  cpSync(join(REPO_ROOT, 'examples'), join(repo, 'examples'), { recursive: true });
  // `cognito-lint examples -f sarif | head -c 100`: a real pipe (64 KB) whose reader leaves before the
  // 170 KB report is written. pipefail gives the linter's own exit status.
  const run = spawnSync('bash', ['-c', 'set -o pipefail; node "$0" examples -f sarif | head -c 100 >/dev/null', BIN], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  assert.equal(run.stderr, '');
  assert.equal(run.status, 1, 'the run still reports its findings through the exit code');
});

test('8. -o into a missing directory is a plain usage error', () => {
  const repo = gitRepository({ 'stack.yaml': TEMPLATE });
  for (const args of [['-o', 'missing/dir/x.sarif', '-f', 'sarif'], ['--write-baseline', 'missing/baseline.json']]) {
    const run = lintBin(repo, ['.', ...args]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^cognito-lint: cannot write missing\/.*: the directory missing(\/dir)? does not exist\n$/);
    assert.doesNotMatch(run.stderr, /internal error/);
  }
});

test('8. every text line keeps a separator after line:col, however long', () => {
  const repo = gitRepository({ 'stack.yaml': '#\n'.repeat(240_000) + TEMPLATE });
  const run = lintBin(repo, ['stack.yaml']);
  const problems = run.stdout.split('\n').filter((line) => /^ {2}\d/.test(line));
  assert.equal(problems.length, 2);
  // The problem matcher a workflow would use.
  for (const line of problems) assert.match(line, /^\s+(\d+):(\d+)\s+(error|warning|note)\s+(.*?)\s{2}([a-z-]+)$/);
  assert.match(problems[0]!, /^ {2}240006:35 error {4}/);
});

test('9. ESLint habits: --max-warnings, --quiet, --list-rules --format json, --rule with options', () => {
  const warningsOnly = TEMPLATE.replace('LEGACY', 'ENABLED');
  const repo = gitRepository({ 'stack.yaml': warningsOnly, 'errors.yaml': TEMPLATE });

  assert.equal(lintBin(repo, ['stack.yaml', '--max-warnings', '1']).code, 0);
  const tooMany = lintBin(repo, ['stack.yaml', '--max-warnings', '0']);
  assert.equal(tooMany.code, 1);
  assert.match(tooMany.stderr, /^cognito-lint found too many warnings \(maximum: 0\)\.$/m);
  assert.equal(lintBin(repo, ['stack.yaml', '--max-warnings', '-1']).code, 0, '-1: no limit, as in ESLint');
  assert.equal(lintBin(repo, ['stack.yaml', '--max-warnings', 'x']).code, 2);

  const quiet = lintBin(repo, ['.', '--quiet', '-f', 'json']);
  assert.deepEqual(json(quiet.stdout).results.map((r) => r.severity), ['error']);
  assert.equal(lintBin(repo, ['stack.yaml', '--quiet', '--max-warnings', '0']).code, 0, 'warnings --quiet hides are not counted');

  const rules = JSON.parse(lintBin(repo, ['--list-rules', '--format', 'json']).stdout) as Array<{ id: string; severity: string; title: string; docs: string; options: Record<string, unknown> }>;
  const lifetime = rules.find((rule) => rule.id === 'token-lifetime-policy')!;
  assert.deepEqual([lifetime.severity, lifetime.options.maxAccessToken], ['warning', '1h']);
  assert.match(lifetime.docs, /\/blob\/v\d+\.\d+\.\d+\/docs\/rules\/token-lifetime-policy\.md$/);
  assert.equal(lintBin(repo, ['--list-rules', '--format', 'sarif']).code, 2);

  // ESLint's `id: value` and this tool's `id=value`, with options as in the configuration file.
  const longTokens = warningsOnly.replace('[openid]', '[openid]\n      AccessTokenValidity: 30\n      TokenValidityUnits: {AccessToken: minutes}');
  writeFiles(repo, { 'tokens.yaml': longTokens });
  const ruleIds = (args: string[]): string[] => json(lintBin(repo, ['tokens.yaml', '-f', 'json', ...args]).stdout).results.map((r) => `${r.ruleId}:${r.severity}`);
  assert.ok(!ruleIds([]).some((id) => id.startsWith('token-lifetime-policy')));
  assert.ok(ruleIds(['--rule', 'token-lifetime-policy=[error, {maxAccessToken: 15m}]']).includes('token-lifetime-policy:error'));
  assert.ok(ruleIds(['--rule', 'token-lifetime-policy: ["error", {"maxAccessToken": "15m"}]']).includes('token-lifetime-policy:error'));
  assert.ok(!ruleIds(['--rule', 'no-implicit-flow: off']).some((id) => id.startsWith('no-implicit-flow')));
  assert.ok(!ruleIds(['--rule', 'no-implicit-flow:off']).some((id) => id.startsWith('no-implicit-flow')));
  const badOption = lintBin(repo, ['tokens.yaml', '--rule', 'token-lifetime-policy=[error, {maxAccess: 15m}]']);
  assert.equal(badOption.code, 2);
  assert.match(badOption.stderr, /unknown option "maxAccess" \(allowed: maxAccessToken, maxIdToken, maxRefreshToken\)/);
  assert.equal(lintBin(repo, ['tokens.yaml', '--rule', 'no-implicit-flow=[error, {x: 1}]']).code, 2, 'a rule without options');
});

test('9. configuration syntax errors give line and column; --help and action.yml name Terraform', () => {
  const repo = gitRepository({ 'stack.yaml': TEMPLATE, 'json/.cognito-lint.json': '{\n  "rules": {\n    "no-implicit-flow": error\n  }\n}\n', 'yaml/.cognito-lint.yaml': 'rules:\n  no-implicit-flow: [error\n  schema: off\n' });
  const fromJson = lintBin(join(repo, 'json'), ['../stack.yaml']);
  assert.equal(fromJson.code, 2);
  assert.equal(fromJson.stderr, 'cognito-lint: .cognito-lint.json:3:25: not valid JSON: unexpected character\n');
  const fromYaml = lintBin(join(repo, 'yaml'), ['../stack.yaml']);
  assert.match(fromYaml.stderr, /^cognito-lint: \.cognito-lint\.yaml:3:3: not valid YAML: /);

  assert.match(lintBin(repo, ['--help']).stdout, /CloudFormation, SAM, CDK, Serverless, Terraform and API\s+files/);
  assert.match(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'), /^description: .*Terraform/m);
});

test('10. SARIF for GitHub: titles, linked related locations, notifications, declared base, versioned docs', () => {
  const repo = gitRepository({
    'stack.yaml': TEMPLATE.replace('[http://localhost:3000/cb]', '[!Sub "https://${Domain}/cb"]').replace('Resources:', 'Parameters:\n  Domain:\n    Type: String\n    Default: app.example.com\nResources:'),
    'broken.json': '{"UserPoolId": "us-east-1_a",, }',
    'big.yaml': TEMPLATE + `# ${'x'.repeat(2048)}\n`,
  });
  const run = lintBin(repo, ['.', '-f', 'sarif', '--max-file-size', '1KB']);
  const log = assertValidSarif(run.stdout);
  const sarifRun = log.runs[0]!;
  const rules = sarifRun.tool.driver.rules!;
  assert.equal(rules.find((rule) => rule.id === 'no-implicit-flow')!.shortDescription!.text, 'Implicit grant allowed');
  assert.equal(rules.find((rule) => rule.id === 'token-revocation-enabled')!.shortDescription!.text, 'Token revocation disabled');
  for (const rule of rules) assert.match(rule.helpUri!, /\/blob\/v\d+\.\d+\.\d+\/docs\/rules\//);
  assert.deepEqual(Object.keys(sarifRun.originalUriBaseIds ?? {}), ['%SRCROOT%']);

  const withRelated = sarifRun.results!.filter((result) => (result.relatedLocations ?? []).length > 0);
  assert.ok(withRelated.length > 0);
  for (const result of withRelated) {
    for (const related of result.relatedLocations!) assert.ok(result.message.text!.includes(`](${related.id})`), `message links related location ${related.id}: ${result.message.text}`);
  }
  assert.match(withRelated[0]!.message.text!, / See \[default of Parameter "Domain"\]\(1\)\.$/);

  const notifications = sarifRun.invocations![0]!.toolExecutionNotifications!;
  assert.deepEqual(
    notifications.map((n) => [n.level, n.locations?.[0]?.physicalLocation?.artifactLocation?.uri, n.message.text?.split(':')[0]]),
    [
      ['warning', 'big.yaml', 'Not read'],
      ['error', 'broken.json', 'Not parsed'],
    ],
  );
  assert.equal(sarifRun.invocations![0]!.executionSuccessful, false);
});

test('10. above 25,000 results SARIF keeps the most severe and says so', () => {
  // One client with 25,010 http:// callback URLs (errors) and the implicit flow (a warning).
  const urls = Array.from({ length: 25_010 }, (_, i) => `http://app.acme-corp.com/cb/${i}`);
  const template = { Resources: { Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_a', PreventUserExistenceErrors: 'ENABLED', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['openid'], AllowedOAuthFlows: ['code', 'implicit'], CallbackURLs: urls } } } };
  const repo = gitRepository({ 'stack.json': JSON.stringify(template) });
  mkdirSync(join(repo, 'out'));
  const run = lintBin(repo, ['stack.json', '-f', 'sarif', '-o', 'out/capped.sarif']);
  assert.equal(run.code, 1);
  assert.equal(run.stderr, 'cognito-lint: The report holds the 25000 most severe of 25012 results: GitHub code scanning accepts at most 25000 per run. Fix or baseline findings, or lint fewer paths per upload.\n');
  const log = JSON.parse(readFileSync(join(repo, 'out', 'capped.sarif'), 'utf8')) as Sarif.Log;
  const results = log.runs[0]!.results!;
  assert.equal(results.length, 25_000);
  assert.ok(results.every((result) => result.level === 'error'), 'the warning is what was left out');
  assert.match(log.runs[0]!.invocations![0]!.toolExecutionNotifications!.at(-1)!.message.text!, /25000 most severe of 25012 results/);
});
