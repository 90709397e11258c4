// Terraform value folding (FORMATS.md "Terraform values"): what is known, partly known, from a default,
// or unknown, with the places findings will point at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import type { AppClient, Value } from '../src/model';
import { client, useHclParser } from './terraform-helpers';

useHclParser();

/** A value as plain data: scalars as themselves, `<partial prefix>`, `<unknown>`, `<default x>` suffixes. */
function plain(value: Value): unknown {
  const suffix = value.origin ? ` <${value.origin.owner}>` : '';
  switch (value.kind) {
    case 'scalar':
      return suffix ? `${String(value.value)}${suffix}` : value.value;
    case 'partial':
      return `<partial ${value.prefix}>${suffix}`;
    case 'unknown':
      return '<unknown>';
    case 'list':
      return value.items.map(plain);
    case 'object':
      return Object.fromEntries([...value.members].map(([name, member]) => [name, plain(member.value)]));
  }
}

function load(text: string): AppClient[] {
  const loaded = loadFile(new SourceFile('main.tf', text));
  assert.equal(loaded.parseError, undefined, loaded.parseError?.message);
  return loaded.clients;
}

function members(text: string): Record<string, unknown> {
  const [only] = load(text);
  const out = plain(only!.properties) as Record<string, unknown>;
  delete out.ClientName;
  delete out.UserPoolId;
  return out;
}

test('literals, lists, objects; null means not set; names mapped to the API', () => {
  assert.deepEqual(
    members(client('generate_secret = true', 'refresh_token_validity = 30', 'callback_urls = ["https://a.mycompany.com/cb"]', 'logout_urls = null', 'token_validity_units {', '  access_token = "minutes"', '  id_token = null', '}')),
    { GenerateSecret: true, RefreshTokenValidity: 30, CallbackURLs: ['https://a.mycompany.com/cb'], TokenValidityUnits: { AccessToken: 'minutes' } },
  );
});

test('strings: escapes, literal ${ and %{, heredocs with indentation stripped', () => {
  const text = client('default_redirect_uri = "https://a.mycompany.com/\\u00e9?q=\\"x\\"&l=$${lit}"', 'callback_urls = [<<-EOT', '    https://b.mycompany.com/cb', '  EOT', ']');
  assert.deepEqual(members(text), { DefaultRedirectURI: 'https://a.mycompany.com/é?q="x"&l=${lit}', CallbackURLs: ['https://b.mycompany.com/cb\n'] });
});

test('variables: the caller-less default, marked as a default; no default is unknown', () => {
  const text = ['variable "urls" {', '  type    = list(string)', '  default = ["http://a.mycompany.com/cb"]', '}', 'variable "host" {}', ''].join('\n') + client('callback_urls = var.urls', 'logout_urls = ["https://${var.host}/bye"]', 'default_redirect_uri = var.nothing_declared');
  const [only] = load(text);
  assert.deepEqual(plain(only!.properties.members.get('CallbackURLs')!.value), ['http://a.mycompany.com/cb <variable "urls">']);
  assert.deepEqual(plain(only!.properties.members.get('LogoutURLs')!.value), ['<partial https://>']);
  assert.deepEqual(plain(only!.properties.members.get('DefaultRedirectURI')!.value), '<unknown>');
  // The item points at the reference; its origin at the item in the default.
  const item = (only!.properties.members.get('CallbackURLs')!.value as Extract<Value, { kind: 'list' }>).items[0]!;
  assert.equal(text.slice(item.span.start, item.span.end), 'var.urls');
  assert.equal(text.slice(item.origin!.span.start, item.origin!.span.end), '"http://a.mycompany.com/cb"');
});

test('locals: literal, built from other locals and variables; a cycle is unknown', () => {
  const text =
    ['variable "env" {', '  default = "prod"', '}', 'locals {', '  domain = "${var.env}.mycompany.com"', '  hosts  = ["a.${local.domain}", "b.${local.domain}"]', '  loop   = local.loop2', '  loop2  = local.loop', '}', ''].join('\n') +
    client('callback_urls = [for h in local.hosts : "https://${h}/cb"]', 'logout_urls = local.loop');
  assert.deepEqual(members(text), { CallbackURLs: ['https://a.prod.mycompany.com/cb <variable "env">', 'https://b.prod.mycompany.com/cb <variable "env">'], LogoutURLs: '<unknown>' });
});

test('templates: literal parts make a partial string; "${x}" alone is x itself', () => {
  const text = client('callback_urls = "${var.urls}"', 'logout_urls = ["http://${aws_lb.x.dns_name}/bye", "${var.scheme}://x"]', 'default_redirect_uri = "%{if var.x}a%{endif}"');
  assert.deepEqual(members(text), { CallbackURLs: '<unknown>', LogoutURLs: ['<partial http://>', '<unknown>'], DefaultRedirectURI: '<unknown>' });
});

test('for expressions over known collections, with a condition; objects; grouping is unknown', () => {
  const text =
    ['locals {', '  envs  = ["dev", "prod", "test"]', '  units = { access_token = "minutes", id_token = "hours" }', '}', ''].join('\n') +
    client('callback_urls = [for e in local.envs : "https://${e}.mycompany.com/cb" if e != "test"]', 'logout_urls = [for i, e in local.envs : "https://${e}/${i}"]', 'read_attributes = [for k, v in local.units : k]', 'write_attributes = [for e in var.list : e]');
  assert.deepEqual(members(text), {
    CallbackURLs: ['https://dev.mycompany.com/cb', 'https://prod.mycompany.com/cb'],
    LogoutURLs: ['https://dev/0', 'https://prod/1', 'https://test/2'],
    ReadAttributes: ['access_token', 'id_token'],
    WriteAttributes: '<unknown>',
  });
});

test('functions: formatlist, concat, compact, tolist, toset, lower; a function not folded is unknown', () => {
  const text = client(
    'callback_urls = formatlist("https://%s/cb", ["a.mycompany.com", "b.mycompany.com"])',
    'logout_urls = formatlist("https://%s/bye", var.hosts)',
    'allowed_oauth_scopes = concat(["openid"], var.more, ["email"])',
    'read_attributes = compact(["email", "", null, "name"])',
    'write_attributes = toset(["name", "name", "email"])',
    'supported_identity_providers = tolist(["COGNITO"])',
    'default_redirect_uri = lower("HTTPS://A.MYCOMPANY.COM/CB")',
    'allowed_oauth_flows = sort(["code"])',
  );
  assert.deepEqual(members(text), {
    CallbackURLs: ['https://a.mycompany.com/cb', 'https://b.mycompany.com/cb'],
    // A list of unknown length: every item begins with the format's literal text.
    LogoutURLs: ['<partial https://>'],
    AllowedOAuthScopes: ['openid', '<unknown>', 'email'],
    ReadAttributes: ['email', 'name'],
    WriteAttributes: ['name', 'email'],
    SupportedIdentityProviders: ['COGNITO'],
    DefaultRedirectURI: 'https://a.mycompany.com/cb',
    AllowedOAuthFlows: '<unknown>',
  });
});

test('conditionals and operators on known values; references to resources and data are unknown', () => {
  const text = client('generate_secret = 2 > 1 && !false', 'access_token_validity = 60 / 2', 'allowed_oauth_flows = var.public ? ["implicit"] : ["code"]', 'callback_urls = data.x.y.urls', 'logout_urls = aws_x.y[*].url');
  assert.deepEqual(members(text), { GenerateSecret: true, AccessTokenValidity: 30, AllowedOAuthFlows: '<unknown>', CallbackURLs: '<unknown>', LogoutURLs: '<unknown>' });
});

test('count and for_each over a collection not known: the block is one client, with what the iteration decides unknown', () => {
  const text = ['resource "aws_cognito_user_pool_client" "each" {', '  for_each = toset(var.names)', '  name = each.key', '  user_pool_id = var.pool', '  callback_urls = ["https://${each.value}.mycompany.com/cb"]', '  allowed_oauth_flows = ["code"]', '}', ''].join('\n');
  const clients = load(text);
  assert.equal(clients.length, 1);
  assert.equal(clients[0]!.name, 'aws_cognito_user_pool_client.each');
  assert.deepEqual(plain(clients[0]!.properties), { ClientName: '<unknown>', UserPoolId: '<unknown>', CallbackURLs: ['<partial https://>'], AllowedOAuthFlows: ['code'] });
});

test('dynamic blocks: folded over a known collection, unknown otherwise', () => {
  const dynamic = (forEach: string): string => client('dynamic "token_validity_units" {', `  for_each = ${forEach}`, '  iterator = u', '  content {', '    access_token = u.value', '  }', '}');
  assert.deepEqual(members(dynamic('["minutes"]')), { TokenValidityUnits: { AccessToken: 'minutes' } });
  assert.deepEqual(members(dynamic('[]')), {});
  assert.deepEqual(members(dynamic('var.units')), { TokenValidityUnits: '<unknown>' });
});

test('awscc: object attributes with the CloudFormation-derived names', () => {
  const text = ['resource "awscc_cognito_user_pool_client" "x" {', '  client_name = "x"', '  callback_ur_ls = ["https://a.mycompany.com/cb"]', '  allowed_o_auth_flows = ["code"]', '  token_validity_units = { access_token = "minutes" }', '  refresh_token_rotation = { feature = "ENABLED", retry_grace_period_seconds = 5 }', '}', ''].join('\n');
  const [only] = load(text);
  assert.equal(only!.kind, 'terraform-awscc');
  assert.deepEqual(plain(only!.properties), {
    ClientName: 'x',
    CallbackURLs: ['https://a.mycompany.com/cb'],
    AllowedOAuthFlows: ['code'],
    TokenValidityUnits: { AccessToken: 'minutes' },
    RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 5 },
  });
});

test('names, label positions and the user pool key of a client', () => {
  const text = client();
  const [only] = load(text);
  assert.equal(only!.name, 'aws_cognito_user_pool_client.web');
  assert.equal(text.slice(only!.nameSpan.start, only!.nameSpan.end), '"web"');
  assert.equal(only!.extent.start, 0);
  assert.equal(only!.extent.end, text.length - 1);
  assert.equal(only!.userPool, 'pool:aws_cognito_user_pool.pool');
});

test('nesting too deep to fold is unknown, not a crash', () => {
  for (const depth of [400, 20000]) {
    const text = client(`callback_urls = ${'['.repeat(depth)}"x"${']'.repeat(depth)}`);
    const [only] = load(text);
    let value = only!.properties.members.get('CallbackURLs')!.value;
    let levels = 0;
    while (value.kind === 'list' && value.items.length === 1) {
      value = value.items[0]!;
      levels++;
    }
    assert.equal(value.kind, 'unknown', `depth ${depth}`);
    assert.ok(levels < depth, `depth ${depth}: the innermost levels are not folded`);
  }
});
