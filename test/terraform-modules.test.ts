// Terraform across files: variable defaults and locals of sibling files, clients created by module
// calls (reported at the call, with the resource as a related location), resource servers of the module.
// Real directories, through the CLI, since files are found and read from disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from './cli-helpers';

interface Location {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface Result extends Location {
  ruleId: string;
  message: string;
  client: string;
  related: Array<Location & { message: string }>;
}

function tree(files: Record<string, string>, git = true): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-tf-'));
  if (git) mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function lint(root: string, args: string[] = ['.']): Promise<Result[]> {
  const run = await runCli([...args, '--format', 'json', '--preset', 'all'], root);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout) as { results: Result[] }).results;
}

const where = (r: Location): string => `${r.file}:${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;

const MODULE_MAIN = [
  'resource "aws_cognito_user_pool_client" "this" {',
  '  name                 = var.name',
  '  user_pool_id         = var.pool',
  '  callback_urls        = var.callback_urls',
  '  logout_urls          = var.logout_urls',
  '  allowed_oauth_flows  = ["code", "implicit"]',
  '  allowed_oauth_scopes = ["openid"]',
  '}',
  '',
].join('\n');
const MODULE_VARIABLES = ['variable "name" {}', 'variable "pool" {}', 'variable "callback_urls" {}', 'variable "logout_urls" {', '  default = ["http://bye.mycompany.com/"]', '}', ''].join('\n');

test('a module call: caller values at the caller, module values at the call, the resource as related location', async () => {
  const root = tree({
    'modules/client/main.tf': MODULE_MAIN,
    'modules/client/variables.tf': MODULE_VARIABLES,
    'live/main.tf': ['module "web" {', '  source        = "../modules/client"', '  name          = "web"', '  pool          = "eu-west-1_abc"', '  callback_urls = ["http://app.mycompany.com/cb"]', '}', ''].join('\n'),
  });
  const results = (await lint(root)).filter((r) => r.file === 'live/main.tf');
  const byRule = (id: string): Result[] => results.filter((r) => r.ruleId === id);
  const resource = { file: 'modules/client/main.tf', line: 1, column: 41, endLine: 1, endColumn: 47, message: 'module.web creates aws_cognito_user_pool_client.this here' };

  // The caller's own value: at the caller's argument.
  const https = byRule('redirect-uri-https').find((r) => r.line === 5);
  const logout = byRule('redirect-uri-https').find((r) => r.line === 1);
  assert.equal(where(https!), 'live/main.tf:5:20-5:49');
  assert.equal(https!.client, 'module.web.aws_cognito_user_pool_client.this');
  assert.deepEqual(https!.related, [resource]);
  // The module's default (the caller gave no logout_urls): at the call's label, with the default and the reference in the module.
  assert.equal(where(logout!), 'live/main.tf:1:8-1:13');
  assert.match(logout!.message, /"http:\/\/bye\.mycompany\.com\/".*\(the value comes from the default of variable "logout_urls"\)$/);
  assert.deepEqual(
    logout!.related.map((r) => `${where(r)} ${r.message}`),
    ['modules/client/variables.tf:5:14-5:41 default of variable "logout_urls"', 'modules/client/main.tf:5:26-5:41 written in module.web', 'modules/client/main.tf:1:41-1:47 module.web creates aws_cognito_user_pool_client.this here'],
  );
  // A value written in the module: at the call's label, with the value in the module.
  const [implicit] = byRule('no-implicit-flow');
  assert.equal(where(implicit!), 'live/main.tf:1:8-1:13');
  assert.deepEqual(implicit!.related.map(where), ['modules/client/main.tf:6:35-6:45', 'modules/client/main.tf:1:41-1:47']);
  // A missing member: at the call's label.
  assert.equal(where(byRule('prevent-user-existence-errors')[0]!), 'live/main.tf:1:8-1:13');

  // The module's own file is checked alone as well, with its defaults only: no caller value there.
  const own = (await lint(root)).filter((r) => r.file === 'modules/client/main.tf');
  assert.deepEqual(own.filter((r) => r.ruleId === 'redirect-uri-https').map(where), ['modules/client/main.tf:5:26-5:41']);
  assert.equal(own[0]!.client, 'aws_cognito_user_pool_client.this');
});

test('module calls: nested modules, count, remote sources, sources outside the repository, cycles', async () => {
  const root = tree({
    'modules/client/main.tf': MODULE_MAIN,
    'modules/client/variables.tf': MODULE_VARIABLES,
    'modules/wrapper/main.tf': ['variable "urls" {}', 'module "inner" {', '  source        = "../client"', '  name          = "x"', '  pool          = "p"', '  callback_urls = var.urls', '}', 'module "self" {', '  source = "./"', '}', ''].join('\n'),
    'live/main.tf': [
      'module "outer" {',
      '  source = "../modules/wrapper"',
      '  count  = var.enabled ? 1 : 0',
      '  urls   = ["https://app.example.org/cb"]',
      '}',
      'module "remote" {',
      '  source = "git::https://example.com/modules.git//client"',
      '}',
      'module "registry" {',
      '  source  = "acme/client/aws"',
      '  version = "1.0.0"',
      '}',
      '',
    ].join('\n'),
  });
  const results = (await lint(root, ['live'])).filter((r) => r.file === 'live/main.tf');
  const clients = [...new Set(results.map((r) => r.client))];
  assert.deepEqual(clients, ['module.outer.module.inner.aws_cognito_user_pool_client.this']);
  const placeholder = results.find((r) => r.ruleId === 'redirect-uri-placeholder')!;
  // The caller's value passed through the wrapper module: still at the caller's argument.
  assert.equal(where(placeholder), 'live/main.tf:4:13-4:41');

  // A source that leaves the repository is not followed.
  const outside = tree({ 'modules/client/main.tf': MODULE_MAIN });
  const repo = tree({ 'live/main.tf': `module "x" {\n  source = "../../${outside.split(/[\\/]/).pop()}/modules/client"\n}\n` });
  assert.deepEqual(await lint(repo), []);
});

test('two clients in one module: each is reported at the call, with its own resource', async () => {
  const second = 'resource "aws_cognito_user_pool_client" "mobile" {\n  name = "m"\n  user_pool_id = "p"\n}\n';
  const root = tree({ 'modules/client/main.tf': MODULE_MAIN + second, 'modules/client/variables.tf': MODULE_VARIABLES, 'main.tf': 'module "web" {\n  source = "./modules/client"\n}\n' });
  const missing = (await lint(root, ['main.tf'])).filter((r) => r.ruleId === 'prevent-user-existence-errors');
  assert.deepEqual(
    missing.map((r) => [where(r), r.client, r.related.map(where)]),
    [
      ['main.tf:1:8-1:13', 'module.web.aws_cognito_user_pool_client.this', ['modules/client/main.tf:1:41-1:47']],
      ['main.tf:1:8-1:13', 'module.web.aws_cognito_user_pool_client.mobile', ['modules/client/main.tf:9:41-9:49']],
    ],
  );
});

test('variables and locals of sibling files; the related location names the sibling', async () => {
  const root = tree({
    'stack/variables.tf': ['variable "domain" {', '  default = "app.mycompany.com"', '}', 'variable "scheme" {', '  default = "http"', '}', ''].join('\n'),
    'stack/locals.tf': ['locals {', '  callback = "${var.scheme}://${var.domain}/cb"', '}', ''].join('\n'),
    'stack/client.tf': ['resource "aws_cognito_user_pool_client" "web" {', '  name                                 = "web"', '  user_pool_id                         = "eu-west-1_abc"', '  prevent_user_existence_errors        = "ENABLED"', '  allowed_oauth_flows_user_pool_client = true', '  allowed_oauth_flows                  = ["code"]', '  allowed_oauth_scopes                 = ["openid"]', '  callback_urls                        = [local.callback]', '}', ''].join('\n'),
  });
  const results = await lint(root);
  const https = results.find((r) => r.ruleId === 'redirect-uri-https')!;
  // Reported at the reference in client.tf; the local and the default are related locations.
  assert.equal(where(https), 'stack/client.tf:8:43-8:57');
  assert.match(https.message, /"http:\/\/app\.mycompany\.com\/cb".*default of variable "scheme"/);
  assert.deepEqual(
    https.related.map((r) => `${where(r)} ${r.message}`),
    ['stack/variables.tf:5:13-5:19 default of variable "scheme"', 'stack/locals.tf:2:14-2:48 written in local "callback"'],
  );
});

test('a suppression comment in the caller silences the finding of a module-made client', async () => {
  const root = tree({
    'modules/client/main.tf': MODULE_MAIN,
    'modules/client/variables.tf': MODULE_VARIABLES,
    'main.tf': ['# cognito-lint-disable-next-line no-implicit-flow -- partner SPA, until Q3', 'module "web" {', '  source        = "./modules/client"', '  name          = "web"', '  pool          = "p"', '  callback_urls = ["https://app.mycompany.com/cb"]', '}', ''].join('\n'),
  });
  const results = await lint(root, ['main.tf']);
  assert.deepEqual(results.filter((r) => r.ruleId === 'no-implicit-flow' || r.ruleId === 'unused-suppression'), []);
  assert.ok(results.some((r) => r.ruleId === 'prevent-user-existence-errors' && r.file === 'main.tf'));
});

test('the HCL parser is loaded only when a run loads a .tf file that may hold a client', () => {
  const yamlOnly = tree({ 'a.yaml': 'UserPoolId: us-east-1_abc\nClientName: web\n' });
  // A repository's other Terraform (no client word, no module call that reaches one) never starts the grammar.
  const otherTf = tree({ 'a.yaml': 'UserPoolId: us-east-1_abc\n', 'b.tf': 'locals {}\n', 'c.tf': 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n' });
  const withTf = tree({ 'a.yaml': 'UserPoolId: us-east-1_abc\n', 'b.tf': 'resource "aws_cognito_user_pool_client" "web" {}\n' });
  // A fresh process each: this one has loaded the parser long ago.
  const script = `const { main } = require(${JSON.stringify(join(__dirname, '..', 'src', 'cli'))});
    const { isHclParserLoaded } = require(${JSON.stringify(join(__dirname, '..', 'src', 'parse', 'hcl'))});
    main(['.'], { cwd: process.argv[1], env: {}, stdout: () => {}, stderr: () => {}, stdoutIsTTY: false }).then(() => console.log(isHclParserLoaded()));`;
  const loaded = (cwd: string): string => spawnSync(process.execPath, ['-e', script, cwd], { encoding: 'utf8' }).stdout.trim();
  assert.equal(loaded(yamlOnly), 'false');
  assert.equal(loaded(otherTf), 'false');
  assert.equal(loaded(withTf), 'true');
});

test('a caller file with no client of its own passes the pre-parse test (its relative module source)', async () => {
  const caller = tree({ 'modules/client/main.tf': MODULE_MAIN, 'modules/client/variables.tf': MODULE_VARIABLES, 'main.tf': 'module "m" {\n  source = "./modules/client"\n  callback_urls = []\n}\n' });
  assert.ok((await lint(caller, ['main.tf'])).some((r) => r.client === 'module.m.aws_cognito_user_pool_client.this'));
});

test('sibling and module files are read as linted files are: --max-file-size and BOM', async () => {
  const client = ['resource "aws_cognito_user_pool_client" "web" {', '  name          = "web"', '  user_pool_id  = "p"', '  callback_urls = [var.callback]', '}', ''].join('\n');
  const variables = 'variable "callback" { default = "http://app.mycompany.com/cb" }\n';
  const padding = `# ${'x'.repeat(3000)}\n`;
  const https = async (files: Record<string, string>, args: string[] = []): Promise<string[]> => {
    const results = await lint(tree(files), ['.', ...args]);
    // A related file that is not read is absent, never a finding of its own.
    assert.deepEqual(results.filter((r) => r.ruleId === 'parse-error'), []);
    return results.filter((r) => r.ruleId === 'redirect-uri-https').map((r) => `${where(r)} ${r.related.map(where).join(' ')}`);
  };
  const found = ['main.tf:4:20-4:32 variables.tf:1:33-1:62'];
  assert.deepEqual(await https({ 'main.tf': client, 'variables.tf': variables + padding }), found);
  // Over the run's limit: the default is not known. variables.tf itself is not read either, and is not reported (no client word).
  assert.deepEqual(await https({ 'main.tf': client, 'variables.tf': variables + padding }, ['--max-file-size', '2KB']), []);
  // A byte-order mark is not a column (the default is on line 1).
  assert.deepEqual(await https({ 'main.tf': client, 'variables.tf': `\ufeff${variables}` }), found);

  // A module directory's files too: the module call creates no client when its file is over the limit.
  const module = { 'modules/client/main.tf': MODULE_MAIN + padding, 'modules/client/variables.tf': MODULE_VARIABLES, 'main.tf': 'module "web" {\n  source = "./modules/client"\n}\n' };
  const clients = async (args: string[]): Promise<string[]> => [...new Set((await lint(tree(module), ['main.tf', ...args])).map((r) => r.client))];
  assert.deepEqual(await clients([]), ['module.web.aws_cognito_user_pool_client.this']);
  assert.deepEqual(await clients(['--max-file-size', '2KB']), []);
});

test('registry and git modules that terraform init downloaded: followed through .terraform/modules/modules.json', async () => {
  const modulesJson = (entries: Array<[string, string, string]>): string =>
    JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...entries.map(([Key, Source, Dir]) => ({ Key, Source, Dir }))] });
  const wrapper = ['variable "urls" {}', 'module "inner" {', '  source        = "git::https://example.com/client.git?ref=v1"', '  name          = "x"', '  pool          = "p"', '  callback_urls = var.urls', '}', ''].join('\n');
  const caller = [
    'module "cognito" {',
    '  source  = "acme/cognito/aws"',
    '  version = "1.0.0"',
    '  urls    = ["http://app.mycompany.com/cb"]',
    '}',
    'module "stale" {',
    '  source = "acme/other/aws"',
    '}',
    'module "missing" {',
    '  source = "acme/missing/aws"',
    '}',
    '',
  ].join('\n');
  const root = tree({
    'main.tf': caller,
    '.terraform/modules/modules.json': modulesJson([
      ['cognito', 'registry.terraform.io/acme/cognito/aws', '.terraform/modules/cognito'],
      ['cognito.inner', 'git::https://example.com/client.git?ref=v1', '.terraform/modules/cognito.inner'],
      // Downloaded from another source than the call now names: init was not run again.
      ['stale', 'registry.terraform.io/acme/client/aws', '.terraform/modules/cognito.inner'],
    ]),
    '.terraform/modules/cognito/main.tf': wrapper,
    '.terraform/modules/cognito.inner/main.tf': MODULE_MAIN,
    '.terraform/modules/cognito.inner/variables.tf': MODULE_VARIABLES,
  });
  const results = await lint(root);
  // `.terraform/` is never walked: every result is the caller's.
  assert.deepEqual([...new Set(results.map((r) => `${r.file} ${r.client}`))], ['main.tf module.cognito.module.inner.aws_cognito_user_pool_client.this']);
  const https = results.find((r) => r.ruleId === 'redirect-uri-https' && r.line === 4)!;
  assert.equal(where(https), 'main.tf:4:14-4:43');
  assert.deepEqual(
    https.related.map((r) => `${where(r)} ${r.message}`),
    ['.terraform/modules/cognito.inner/main.tf:1:41-1:47 module.cognito.module.inner creates aws_cognito_user_pool_client.this here'],
  );
  const implicit = results.find((r) => r.ruleId === 'no-implicit-flow')!;
  assert.equal(where(implicit), 'main.tf:1:8-1:17');
  assert.deepEqual(implicit.related.map(where), ['.terraform/modules/cognito.inner/main.tf:6:35-6:45', '.terraform/modules/cognito.inner/main.tf:1:41-1:47']);

  // A Dir outside the repository is not followed, as a relative source outside it is not.
  const outside = tree({ 'client/main.tf': MODULE_MAIN }, false);
  const escaping = tree({ 'main.tf': 'module "cognito" {\n  source = "acme/client/aws"\n}\n', '.terraform/modules/modules.json': modulesJson([['cognito', 'registry.terraform.io/acme/client/aws', join(outside, 'client')]]) });
  assert.deepEqual(await lint(escaping), []);
  // The same module inside the repository is followed: the assertion above can fail.
  const inside = tree({ 'main.tf': 'module "cognito" {\n  source = "acme/client/aws"\n}\n', 'vendor/client/main.tf': MODULE_MAIN, '.terraform/modules/modules.json': modulesJson([['cognito', 'registry.terraform.io/acme/client/aws', 'vendor/client']]) });
  assert.ok((await lint(inside)).some((r) => r.client === 'module.cognito.aws_cognito_user_pool_client.this'));

  // Without modules.json (init not run), or with one that is not JSON: unknown, silently, and the file is not a parse error.
  for (const text of [undefined, '{"Modules": [', '\0']) {
    const files: Record<string, string> = { 'main.tf': caller, '.terraform/modules/cognito/main.tf': wrapper, '.terraform/modules/cognito.inner/main.tf': MODULE_MAIN };
    if (text !== undefined) files['.terraform/modules/modules.json'] = text;
    assert.deepEqual(await lint(tree(files)), []);
  }
});

test('pool-aware rules read the pool and its identity providers from the module\'s other files', async () => {
  const root = tree({
    'pool.tf': ['resource "aws_cognito_user_pool" "pool" {', '  name           = "pool"', '  user_pool_tier = "LITE"', '  schema {', '    name                = "tenant_id"', '    attribute_data_type = "String"', '  }', '}', ''].join('\n'),
    'providers.tf': ['resource "aws_cognito_identity_provider" "okta" {', '  user_pool_id  = aws_cognito_user_pool.pool.id', '  provider_name = "Okta"', '  provider_type = "OIDC"', '}', ''].join('\n'),
    'client.tf': [
      'resource "aws_cognito_user_pool_client" "web" {',
      '  name                          = "web"',
      '  user_pool_id                  = aws_cognito_user_pool.pool.id',
      '  supported_identity_providers  = ["Oktaa"]',
      '  read_attributes               = ["custom:tenant_idd"]',
      '  explicit_auth_flows           = ["ALLOW_USER_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]',
      '  prevent_user_existence_errors = "ENABLED"',
      '}',
      '',
    ].join('\n'),
  });
  const pooled = (await lint(root)).filter((r) => ['identity-provider-defined', 'attribute-defined', 'feature-plan-supported'].includes(r.ruleId));
  assert.deepEqual(
    pooled.map((r) => `${r.ruleId} ${where(r)}`),
    ['identity-provider-defined client.tf:4:36-4:43', 'attribute-defined client.tf:5:36-5:55', 'feature-plan-supported client.tf:6:36-6:53'],
  );
  assert.match(pooled[0]!.message, /Did you mean "Okta"\?$/);
  assert.match(pooled[1]!.message, /Did you mean "custom:tenant_id"\?$/);
  assert.deepEqual(pooled[2]!.related.map((r) => `${where(r)} ${r.message}`), ['pool.tf:3:20-3:26 user_pool_tier of aws_cognito_user_pool.pool']);
});
