// Fixes and remediations (RULES.md, "Fixes and remediations"): --fix applies only changes that keep
// runtime behaviour, --fix-type remediation adds the rest, and every output says which kind each is. No
// change edits a value that also flows elsewhere. The dry-run diff masks committed secrets and is built
// from the edits, in time linear in the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepository, lintBin } from './bin-helpers';
import { REPO_ROOT } from './golden';
import { originalLines, splitLines, trackEdits, unifiedDiff } from '../src/fix';
import { applyEdits, type Edit } from '../src/fix/text';
import { loadAllRules } from '../rules';

const CFN = (properties: string): string => `Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n${properties}`;

function run(files: Record<string, string>, args: string[]): { root: string; code: number | null; stdout: string; stderr: string } {
  const root = gitRepository(files);
  return { root, ...lintBin(root, args) };
}

test('each fixable rule declares its kind; a remediation names its runtime change', () => {
  const fixable = loadAllRules().filter((rule) => rule.meta.fix !== undefined);
  assert.deepEqual(Object.fromEntries(fixable.map((rule) => [rule.meta.id, rule.meta.fix])), {
    'duplicate-values': 'fix',
    'explicit-auth-flows-no-legacy-mix': 'fix',
    'no-legacy-auth-flow-names': 'fix',
    'prevent-user-existence-errors': 'remediation',
    'refresh-token-auth-missing': 'remediation',
    'token-revocation-enabled': 'remediation',
  });
  for (const rule of fixable) assert.equal(rule.meta.runtimeChange !== undefined, rule.meta.fix === 'remediation', rule.meta.id);
  const help = lintBin(gitRepository({}), ['--help']).stdout.replace(/\s+/g, ' ');
  assert.match(help, /changes that keep what the application does \(duplicate-values, explicit-auth-flows-no-legacy-mix, no-legacy-auth-flow-names\)/);
  assert.match(help, /\(prevent-user-existence-errors, refresh-token-auth-missing, token-revocation-enabled\)/);
});

test('--fix applies fixes only and says how many remediations it left; --fix-type remediation and all add them', () => {
  const before = CFN('      UserPoolId: x\n      PreventUserExistenceErrors: LEGACY\n      CallbackURLs: [https://app.acme-corp.com/cb, https://app.acme-corp.com/cb]\n');
  const fixOnly = run({ 'template.yaml': before }, ['--fix', 'template.yaml', '--fail-on', 'none']);
  assert.equal(readFileSync(join(fixOnly.root, 'template.yaml'), 'utf8'), before.replace(', https://app.acme-corp.com/cb]', ']'));
  assert.match(fixOnly.stderr, /applied 1 fix in 1 file\ncognito-lint: 1 remediation not applied: they change what the application does; --fix-type remediation applies them\n/);
  for (const type of ['remediation', 'all']) {
    const all = run({ 'template.yaml': before }, ['--fix', '--fix-type', type, 'template.yaml', '--fail-on', 'none']);
    assert.equal(readFileSync(join(all.root, 'template.yaml'), 'utf8'), before.replace(', https://app.acme-corp.com/cb]', ']').replace('LEGACY', 'ENABLED'), type);
    assert.doesNotMatch(all.stderr, /not applied/);
  }
  const usage = run({ 'template.yaml': before }, ['--fix-type', 'all', 'template.yaml']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--fix-type chooses what --fix or --fix-dry-run applies/);
  assert.equal(run({ 'template.yaml': before }, ['--fix', '--fix-type', 'safe', 'template.yaml']).code, 2);
});

test('the dry-run diff, JSON and SARIF say which kind each change is, and what a remediation changes', () => {
  const before = CFN('      UserPoolId: x\n      EnableTokenRevocation: false\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH]\n');
  const dry = run({ 'template.yaml': before }, ['--fix-dry-run', '--fix-type', 'all', 'template.yaml']);
  assert.deepEqual(dry.stdout.split('\n').filter((line) => line.startsWith('#')), [
    '# remediation: EnableTokenRevocation: true; changes behaviour: refresh tokens become revocable, and new tokens carry the origin_jti and jti claims (token-revocation-enabled, line 6)',
    '# fix: ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"] (no-legacy-auth-flow-names, line 8)',
  ]);
  assert.match(dry.stdout, /\n-      EnableTokenRevocation: false\n/);
  const fixOnly = run({ 'template.yaml': before }, ['--fix-dry-run', 'template.yaml']);
  assert.doesNotMatch(fixOnly.stdout, /remediation|^[-+].*EnableTokenRevocation/m);

  type Result = { ruleId: string; fixType?: string; runtimeChange?: string; fixes?: Array<{ description: { text: string }; properties: { fixType: string; runtimeChange?: string } }> };
  const json = (JSON.parse(run({ 'template.yaml': before }, ['template.yaml', '-f', 'json']).stdout) as { results: Result[] }).results;
  const revocation = json.find((r) => r.ruleId === 'token-revocation-enabled')!;
  assert.equal(revocation.fixType, 'remediation');
  assert.equal(revocation.runtimeChange, 'refresh tokens become revocable, and new tokens carry the origin_jti and jti claims');
  const legacy = json.find((r) => r.ruleId === 'no-legacy-auth-flow-names')!;
  assert.equal(legacy.fixType, 'fix');
  assert.equal(legacy.runtimeChange, undefined);

  const sarif = (JSON.parse(run({ 'template.yaml': before }, ['template.yaml', '-f', 'sarif']).stdout) as { runs: Array<{ results: Result[] }> }).runs[0]!.results;
  const fix = (ruleId: string) => sarif.find((r) => r.ruleId === ruleId)!.fixes![0]!;
  assert.deepEqual(fix('token-revocation-enabled').properties, { fixType: 'remediation', runtimeChange: 'refresh tokens become revocable, and new tokens carry the origin_jti and jti claims' });
  assert.match(fix('token-revocation-enabled').description.text, /^remediation: EnableTokenRevocation: true; changes behaviour: refresh tokens become revocable/);
  assert.deepEqual(fix('no-legacy-auth-flow-names').properties, { fixType: 'fix' });
  assert.match(fix('no-legacy-auth-flow-names').description.text, /^fix: ExplicitAuthFlows: /);
});

test('CUSTOM_AUTH_FLOW_ONLY gets no automatic rewrite, alone or mixed', () => {
  for (const flows of ['[CUSTOM_AUTH_FLOW_ONLY]', '[CUSTOM_AUTH_FLOW_ONLY, ADMIN_NO_SRP_AUTH]', '[CUSTOM_AUTH_FLOW_ONLY, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]']) {
    const before = CFN(`      UserPoolId: x\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows: ${flows}\n`);
    const fixed = run({ 'template.yaml': before }, ['--fix', '--fix-type', 'all', 'template.yaml', '-f', 'json', '--fail-on', 'none']);
    assert.equal(readFileSync(join(fixed.root, 'template.yaml'), 'utf8'), before, flows);
    const custom = (JSON.parse(fixed.stdout) as { results: Array<{ ruleId: string; message: string; fix?: unknown }> }).results.filter((r) => /CUSTOM_AUTH_FLOW_ONLY/.test(r.message));
    assert.ok(custom.length > 0 && custom.every((r) => r.fix === undefined), flows);
  }
});

test('a Terraform module argument the module also reads elsewhere, and a local read twice, are not edited', () => {
  const files = {
    'main.tf': 'locals {\n  puee = "LEGACY"\n  once = "LEGACY"\n}\n\nresource "aws_cognito_user_pool_client" "a" {\n  name                          = "a"\n  user_pool_id                  = "x"\n  prevent_user_existence_errors = local.puee\n}\n\nresource "aws_cognito_user_pool_client" "b" {\n  name                          = "b"\n  user_pool_id                  = "x"\n  prevent_user_existence_errors = local.puee\n}\n\nresource "aws_cognito_user_pool_client" "c" {\n  name                          = "c"\n  user_pool_id                  = "x"\n  prevent_user_existence_errors = local.once\n}\n\nmodule "web" {\n  source = "./modules/client"\n  puee   = "LEGACY"\n}\n',
    'modules/client/main.tf': 'variable "puee" {\n  type = string\n}\n\nresource "aws_cognito_user_pool_client" "this" {\n  name                          = "web-${var.puee}"\n  user_pool_id                  = "x"\n  prevent_user_existence_errors = var.puee\n}\n\nresource "aws_ssm_parameter" "p" {\n  name  = "/app/puee"\n  type  = "String"\n  value = var.puee\n}\n',
  };
  const fixed = run(files, ['--fix', '--fix-type', 'remediation', '.', '--fail-on', 'none']);
  assert.equal(readFileSync(join(fixed.root, 'main.tf'), 'utf8'), files['main.tf'].replace('once = "LEGACY"', 'once = "ENABLED"'), 'only the local read once changes');
  assert.equal(readFileSync(join(fixed.root, 'modules/client/main.tf'), 'utf8'), files['modules/client/main.tf']);
  const lines = fixed.stderr.split('\n');
  assert.ok(lines.includes('cognito-lint: not fixed: prevent-user-existence-errors at main.tf:2:10: the value is local.puee, read in 2 places (main.tf lines 9, 15): changing it would change them all'), fixed.stderr);
  assert.ok(lines.includes('cognito-lint: not fixed: prevent-user-existence-errors at main.tf:26:12: the value is the module argument puee, which the module reads as var.puee in 3 places (modules/client/main.tf lines 6, 8, 14): changing it would change them all'), fixed.stderr);
  assert.doesNotMatch(fixed.stderr, /YAML/);
  // A module argument only the client reads is the client's own: it is fixed.
  const own = { 'main.tf': 'module "web" {\n  source = "./client"\n  puee   = "LEGACY"\n}\n', 'client/main.tf': 'variable "puee" {}\n\nresource "aws_cognito_user_pool_client" "this" {\n  name                          = "web"\n  user_pool_id                  = "us-east-1_a"\n  prevent_user_existence_errors = var.puee\n}\n' };
  const ownFixed = run(own, ['--fix', '--fix-type', 'remediation', '.']);
  assert.equal(readFileSync(join(ownFixed.root, 'main.tf'), 'utf8'), own['main.tf'].replace('"LEGACY"', '"ENABLED"'));
  assert.equal(ownFixed.code, 0);
});

test('a YAML anchor used through an alias is edited neither at the anchor nor through the alias, each with its reason', () => {
  const text = `Resources:\n  A:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows: &flows [ADMIN_NO_SRP_AUTH]\n  B:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows: *flows\n`;
  const fixed = run({ 'template.yaml': text }, ['--fix', 'template.yaml', '--fail-on', 'none']);
  assert.equal(readFileSync(join(fixed.root, 'template.yaml'), 'utf8'), text);
  const lines = fixed.stderr.split('\n');
  assert.ok(lines.includes('cognito-lint: not fixed: no-legacy-auth-flow-names at template.yaml:7:34: the value is the YAML anchor &flows, also used through *flows (line 13): changing it here would change it there too'), fixed.stderr);
  assert.ok(lines.includes('cognito-lint: not fixed: no-legacy-auth-flow-names at template.yaml:7:34: the value is the YAML anchor &flows (line 7), reached here through an alias: changing it there would change every use'), fixed.stderr);
  // An anchored item used elsewhere is not rewritten either.
  const item = CFN('      UserPoolId: x\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows:\n        - &legacy ADMIN_NO_SRP_AUTH\n') + 'Outputs:\n  Flow:\n    Value: *legacy\n';
  const itemFixed = run({ 'template.yaml': item }, ['--fix', 'template.yaml', '--fail-on', 'none']);
  assert.equal(readFileSync(join(itemFixed.root, 'template.yaml'), 'utf8'), item);
  assert.match(itemFixed.stderr, /not fixed: no-legacy-auth-flow-names at template\.yaml:8:19: the value is the YAML anchor &legacy, also used through \*legacy \(line 11\)/);
});

test('removing a duplicate on its own line with a comment after it keeps the comment as a comment line', () => {
  const before = 'resource "aws_cognito_user_pool_client" "web" {\n  name                          = "web"\n  user_pool_id                  = "x"\n  prevent_user_existence_errors = "ENABLED"\n  read_attributes = [\n    "email", # first\n    "email", # dup\n    "name",\n  ]\n  write_attributes = [\n    "name", # one\n    "email",\n    "name" # dup\n  ]\n}\n';
  const fixed = run({ 'main.tf': before }, ['--fix', 'main.tf', '--fail-on', 'none']);
  assert.equal(readFileSync(join(fixed.root, 'main.tf'), 'utf8'), before.replace('    "email", # dup\n', '    # dup\n').replace('    "email",\n    "name" # dup\n', '    "email"\n    # dup\n'));
});

test('--fix-dry-run masks a committed client secret in context and changed lines, and in its header', () => {
  const secret = 'Zx9kQ2mN7pL4rT8vW1yB3cD5fG6hJ0kLmN2pQ4rS6tU8vW0xY2z';
  const request = `{"UserPoolId": "us-east-1_a", "ClientName": "web", "ClientSecret": "${secret}", "EnableTokenRevocation": false}\n`;
  const oneLine = run({ 'create-user-pool-client.json': request }, ['--fix-dry-run', '--fix-type', 'all', 'create-user-pool-client.json']);
  assert.match(oneLine.stdout, /^-\{"UserPoolId".*"ClientSecret": "Zx9k…"/m);
  assert.match(oneLine.stdout, /^\+\{"UserPoolId".*"ClientSecret": "Zx9k…".*"EnableTokenRevocation": true/m);
  const described = `{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_a",\n    "ClientName": "web",\n    "ClientId": "abc",\n    "ClientSecret": "${secret}",\n    "PreventUserExistenceErrors": "LEGACY"\n  }\n}\n`;
  const context = run({ 'describe.json': described }, ['--fix-dry-run', '--fix-type', 'all', 'describe.json']);
  assert.match(context.stdout, /^ {5}"ClientSecret": "Zx9k…",$/m);
  for (const output of [oneLine, context]) assert.ok(!(output.stdout + output.stderr).includes(secret.slice(4)), output.stdout);
});

test('the dry-run diff is linear in the file: 50,000 edits over 200,000 lines (a generous bound against a quadratic diff)', () => {
  const lines = Array.from({ length: 200_000 }, (_, index) => `  Member${index}: ${index % 4 === 0 ? 'LEGACY' : 'kept'}\n`);
  const text = lines.join('');
  const edits: Edit[] = [];
  let offset = 0;
  for (const line of lines) {
    const at = line.indexOf('LEGACY');
    if (at >= 0) edits.push({ start: offset + at, end: offset + at + 6, text: 'ENABLED' });
    offset += line.length;
  }
  const started = Date.now();
  const tracked = trackEdits(originalLines(text), edits);
  const diff = unifiedDiff('f', splitLines(text), tracked);
  const elapsed = Date.now() - started;
  assert.equal(tracked.map((line) => line.text).join(''), applyEdits(text, edits));
  assert.equal((diff.match(/^-/gm) ?? []).length - 1, 50_000);
  // Linear work takes well under a second here; the quadratic diff it replaces took minutes at this size.
  assert.ok(elapsed < 20_000, `${elapsed} ms`);
});

test('each fixable rule\'s doc page says which kind its --fix change is', () => {
  for (const rule of loadAllRules().filter((candidate) => candidate.meta.fix !== undefined)) {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8');
    assert.match(page, new RegExp(`^\\| --fix \\| ${rule.meta.fix}[ :(]`, 'm'), rule.meta.id);
  }
});
