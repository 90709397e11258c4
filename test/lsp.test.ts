// The language server driven by a real LSP client over a child process (test/lsp-client.ts): what an
// editor sees on open, change, code action, hover and config change, and a clean exit.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentEdit } from 'vscode-languageserver-protocol';
import { BINS, gitRepository } from './bin-helpers';
import { REPO_ROOT } from './golden';
import { startLsp } from './lsp-client';

const BAD_YAML = readFileSync(join(REPO_ROOT, 'examples', 'cloudformation', 'bad.yaml'), 'utf8');
const uriOf = (root: string, name: string): string => pathToFileURL(join(root, name)).href;
const codes = (diagnostics: ReadonlyArray<{ code?: number | string }>): string[] => diagnostics.map((diagnostic) => String(diagnostic.code));

test('open, change, code action, hover, shutdown and exit', async () => {
  const root = gitRepository({ 'stack.yaml': BAD_YAML });
  const session = await startLsp({ cwd: root });
  assert.equal(session.initialize.serverInfo?.name, 'cognito-lint');
  const uri = uriOf(root, 'stack.yaml');

  // Open: the buffer's findings, each with its rule id, doc link and source.
  session.open(uri, 'yaml', BAD_YAML, 1);
  const opened = await session.diagnostics(uri);
  assert.equal(opened.version, 1);
  const prevent = opened.diagnostics.find((diagnostic) => diagnostic.code === 'prevent-user-existence-errors');
  assert.ok(prevent, `codes: ${codes(opened.diagnostics).join(', ')}`);
  assert.equal(prevent.source, 'cognito-lint');
  assert.equal(prevent.severity, 1);
  assert.match(prevent.codeDescription!.href, /docs\/rules\/prevent-user-existence-errors\.md$/);
  // Line 27 (1-based), `LEGACY` at column 35: LSP counts from 0.
  assert.deepEqual(prevent.range, { start: { line: 26, character: 34 }, end: { line: 26, character: 40 } });
  // A value from a parameter default points at the default.
  const placeholder = opened.diagnostics.find((diagnostic) => diagnostic.code === 'redirect-uri-placeholder');
  assert.ok(placeholder?.relatedInformation?.length, 'related information for a default');
  assert.equal(placeholder.relatedInformation[0]!.location.uri, uri);
  assert.equal(placeholder.relatedInformation[0]!.location.range.start.line, 6, 'the Default: line of the AppDomain parameter');

  // Code action: PreventUserExistenceErrors ENABLED changes what sign-in returns, so it is a remediation:
  // offered as an edit of this version of the buffer, never as the preferred fix.
  const actions = await session.codeActions(uri, prevent.range, [prevent]);
  assert.equal(actions.length, 1, JSON.stringify(actions));
  const remediation = actions[0]!;
  assert.equal(remediation.title, 'Apply remediation: PreventUserExistenceErrors: ENABLED');
  assert.equal(remediation.kind, 'quickfix');
  assert.notEqual(remediation.isPreferred, true);
  const edit = remediation.edit!.documentChanges![0] as TextDocumentEdit;
  assert.deepEqual(edit.textDocument, { uri, version: 1 });
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, BAD_YAML), edit.edits);
  assert.match(fixed, /PreventUserExistenceErrors: ENABLED/);

  // Hover on the finding: its message and the rule's page.
  const hover = await session.hover(uri, 26, 36);
  const hoverText = (hover?.contents as { value: string }).value;
  assert.match(hoverText, /\[prevent-user-existence-errors\]\(https:\/\/\S+\/docs\/rules\/prevent-user-existence-errors\.md\)/);
  assert.equal(await session.hover(uri, 0, 0), null, 'nothing to say where there is no finding');

  // Change: the unsaved text is linted, not the file on disk.
  session.change(uri, 2, fixed);
  const changed = await session.diagnostics(uri, (params) => params.version === 2);
  assert.ok(!codes(changed.diagnostics).includes('prevent-user-existence-errors'));
  assert.equal(changed.diagnostics.length, opened.diagnostics.length - 1);
  assert.deepEqual(await session.codeActions(uri, prevent.range, []), [], 'no stale fix on the changed line');

  session.close(uri);
  assert.deepEqual((await session.diagnostics(uri)).diagnostics, [], 'closing clears the diagnostics');
  assert.equal(await session.stop(), 0, 'clean exit after shutdown');
});

test('a fix (behaviour kept) is the preferred code action; a remediation is offered but not preferred', async () => {
  const root = gitRepository({});
  const session = await startLsp({ cwd: root });
  const uri = uriOf(root, 'web.yaml');
  const text = ['Resources:', '  Web:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: us-east-1_a', '      PreventUserExistenceErrors: ENABLED', '      EnableTokenRevocation: false', '      ExplicitAuthFlows:', '        - ALLOW_USER_SRP_AUTH', '        - ALLOW_REFRESH_TOKEN_AUTH', '        - ALLOW_USER_SRP_AUTH', ''].join('\n');
  session.open(uri, 'yaml', text);
  const { diagnostics } = await session.diagnostics(uri);
  const duplicate = diagnostics.find((diagnostic) => diagnostic.code === 'duplicate-values');
  const revocation = diagnostics.find((diagnostic) => diagnostic.code === 'token-revocation-enabled');
  assert.ok(duplicate && revocation, codes(diagnostics).join(', '));

  const [fix, ...moreFixes] = await session.codeActions(uri, duplicate.range, [duplicate]);
  assert.deepEqual(moreFixes, []);
  assert.match(fix!.title, /^Fix: /);
  assert.equal(fix!.isPreferred, true);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), (fix!.edit!.documentChanges![0] as TextDocumentEdit).edits);
  assert.equal(fixed.match(/ALLOW_USER_SRP_AUTH/g)?.length, 1, fixed);

  const [remediation, ...moreRemediations] = await session.codeActions(uri, revocation.range, [revocation]);
  assert.deepEqual(moreRemediations, []);
  assert.equal(remediation!.title, 'Apply remediation: EnableTokenRevocation: true');
  assert.notEqual(remediation!.isPreferred, true);
  const remediated = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), (remediation!.edit!.documentChanges![0] as TextDocumentEdit).edits);
  assert.match(remediated, /EnableTokenRevocation: true/);
  assert.equal(await session.stop(), 0);
});

test('the configuration file applies, and a change to it is picked up', async () => {
  const root = gitRepository({ 'stack.yaml': BAD_YAML });
  const session = await startLsp({ cwd: root });
  const uri = uriOf(root, 'stack.yaml');
  // The server watches config and Terraform files when the client lets it register.
  const registrations = await session.registrations();
  const watchers = registrations.flatMap((registration) => (registration.registerOptions as { watchers?: Array<{ globPattern: string }> }).watchers ?? []);
  assert.ok(watchers.some((watcher) => watcher.globPattern.includes('.cognito-lint.yaml')), JSON.stringify(registrations));
  session.open(uri, 'yaml', BAD_YAML);
  assert.ok(codes((await session.diagnostics(uri)).diagnostics).includes('redirect-uri-https'));

  writeFileSync(join(root, '.cognito-lint.yaml'), 'rules:\n  redirect-uri-https: off\n');
  session.watchedFilesChanged([{ uri: uriOf(root, '.cognito-lint.yaml'), type: 1 }]);
  assert.ok(!codes((await session.diagnostics(uri)).diagnostics).includes('redirect-uri-https'));

  // A configuration that is not valid: one diagnostic that says so, and the server goes on.
  writeFileSync(join(root, '.cognito-lint.yaml'), 'rules:\n  no-such-rule: error\n');
  session.watchedFilesChanged([{ uri: uriOf(root, '.cognito-lint.yaml'), type: 2 }]);
  const broken = await session.diagnostics(uri);
  assert.equal(broken.diagnostics.length, 1);
  assert.match(broken.diagnostics[0]!.message, /^configuration error: .*no-such-rule/);
  assert.equal(broken.diagnostics[0]!.relatedInformation?.[0]?.location.uri, uriOf(root, '.cognito-lint.yaml'));
  assert.equal(await session.stop(), 0);
});

test('a Terraform buffer is evaluated with its module files from disk and the other open buffers', async () => {
  const root = gitRepository({
    'variables.tf': 'variable "callback" {\n  default = "http://app.acme-corp.com/callback"\n}\n',
  });
  const session = await startLsp({ cwd: root });
  const uri = uriOf(root, 'main.tf');
  const text = [
    'resource "aws_cognito_user_pool_client" "web" {',
    '  name                                 = "web"',
    '  user_pool_id                         = "us-east-1_a"',
    '  prevent_user_existence_errors        = "ENABLED"',
    '  allowed_oauth_flows_user_pool_client = true',
    '  allowed_oauth_flows                  = ["code"]',
    '  allowed_oauth_scopes                 = ["openid"]',
    '  callback_urls                        = [var.callback]',
    '}',
    '',
  ].join('\n');
  // main.tf exists only in the editor: its variable's default comes from variables.tf on disk.
  session.open(uri, 'terraform', text);
  const first = await session.diagnostics(uri);
  const https = first.diagnostics.find((diagnostic) => diagnostic.code === 'redirect-uri-https');
  assert.ok(https, codes(first.diagnostics).join(', '));
  assert.equal(https.relatedInformation?.[0]?.location.uri, uriOf(root, 'variables.tf'));

  // variables.tf opened and edited without saving: main.tf is linted again with the unsaved default.
  const variablesUri = uriOf(root, 'variables.tf');
  session.open(variablesUri, 'terraform', readFileSync(join(root, 'variables.tf'), 'utf8'));
  await session.diagnostics(variablesUri);
  session.change(variablesUri, 2, 'variable "callback" {\n  default = "https://app.acme-corp.com/callback"\n}\n');
  const second = await session.diagnostics(uri, (params) => !codes(params.diagnostics).includes('redirect-uri-https'));
  assert.ok(!codes(second.diagnostics).includes('redirect-uri-https'));
  assert.equal(await session.stop(), 0);
});

test('a broken or hostile buffer is one diagnostic, and the server keeps answering', async () => {
  const root = gitRepository({});
  const session = await startLsp({ cwd: root });
  const broken = uriOf(root, 'broken.json');
  session.open(broken, 'json', '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient",, }}}');
  const parsed = await session.diagnostics(broken);
  assert.deepEqual(codes(parsed.diagnostics), ['parse-error']);

  // An alias bomb and 100,000-deep nesting, as the CLI survives them.
  const bomb = uriOf(root, 'bomb.yaml');
  const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level < 12; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
  session.open(bomb, 'yaml', `Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: x\n${levels.map((line) => `      ${line}`).join('\n')}\n      CallbackURLs: *l\n`);
  const deep = uriOf(root, 'deep.json');
  session.open(deep, 'json', `{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient", "Properties": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}}`);
  // The connection answers while those are linted.
  assert.equal(await session.hover(broken, 5, 5), null);
  await session.diagnostics(bomb);
  await session.diagnostics(deep);
  assert.equal(await session.stop(), 0);
});

test('a lint that goes over the time limit is stopped and reported, and the next lint works', async () => {
  const root = gitRepository({});
  // 1 ms: every lint goes over it, which is what a lint that never ended would do.
  const session = await startLsp({ cwd: root, initializationOptions: { lintTimeoutMs: 1 } });
  const uri = uriOf(root, 'stack.yaml');
  session.open(uri, 'yaml', BAD_YAML);
  const stopped = await session.diagnostics(uri);
  assert.equal(stopped.diagnostics.length, 1);
  assert.match(stopped.diagnostics[0]!.message, /^cognito-lint could not lint this file: linting took longer than 0\.001 s/);
  session.change(uri, 2, BAD_YAML + '\n');
  assert.equal((await session.diagnostics(uri, (params) => params.version === 2)).diagnostics.length, 1);
  assert.equal(await session.stop(), 0);
});

test('an editor\'s transport flag after --lsp is accepted', async () => {
  const root = gitRepository({});
  const session = await startLsp({ cwd: root, extraArgs: ['--stdio'] });
  assert.equal(session.initialize.serverInfo?.name, 'cognito-lint');
  assert.equal(await session.stop(), 0);
});

const bundledServer = join(REPO_ROOT, 'bundle', 'server.js');
test('the bundle serves the protocol too (bundle/server.js, its lint worker and the .wasm files beside it)', { skip: existsSync(bundledServer) ? false : 'bundle/server.js is not built (npm run build && npm run bundle)' }, async () => {
  const root = gitRepository({});
  const session = await startLsp({ cwd: root, bin: BINS.bundle });
  const uri = uriOf(root, 'main.tf');
  session.open(uri, 'terraform', readFileSync(join(REPO_ROOT, 'examples', 'terraform', 'bad.tf'), 'utf8'));
  assert.ok(codes((await session.diagnostics(uri)).diagnostics).includes('prevent-user-existence-errors'));
  assert.equal(await session.stop(), 0);
});

test('exit without shutdown ends with code 1, as the protocol says', async () => {
  const session = await startLsp({ cwd: gitRepository({}) });
  const { ExitNotification } = await import('vscode-languageserver-protocol/node');
  const exited = new Promise<number | null>((resolve) => session.child.on('exit', resolve));
  await session.connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 1);
  session.connection.dispose();
});
