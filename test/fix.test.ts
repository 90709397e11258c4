// --fix and --fix-dry-run: surgical edits per syntax (YAML block and flow, JSON one-line and indented,
// HCL with aligned `=`), CRLF, comments, what is never fixed (defaults, suppressed, baselined), the
// re-parse guard, the CLI in a temporary git repository, and golden diffs for one file per syntax.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepository, lintBin } from './bin-helpers';
import { REPO_ROOT, assertGolden } from './golden';
import { applyFixes, originalLines, planFix, splitLines, trackEdits, unifiedDiff } from '../src/fix';
import { applyEdits, type Edit } from '../src/fix/text';
import { loadFile, prepareParsers } from '../src/load-file';
import type { Fix } from '../src/message';
import { SourceFile } from '../src/source';
import type { Finding } from '../src/finding';

/**
 * `cognito-lint --fix --fix-type remediation` on one file in a fresh repository: the file afterwards, the
 * run's output. Remediations included: these tests are about how edits are written, in every syntax.
 */
function fixOne(name: string, text: string, extra: string[] = [], files: Record<string, string> = {}): { after: string; code: number | null; stdout: string; stderr: string } {
  const root = gitRepository({ [name]: text, ...files });
  const run = lintBin(root, ['--fix', '--fix-type', 'remediation', name, ...extra]);
  return { after: readFileSync(join(root, name), 'utf8'), ...run };
}

const CFN = (properties: string): string => `Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n${properties}`;

test('YAML block style: values replaced in place, a member inserted at the neighbours\' indentation, comments kept', () => {
  const before = CFN(
    [
      '      # the web client',
      '      UserPoolId: !Ref Pool',
      '      ClientName: "web"  # display name',
      '      EnableTokenRevocation: false # to review',
      '      ExplicitAuthFlows:',
      '        - USER_PASSWORD_AUTH',
      '        # keep SRP',
      '        - ALLOW_USER_SRP_AUTH',
      '',
    ].join('\n'),
  );
  const { after, code } = fixOne('template.yaml', before);
  assert.equal(
    after,
    CFN(
      [
        '      # the web client',
        '      UserPoolId: !Ref Pool',
        '      ClientName: "web"  # display name',
        '      EnableTokenRevocation: true # to review',
        '      ExplicitAuthFlows:',
        '        - ALLOW_USER_PASSWORD_AUTH',
        '        # keep SRP',
        '        - ALLOW_USER_SRP_AUTH',
        '        - ALLOW_REFRESH_TOKEN_AUTH',
        '      PreventUserExistenceErrors: "ENABLED"',
        '',
      ].join('\n'),
    ),
  );
  assert.equal(code, 0, 'nothing at error severity remains');
});

test('YAML flow style and a duplicate with a comment on its line', () => {
  const before = CFN('      UserPoolId: x\n      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n      AllowedOAuthScopes:\n        - openid\n        - openid # twice\n      PreventUserExistenceErrors: LEGACY\n');
  const { after } = fixOne('template.yaml', before);
  assert.equal(after, CFN('      UserPoolId: x\n      ExplicitAuthFlows: [ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n      AllowedOAuthScopes:\n        - openid\n        # twice\n      PreventUserExistenceErrors: ENABLED\n'));
});

test('JSON: one-line and indented objects keep their layout', () => {
  const compact = '{"UserPoolId":"us-east-1_a","ClientName":"web","ExplicitAuthFlows":["ADMIN_NO_SRP_AUTH"]}';
  assert.equal(fixOne('create-client.json', compact).after, '{"UserPoolId":"us-east-1_a","ClientName":"web","ExplicitAuthFlows":["ALLOW_ADMIN_USER_PASSWORD_AUTH","ALLOW_USER_SRP_AUTH","ALLOW_REFRESH_TOKEN_AUTH"],"PreventUserExistenceErrors":"ENABLED"}');
  const indented = '{\n    "UserPoolId": "us-east-1_a",\n    "ClientName": "web",\n    "ExplicitAuthFlows": [\n        "ALLOW_USER_SRP_AUTH"\n    ],\n    "EnableTokenRevocation": false\n}\n';
  assert.equal(
    fixOne('create-client.json', indented).after,
    '{\n    "UserPoolId": "us-east-1_a",\n    "ClientName": "web",\n    "ExplicitAuthFlows": [\n        "ALLOW_USER_SRP_AUTH",\n        "ALLOW_REFRESH_TOKEN_AUTH"\n    ],\n    "EnableTokenRevocation": true,\n    "PreventUserExistenceErrors": "ENABLED"\n}\n',
  );
});

test('HCL: `=` aligned as the neighbour line, comments in lists kept, CRLF stays CRLF', () => {
  const before = [
    'resource "aws_cognito_user_pool_client" "web" {',
    '  name                    = "web" # display name',
    '  user_pool_id            = "us-east-1_a"',
    '  explicit_auth_flows = [',
    '    "USER_PASSWORD_AUTH", // legacy',
    '    "ALLOW_USER_SRP_AUTH",',
    '  ]',
    '  enable_token_revocation = false',
    '}',
    '',
  ].join('\r\n');
  const { after } = fixOne('main.tf', before);
  assert.equal(
    after,
    [
      'resource "aws_cognito_user_pool_client" "web" {',
      '  name                    = "web" # display name',
      '  user_pool_id            = "us-east-1_a"',
      '  explicit_auth_flows = [',
      '    "ALLOW_USER_PASSWORD_AUTH", // legacy',
      '    "ALLOW_USER_SRP_AUTH",',
      '    "ALLOW_REFRESH_TOKEN_AUTH",',
      '  ]',
      '  enable_token_revocation = true',
      '  prevent_user_existence_errors = "ENABLED"',
      '}',
      '',
    ].join('\r\n'),
  );
  const aligned = 'resource "aws_cognito_user_pool_client" "web" {\n  name         = "web"\n  user_pool_id = "us-east-1_a"\n}\n';
  assert.equal(fixOne('main.tf', aligned).after, 'resource "aws_cognito_user_pool_client" "web" {\n  name         = "web"\n  user_pool_id = "us-east-1_a"\n  prevent_user_existence_errors = "ENABLED"\n}\n');
  const wide = 'resource "aws_cognito_user_pool_client" "web" {\n  name                                 = "web"\n  user_pool_id                         = "us-east-1_a"\n}\n';
  assert.match(fixOne('main.tf', wide).after, /\n {2}prevent_user_existence_errors {8}= "ENABLED"\n\}\n$/);
});

test('a value from a Parameter or variable default, a suppressed finding and a baselined one are not fixed', () => {
  const parameter = 'Parameters:\n  Mode:\n    Type: String\n    Default: LEGACY\nResources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x\n      PreventUserExistenceErrors: !Ref Mode\n';
  const byDefault = fixOne('template.yaml', parameter, ['-f', 'json']);
  assert.equal(byDefault.after, parameter);
  const finding = (JSON.parse(byDefault.stdout) as { results: Array<{ ruleId: string; message: string; fix?: unknown }> }).results.find((r) => r.ruleId === 'prevent-user-existence-errors')!;
  assert.match(finding.message, /default of Parameter "Mode"/);
  assert.deepEqual(finding.fix, { set: ['PreventUserExistenceErrors', 'ENABLED'] });

  const variable = 'variable "mode" {\n  default = "LEGACY"\n}\n\nresource "aws_cognito_user_pool_client" "web" {\n  name                          = "web"\n  user_pool_id                  = "us-east-1_a"\n  prevent_user_existence_errors = var.mode\n}\n';
  assert.equal(fixOne('main.tf', variable).after, variable);

  const suppressed = CFN('      UserPoolId: x\n      # cognito-lint-disable-next-line prevent-user-existence-errors -- decided by the auth team\n      PreventUserExistenceErrors: LEGACY\n');
  assert.equal(fixOne('template.yaml', suppressed).after, suppressed);

  const root = gitRepository({ 'template.yaml': CFN('      UserPoolId: x\n      PreventUserExistenceErrors: LEGACY\n') });
  lintBin(root, ['template.yaml', '--write-baseline', 'baseline.json']);
  lintBin(root, ['--fix', '--fix-type', 'all', 'template.yaml', '--baseline', 'baseline.json']);
  assert.equal(readFileSync(join(root, 'template.yaml'), 'utf8'), CFN('      UserPoolId: x\n      PreventUserExistenceErrors: LEGACY\n'));
});

test('--fix-dry-run prints a diff, writes nothing, and its exit code is what would remain', () => {
  const before = CFN('      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: LEGACY\n');
  const root = gitRepository({ 'template.yaml': before });
  const run = lintBin(root, ['--fix-dry-run', '--fix-type', 'remediation', 'template.yaml']);
  assert.equal(readFileSync(join(root, 'template.yaml'), 'utf8'), before);
  assert.equal(run.stdout, '# remediation: PreventUserExistenceErrors: ENABLED; changes behaviour: sign-in and password recovery stop revealing whether a user exists (prevent-user-existence-errors, line 6)\n--- a/template.yaml\n+++ b/template.yaml\n@@ -3,4 +3,4 @@\n     Type: AWS::Cognito::UserPoolClient\n     Properties:\n       UserPoolId: !Ref Pool\n-      PreventUserExistenceErrors: LEGACY\n+      PreventUserExistenceErrors: ENABLED\n');
  assert.equal(run.code, 0);
  assert.match(run.stderr, /would apply 1 fix in 1 file/);
  assert.equal(lintBin(root, ['template.yaml']).code, 1, 'without --fix the finding is an error');
  assert.equal(lintBin(root, ['--fix', '--fix-dry-run', 'template.yaml']).code, 2);
  assert.equal(lintBin(root, ['--fix', '-'], { input: before }).code, 2, '--fix cannot write standard input');
});

test('a second --fix changes no byte; SARIF results carry the same edits as fixes', () => {
  const root = gitRepository({ 'template.yaml': CFN('      UserPoolId: x\n      ExplicitAuthFlows: [ADMIN_NO_SRP_AUTH, ADMIN_NO_SRP_AUTH]\n') });
  const sarif = JSON.parse(lintBin(root, ['template.yaml', '-f', 'sarif']).stdout) as { runs: Array<{ results: Array<{ ruleId: string; fixes?: Array<{ artifactChanges: Array<{ replacements: Array<{ deletedRegion: { startLine: number; startColumn: number }; insertedContent: { text: string } }> }> }> }> }> };
  const missing = sarif.runs[0]!.results.find((r) => r.ruleId === 'prevent-user-existence-errors')!;
  assert.deepEqual(missing.fixes![0]!.artifactChanges[0]!.replacements, [{ deletedRegion: { startLine: 6, startColumn: 64, endLine: 6, endColumn: 64 }, insertedContent: { text: '\n      PreventUserExistenceErrors: ENABLED' } }]);
  lintBin(root, ['--fix', '--fix-type', 'all', 'template.yaml']);
  const once = readFileSync(join(root, 'template.yaml'), 'utf8');
  assert.equal(once, CFN('      UserPoolId: x\n      ExplicitAuthFlows: [ALLOW_ADMIN_USER_PASSWORD_AUTH, ALLOW_USER_SRP_AUTH, ALLOW_REFRESH_TOKEN_AUTH]\n      PreventUserExistenceErrors: ENABLED\n'));
  const again = lintBin(root, ['--fix', '--fix-type', 'all', 'template.yaml']);
  assert.equal(readFileSync(join(root, 'template.yaml'), 'utf8'), once);
  assert.match(again.stderr, /applied 0 fixes in 0 files/);
});

/** The diff of `before` after `edits`, as --fix-dry-run makes it. */
function diffAfter(before: string, edits: Edit[]): string {
  return unifiedDiff('f', splitLines(before), trackEdits(originalLines(before), edits));
}

test('unified diff: CRLF lines and a missing final newline', () => {
  assert.equal(diffAfter('a\r\nb\r\nc', [{ start: 3, end: 4, text: 'B' }]), '--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\n\\ No newline at end of file\n');
  assert.equal(diffAfter('same\n', []), '');
});

/** One example per syntax: the --fix-dry-run diff is pinned. */
for (const [name, file] of [
  ['yaml', 'examples/cloudformation/bad.yaml'],
  ['json', 'examples/api/describe-output-bad.json'],
  ['hcl', 'examples/terraform/bad.tf'],
] as const) {
  test(`--fix-dry-run golden diff (${name}): ${file}`, () => {
    const root = gitRepository({ [file]: readFileSync(join(REPO_ROOT, file), 'utf8') });
    assertGolden(`fix-dry-run.${name}.diff`, lintBin(root, ['--fix-dry-run', '--fix-type', 'all', file]).stdout);
  });
}

/** The README's before/after examples, one per syntax, are what --fix does. */
for (const [syntax, file] of [
  ['yaml', 'template.yaml'],
  ['json', 'create-user-pool-client.json'],
  ['hcl', 'main.tf'],
] as const) {
  test(`README --fix example (${syntax})`, () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const example = (name: string): string => new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme)![1]!;
    assert.equal(fixOne(file, example(`fix-${syntax}-before`)).after, example(`fix-${syntax}-after`));
  });
}

test('a fix whose result would not parse is dropped and reported; the others are applied', () => {
  const text = CFN('      UserPoolId: !Ref Pool\n      EnableTokenRevocation: false\n');
  const file = new SourceFile('template.yaml', text, 'template.yaml', '/nonexistent/template.yaml');
  const finding = (ruleId: string): Finding => ({ ruleId, severity: 'error', message: ruleId, file, region: file.regionOf({ start: 0, end: 0 }), related: [], client: 'Client', path: '', fingerprint: ruleId });
  const at = text.indexOf('false');
  const dropped: string[] = [];
  const result = applyFixes(
    file,
    [
      { finding: finding('breaks'), edits: [{ start: 0, end: 0, text: '[' }] },
      { finding: finding('token-revocation-enabled'), edits: [{ start: at, end: at + 5, text: 'true' }] },
    ],
    (broken, reason) => dropped.push(`${broken.ruleId}: ${reason}`),
  );
  assert.equal(result.applied.length, 1);
  assert.equal(result.text, text.replace('false', 'true'));
  assert.equal(dropped.length, 1);
  assert.match(dropped[0]!, /^breaks: the fixed file would not parse/);
});

/** The engine applies whatever a finding's fix says: a whole list set, a replacement by several values. */
function planned(name: string, text: string, fix: Fix): string {
  const file = new SourceFile(name, text, name, `/nonexistent/${name}`);
  const loaded = loadFile(file);
  const finding: Finding = { ruleId: 'no-legacy-auth-flow-names', severity: 'warning', message: '', file, region: file.regionOf({ start: 0, end: 0 }), related: [], client: loaded.clients[0]!.name, path: '', fingerprint: '', fix, fixType: 'fix' };
  const plan = planFix(finding, loaded);
  assert.ok('edits' in plan, JSON.stringify(plan));
  return applyEdits(text, plan.edits);
}

test('a fix that sets the whole list, or replaces one item by several, in each layout', async () => {
  await prepareParsers(['main.tf']);
  const whole: Fix = { set: ['ExplicitAuthFlows', '["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]'] };
  const several: Fix = { replace: ['ExplicitAuthFlows[0]', ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']] };
  const block = CFN('      UserPoolId: !Ref Pool\n      ExplicitAuthFlows:\n        - ADMIN_NO_SRP_AUTH # old\n        - USER_PASSWORD_AUTH\n        - CUSTOM_AUTH_FLOW_ONLY\n');
  assert.equal(planned('t.yaml', block, whole), CFN('      UserPoolId: !Ref Pool\n      ExplicitAuthFlows:\n        - ALLOW_ADMIN_USER_PASSWORD_AUTH # old\n        - ALLOW_REFRESH_TOKEN_AUTH\n'));
  assert.equal(planned('t.yaml', block, several), CFN('      UserPoolId: !Ref Pool\n      ExplicitAuthFlows:\n        - ALLOW_ADMIN_USER_PASSWORD_AUTH # old\n        - ALLOW_REFRESH_TOKEN_AUTH\n        - USER_PASSWORD_AUTH\n        - CUSTOM_AUTH_FLOW_ONLY\n'));
  const flow = CFN("      UserPoolId: !Ref Pool\n      ExplicitAuthFlows: ['ADMIN_NO_SRP_AUTH']\n");
  assert.equal(planned('t.yaml', flow, whole), CFN("      UserPoolId: !Ref Pool\n      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']\n"));
  const json = '{\n  "UserPoolId": "us-east-1_a",\n  "ClientName": "web",\n  "ExplicitAuthFlows": [\n    "ADMIN_NO_SRP_AUTH",\n    "USER_PASSWORD_AUTH",\n    "CUSTOM_AUTH_FLOW_ONLY"\n  ]\n}\n';
  assert.equal(planned('r.json', json, whole), '{\n  "UserPoolId": "us-east-1_a",\n  "ClientName": "web",\n  "ExplicitAuthFlows": [\n    "ALLOW_ADMIN_USER_PASSWORD_AUTH",\n    "ALLOW_REFRESH_TOKEN_AUTH"\n  ]\n}\n');
  const hcl = 'resource "aws_cognito_user_pool_client" "web" {\n  name                = "web"\n  user_pool_id        = "us-east-1_a"\n  explicit_auth_flows = ["ADMIN_NO_SRP_AUTH"]\n}\n';
  assert.equal(planned('main.tf', hcl, several), 'resource "aws_cognito_user_pool_client" "web" {\n  name                = "web"\n  user_pool_id        = "us-east-1_a"\n  explicit_auth_flows = ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]\n}\n');
});

test('a client made by a module call is fixed in the module, never by a new argument in the call', () => {
  const call = 'module "web" {\n  source = "./client"\n  name   = "web"\n}\n';
  const module = 'variable "name" {}\n\nresource "aws_cognito_user_pool_client" "this" {\n  name         = var.name\n  user_pool_id = "us-east-1_a"\n}\n';
  const root = gitRepository({ 'main.tf': call, 'client/main.tf': module });
  const dry = lintBin(root, ['--fix-dry-run', '--fix-type', 'remediation', '.']);
  assert.match(dry.stderr, /not fixed: prevent-user-existence-errors at main\.tf:1:8: the client is created by a module call/);
  const run = lintBin(root, ['--fix', '--fix-type', 'remediation', '.']);
  assert.equal(readFileSync(join(root, 'main.tf'), 'utf8'), call);
  assert.equal(readFileSync(join(root, 'client/main.tf'), 'utf8'), module.replace('"us-east-1_a"\n', '"us-east-1_a"\n  prevent_user_existence_errors = "ENABLED"\n'));
  assert.equal(run.code, 0, 'the report after --fix reads the fixed module: nothing remains');
});

test('a byte-order mark stays; a list reached through a YAML alias is not edited at its anchor', () => {
  const bom = fixOne('template.yaml', '\ufeff' + CFN('      UserPoolId: !Ref Pool\n      EnableTokenRevocation: false\n      PreventUserExistenceErrors: ENABLED\n'));
  assert.equal(bom.after, '\ufeff' + CFN('      UserPoolId: !Ref Pool\n      EnableTokenRevocation: true\n      PreventUserExistenceErrors: ENABLED\n'));
  const aliased = 'Flows: &flows\n  - ALLOW_USER_SRP_AUTH\n  - ALLOW_USER_SRP_AUTH\n' + CFN('      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: ENABLED\n      ExplicitAuthFlows: *flows\n');
  const run = fixOne('template.yaml', aliased);
  assert.equal(run.after, aliased);
  assert.match(run.stderr, /not fixed: duplicate-values at template\.yaml:3:5: the value is the YAML anchor &flows \(line 1\), reached here through an alias/);
});

test('a member set under a condition (Fn::If) is not taken for absent', () => {
  const text = 'Conditions:\n  Prod: !Equals [!Ref Env, prod]\nParameters:\n  Env:\n    Type: String\n' + CFN('      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: !If [Prod, ENABLED, !Ref AWS::NoValue]\n');
  const run = fixOne('template.yaml', text);
  assert.equal(run.after, text);
  assert.match(run.stderr, /not fixed: prevent-user-existence-errors .*differs between the branches of an Fn::If/);
  assert.match(run.stderr, /applied 0 fixes/);
  // A list item under a condition shifts the indexes of one branch: the lists differ, nothing is removed.
  const shifted = 'Conditions:\n  Prod: !Equals [!Ref Env, prod]\nParameters:\n  Env:\n    Type: String\n' + CFN('      UserPoolId: !Ref Pool\n      PreventUserExistenceErrors: ENABLED\n      AllowedOAuthScopes:\n        - !If [Prod, email, !Ref AWS::NoValue]\n        - openid\n        - email\n');
  assert.equal(fixOne('template.yaml', shifted).after, shifted);
});

test('Terraform JSON configuration (.tf.json and .tofu.json) is fixed; a plan is not', () => {
  const config = '{\n  "resource": {\n    "aws_cognito_user_pool_client": {\n      "web": {\n        "name": "web",\n        "user_pool_id": "us-east-1_a",\n        "prevent_user_existence_errors": "LEGACY"\n      }\n    }\n  }\n}\n';
  for (const name of ['main.tf.json', 'main.tofu.json']) {
    assert.equal(fixOne(name, config).after, config.replace('"LEGACY"', '"ENABLED"'), name);
  }
  const plan = JSON.stringify({ format_version: '1.2', planned_values: { root_module: { resources: [{ address: 'aws_cognito_user_pool_client.web', type: 'aws_cognito_user_pool_client', name: 'web', values: { name: 'web', user_pool_id: 'us-east-1_a', prevent_user_existence_errors: 'LEGACY' } }] } } }, null, 2);
  const planned = fixOne('plan.json', plan);
  assert.equal(planned.after, plan);
  assert.match(planned.stderr, /a Terraform plan is generated/);
});
