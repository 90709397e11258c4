// Terraform evaluation depth (issue 14): the folded functions, `for` forms, splat, indexing and null
// comparisons; `for_each`/`count` instances; `dynamic` blocks over instance values; module calls that
// pass lists of objects, reported where the caller wrote each value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import type { AppClient, LoadedFile, Value } from '../src/model';
import { client, useHclParser } from './terraform-helpers';
import { runCli } from './cli-helpers';
import { REPO_ROOT } from './golden';
import { FOLDED_FUNCTIONS } from '../src/load/terraform/functions';

useHclParser();

function plain(value: Value | undefined): unknown {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'partial':
      return `<partial ${value.prefix}>`;
    case 'unknown':
      return '<unknown>';
    case 'list':
      return value.items.map(plain);
    case 'object':
      return Object.fromEntries([...value.members].map(([name, member]) => [name, plain(member.value)]));
  }
}

function loaded(text: string): LoadedFile {
  const result = loadFile(new SourceFile('main.tf', text));
  assert.equal(result.parseError, undefined, result.parseError?.message);
  return result;
}

const LOCALS = [
  'variable "unknown" {}',
  'locals {',
  '  o = { a = 1, nothing = null }',
  '  l = [{ n = "a" }, { n = "b" }]',
  '}',
  '',
].join('\n');

/** `expr` folded as a client member (a name no schema knows, so nothing is coerced). */
function fold(expr: string): unknown {
  const [only] = loaded(LOCALS + client(`x_test = ${expr}`)).clients;
  return plain(only!.properties.members.get('x_test')?.value);
}

test('each folded function on known values; unknown arguments give unknown; functions not folded are unknown', () => {
  const cases: Array<[string, unknown]> = [
    ['try(local.o.missing, "d")', 'd'],
    ['try(local.o.a, "d")', 1],
    ['try(local.l[5].n, local.l[1].n)', 'b'],
    ['try(var.unknown.a, "d")', '<unknown>'],
    ['can(local.o.missing)', false],
    ['can(local.o.a)', true],
    ['can(var.unknown.a)', '<unknown>'],
    ['coalesce(null, "", "x")', 'x'],
    ['coalesce(var.unknown, "x")', '<unknown>'],
    ['coalescelist([], ["a"])', ['a']],
    ['lookup(local.o, "a", 0)', 1],
    ['lookup(local.o, "z", 7)', 7],
    ['try(lookup(local.o, "z"), "none")', 'none'],
    ['merge({ a = 1 }, { b = 2 }, null, { a = 3 })', { a: 3, b: 2 }],
    ['keys({ b = 1, a = 2 })', ['a', 'b']],
    ['values({ b = 1, a = 2 })', [2, 1]],
    ['length(["a", "b"])', 2],
    ['length({ a = 1 })', 1],
    ['length("abc")', 3],
    ['length(var.unknown)', '<unknown>'],
    ['contains(["a", "b"], "b")', true],
    ['contains(["a", "b"], "c")', false],
    ['flatten([["a"], [["b"]], "c"])', ['a', 'b', 'c']],
    ['zipmap(["a", "b"], [1, 2])', { a: 1, b: 2 }],
    ['tomap({ a = "x" })', { a: 'x' }],
    ['tolist(["a"])', ['a']],
    ['toset(["a", "a", "b"])', ['a', 'b']],
    ['concat(["a"], ["b"])', ['a', 'b']],
    ['distinct(["a", "b", "a"])', ['a', 'b']],
    ['element(["a", "b"], 3)', 'b'],
    ['index(["a", "b"], "b")', 1],
    ['join(",", ["a", "b"])', 'a,b'],
    ['join(",", ["a", var.unknown])', '<partial a,>'],
    ['split(",", "a,b")', ['a', 'b']],
    ['replace("a-b-c", "-", "_")', 'a_b_c'],
    ['replace("abc", "/b/", "x")', '<unknown>'],
    ['lower("AB")', 'ab'],
    ['upper("ab")', 'AB'],
    ['format("%s-%d", "a", 1)', 'a-1'],
    ['format("https://%s/cb", var.unknown)', '<partial https://>'],
    ['formatlist("%s!", ["a", "b"])', ['a!', 'b!']],
    ['file("x.json")', '<unknown>'],
    ['filebase64("logo.png")', '<unknown>'],
    ['templatefile("t.tpl", {})', '<unknown>'],
    ['sort(["b", "a"])', '<unknown>'],
    ['keys("not a map")', '<unknown>'],
  ];
  for (const [expr, expected] of cases) assert.deepEqual(fold(expr), expected, expr);
});

test('the README names every folded function', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const paragraph = readme.slice(readme.indexOf('Terraform values are folded'), readme.indexOf('<!-- example: terraform -->'));
  for (const name of FOLDED_FUNCTIONS) assert.ok(paragraph.includes(`\`${name}\``), name);
});

test('for expressions: map form with if and ... grouping, list form with index; splat, indexing, null comparisons, conditionals', () => {
  const cases: Array<[string, unknown]> = [
    ['{ for k, v in { a = 1, b = 2, c = 3 } : k => v if v > 1 }', { b: 2, c: 3 }],
    ['{ for p in [{ k = "a", v = 1 }, { k = "b", v = 2 }, { k = "a", v = 3 }] : p.k => p.v... }', { a: [1, 3], b: [2] }],
    ['try({ for p in ["a", "a"] : p => 1 }, "duplicate")', 'duplicate'],
    ['[for i, v in ["x", "y"] : "${i}${v}"]', ['0x', '1y']],
    ['[for v in var.unknown : v]', '<unknown>'],
    ['local.l[*].n', ['a', 'b']],
    ['local.l[1].n', 'b'],
    ['local.o.nothing == null', true],
    ['local.o == null', false],
    ['local.l[0] == { n = "a" }', true],
    ['var.unknown == null', '<unknown>'],
    ['false && var.unknown', false],
    ['length(local.l) > 1 ? "many" : "one"', 'many'],
  ];
  for (const [expr, expected] of cases) assert.deepEqual(fold(expr), expected, expr);
});

const names = (clients: AppClient[]): string[] => clients.map((c) => c.name);
const member = (c: AppClient, name: string): unknown => plain(c.properties.members.get(name)?.value);

test('for_each over a map and a set, count: one client per instance, named as Terraform names them', () => {
  const map = loaded(
    [
      'resource "aws_cognito_user_pool_client" "c" {',
      '  for_each      = { web = ["code"], spa = ["implicit"] }',
      '  name          = each.key',
      '  user_pool_id  = "p"',
      '  allowed_oauth_flows = each.value',
      '}',
      'resource "aws_cognito_user_pool_client" "s" {',
      '  for_each     = toset(["b", "a", "b"])',
      '  name         = "app-${each.value}"',
      '  user_pool_id = "p"',
      '}',
      'resource "aws_cognito_user_pool_client" "n" {',
      '  count        = 2',
      '  name         = "n${count.index}"',
      '  user_pool_id = "p"',
      '}',
      'resource "aws_cognito_user_pool_client" "none" {',
      '  count        = 0',
      '  name         = "none"',
      '  user_pool_id = "p"',
      '}',
      '',
    ].join('\n'),
  ).clients;
  assert.deepEqual(names(map), ['aws_cognito_user_pool_client.c["spa"]', 'aws_cognito_user_pool_client.c["web"]', 'aws_cognito_user_pool_client.s["b"]', 'aws_cognito_user_pool_client.s["a"]', 'aws_cognito_user_pool_client.n[0]', 'aws_cognito_user_pool_client.n[1]']);
  assert.deepEqual(map.map((c) => member(c, 'ClientName')), ['spa', 'web', 'app-b', 'app-a', 'n0', 'n1']);
  assert.deepEqual(member(map[0]!, 'AllowedOAuthFlows'), ['implicit']);
});

test('a collection not known stays one client with unknowns; past 1,000 instances one client with unknowns and a note', () => {
  const unknown = loaded(['variable "clients" {}', 'resource "aws_cognito_user_pool_client" "c" {', '  for_each = var.clients', '  name = each.key', '  user_pool_id = "p"', '  allowed_oauth_flows = each.value.flows', '}', ''].join('\n'));
  assert.deepEqual(names(unknown.clients), ['aws_cognito_user_pool_client.c']);
  assert.equal(member(unknown.clients[0]!, 'AllowedOAuthFlows'), '<unknown>');
  assert.equal(unknown.evaluationOverrun, undefined);

  const capped = loaded(['resource "aws_cognito_user_pool_client" "c" {', '  count = 1001', '  name = "c${count.index}"', '  user_pool_id = "p"', '}', ''].join('\n'));
  assert.deepEqual(names(capped.clients), ['aws_cognito_user_pool_client.c']);
  assert.equal(member(capped.clients[0]!, 'ClientName'), '<partial c>');
  assert.equal(capped.evaluationOverrun?.expression, '1001');
  assert.equal(capped.evaluationOverrun?.limit, 'more than 1,000 instances');
  const atCap = loaded(['resource "aws_cognito_user_pool_client" "c" {', '  count = 1000', '  name = "c"', '  user_pool_id = "p"', '}', ''].join('\n'));
  assert.equal(atCap.clients.length, 1000);
  assert.equal(atCap.evaluationOverrun, undefined);

  // And 10,000 in a file: the eleventh block of 1,000 is one client with unknowns.
  const block = (i: number): string => [`resource "aws_cognito_user_pool_client" "c${i}" {`, '  count = 1000', '  name = "c"', '  user_pool_id = "p"', '}', ''].join('\n');
  const many = loaded(Array.from({ length: 11 }, (_, i) => block(i)).join(''));
  assert.equal(many.clients.length, 10_001);
  assert.equal(many.evaluationOverrun?.limit, 'more than 10,000 instances in this file');
});

test('dynamic blocks over instance values', () => {
  const text = [
    'resource "aws_cognito_user_pool_client" "c" {',
    '  for_each     = { a = { rotation = { feature = "ENABLED", retry_grace_period_seconds = 10 } }, b = {} }',
    '  name         = each.key',
    '  user_pool_id = "p"',
    '  dynamic "refresh_token_rotation" {',
    '    for_each = can(each.value.rotation) && length(keys(try(each.value.rotation, {}))) > 0 ? [each.value.rotation] : []',
    '    content {',
    '      feature                    = try(refresh_token_rotation.value.feature, null)',
    '      retry_grace_period_seconds = try(refresh_token_rotation.value.retry_grace_period_seconds, null)',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
  const [a, b] = loaded(text).clients;
  assert.deepEqual(member(a!, 'RefreshTokenRotation'), { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 });
  assert.equal(member(b!, 'RefreshTokenRotation'), undefined);
});

// ---- Module calls, through the CLI (files are found on disk) ----

interface Location {
  file: string;
  line: number;
  column: number;
}
interface Result extends Location {
  ruleId: string;
  message: string;
  client: string;
  related: Array<Location & { message: string }>;
}

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-tf-'));
  mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function lint(root: string, args: string[]): Promise<Result[]> {
  const run = await runCli([...args, '--format', 'json', '--preset', 'all'], root);
  assert.equal(run.stderr, '');
  return (JSON.parse(run.stdout) as { results: Result[] }).results;
}

const at = (r: Location): string => `${r.file}:${r.line}:${r.column}`;

// A module built like the most used public one: a list of objects, keyed by name and index, `try` on each attribute.
const INNER = [
  'variable "clients" {',
  '  type    = any',
  '  default = []',
  '}',
  'variable "default_flows" {',
  '  default = ["code", "implicit"]',
  '}',
  'locals {',
  '  parsed = [for c in var.clients : {',
  '    name                          = try(c.name, null)',
  '    allowed_oauth_flows           = try(c.flows, var.default_flows)',
  '    prevent_user_existence_errors = try(c.prevent, null)',
  '  }]',
  '  by_key = { for i, c in local.parsed : "${c.name == null ? "client" : c.name}_${i}" => c }',
  '}',
  'resource "aws_cognito_user_pool_client" "client" {',
  '  for_each                             = local.by_key',
  '  name                                 = coalesce(each.value.name, each.key)',
  '  user_pool_id                         = "p"',
  '  allowed_oauth_flows                  = each.value.allowed_oauth_flows',
  '  allowed_oauth_flows_user_pool_client = true',
  '  allowed_oauth_scopes                 = ["openid"]',
  '  callback_urls                        = ["https://app.mycompany.com/cb"]',
  '  prevent_user_existence_errors        = each.value.prevent_user_existence_errors',
  '}',
  '',
].join('\n');

test('nested modules passing a list of objects: one client per object, each finding at the caller\'s value', async () => {
  const root = tree({
    'modules/inner/main.tf': INNER,
    'modules/outer/main.tf': ['variable "clients" {}', 'module "inner" {', '  source  = "../inner"', '  clients = var.clients', '}', ''].join('\n'),
    'live/main.tf': [
      'module "cognito" {',
      '  source = "../modules/outer"',
      '  clients = [',
      '    {',
      '      name    = "web"',
      '      flows   = ["code"]',
      '      prevent = "ENABLED"',
      '    },',
      '    {',
      '      name  = "spa"',
      '      flows = ["implicit"]',
      '    },',
      '    {',
      '      prevent = "ENABLED"',
      '    },',
      '  ]',
      '}',
      '',
    ].join('\n'),
  });
  const results = (await lint(root, ['live'])).filter((r) => r.ruleId === 'no-implicit-flow' || r.ruleId === 'prevent-user-existence-errors');
  const address = 'module.cognito.module.inner.aws_cognito_user_pool_client.client';
  assert.deepEqual(
    results.map((r) => `${r.client} ${r.ruleId} ${at(r)}`).sort(),
    [
      // The third client has no flows: the module's default, reported at the call with the default as related location.
      `${address}["client_2"] no-implicit-flow live/main.tf:1:8`,
      `${address}["spa_1"] no-implicit-flow live/main.tf:11:16`,
      // No prevent in the caller's object: at that object.
      `${address}["spa_1"] prevent-user-existence-errors live/main.tf:9:5`,
    ],
  );
  const fromDefault = results.find((r) => r.client.endsWith('["client_2"]') && r.ruleId === 'no-implicit-flow')!;
  assert.ok(fromDefault.related.some((r) => r.file === 'modules/inner/main.tf' && r.line === 6 && r.message === 'default of variable "default_flows"'), JSON.stringify(fromDefault.related));
  for (const r of results) assert.ok(r.related.some((l) => l.file === 'modules/inner/main.tf' && l.line === 16 && /creates aws_cognito_user_pool_client\.client here/.test(l.message)), JSON.stringify(r.related));
});

test('a module call with for_each: one module instance per key', async () => {
  const root = tree({
    'modules/inner/main.tf': INNER,
    'live/main.tf': ['module "cognito" {', '  source   = "../modules/inner"', '  for_each = { one = ["implicit"] }', '  clients  = [{ name = each.key, flows = each.value, prevent = "ENABLED" }]', '}', ''].join('\n'),
  });
  const results = (await lint(root, ['live'])).filter((r) => r.ruleId === 'no-implicit-flow');
  assert.deepEqual(results.map((r) => `${r.client} ${at(r)}`), ['module.cognito["one"].aws_cognito_user_pool_client.client["one_0"] live/main.tf:3:23']);
});
