// Property-based tests for the Terraform loader: no HCL, generated or mangled, makes the loader or a
// rule throw, and every position a finding has lies inside the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { useHclParser } from './terraform-helpers';

useHclParser();

const rules = loadAllRules();
const settings = settingsForPreset(rules, 'all');

const ATTRIBUTES = ['name', 'user_pool_id', 'callback_urls', 'logout_urls', 'default_redirect_uri', 'allowed_oauth_flows', 'allowed_oauth_scopes', 'allowed_oauth_flows_user_pool_client', 'explicit_auth_flows', 'generate_secret', 'prevent_user_existence_errors', 'enable_token_revocation', 'access_token_validity', 'id_token_validity', 'refresh_token_validity', 'auth_session_validity', 'write_attributes', 'read_attributes', 'supported_identity_providers', 'enable_propagate_additional_user_context_data', 'callback_url'];
const BLOCKS = ['token_validity_units', 'refresh_token_rotation', 'analytics_configuration'];
const NESTED = ['access_token', 'id_token', 'refresh_token', 'feature', 'retry_grace_period_seconds', 'application_id', 'role_arn'];

const quoted = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('code', 'implicit', 'client_credentials', 'http://a.b/c', 'https://x.example.com/cb#f', 'ALLOW_USER_PASSWORD_AUTH', 'minutes', 'days', 'ENABLED', 'é😀', '\\"', '\\u00e9')).map((s) => `"${s.replace(/\\(?!["u])/g, '\\\\').replace(/"/g, (m, i: number, all: string) => (all[i - 1] === '\\' ? m : '\\"')).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{').replace(/\n/g, '\\n')}"`);
const reference = fc.constantFrom('var.urls', 'var.flag', 'var.nothing', 'local.list', 'local.obj.a', 'local.loop', 'each.value', 'count.index', 'aws_x.y.id', 'data.a.b.c[0]', 'var.urls[0]');
const { expr } = fc.letrec((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    quoted,
    fc.integer({ min: -5, max: 100000 }).map(String),
    fc.constantFrom('true', 'false', 'null'),
    reference,
    fc.array(tie('expr'), { maxLength: 4 }).map((items) => `[${items.join(', ')}]`),
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'access_token', 'feature'), tie('expr')), { maxLength: 3 }).map((pairs) => `{ ${pairs.map(([k, v]) => `${k} = ${v}`).join(', ')} }`),
    fc.tuple(fc.constantFrom('concat', 'formatlist', 'compact', 'tolist', 'toset', 'lower', 'format'), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    tie('expr').map((e) => `"https://\${${e}}/cb"`),
    tie('expr').map((e) => `[for x in ${e} : "p-\${x}"]`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(tie('expr'), fc.constantFrom('==', '!=', '+', '*', '&&', '<'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
  ),
}));
const body = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom(...ATTRIBUTES), expr).map(([name, value]) => `  ${name} = ${value}`),
    fc.tuple(fc.constantFrom(...BLOCKS), fc.array(fc.tuple(fc.constantFrom(...NESTED), expr), { maxLength: 3 })).map(([name, pairs]) => `  ${name} {\n${pairs.map(([k, v]) => `    ${k} = ${v}\n`).join('')}  }`),
    fc.tuple(fc.constantFrom(...BLOCKS), expr).map(([name, forEach]) => `  dynamic "${name}" {\n    for_each = ${forEach}\n    content {\n      feature = ${name}.value\n    }\n  }`),
  ),
  { maxLength: 8 },
);
const file = fc.tuple(body, expr, expr, fc.constantFrom('aws_cognito_user_pool_client', 'awscc_cognito_user_pool_client')).map(
  ([lines, urls, list, type]) =>
    `variable "urls" {\n  default = ${urls}\n}\nvariable "flag" {}\nlocals {\n  list = ${list}\n  obj  = { a = ${list} }\n  loop = local.loop\n}\n` +
    `resource "aws_cognito_resource_server" "r" {\n  identifier = "orders"\n  user_pool_id = aws_x.y.id\n  scope {\n    scope_name = "read"\n  }\n}\n` +
    `resource "${type}" "c" {\n${lines.join('\n')}\n}\n`,
);

function assertPositionsInside(source: SourceFile): void {
  const loaded = loadFile(source);
  const findings = evaluate([loaded], rules, settings);
  const lines = source.text.split('\n').length;
  for (const finding of findings) {
    for (const region of [finding.region, ...finding.related.map((r) => r.region)]) {
      assert.ok(region.start.line >= 1 && region.end.line <= lines, `line inside the file: ${JSON.stringify(region)}`);
      assert.ok(region.start.line < region.end.line || region.start.column <= region.end.column);
      assert.ok(region.end.column - 1 <= source.lineText(region.end.line).length + 1);
    }
  }
}

test('generated Terraform never makes the loader or a rule throw; positions stay inside the file', () => {
  fc.assert(fc.property(file, (text) => assertPositionsInside(new SourceFile('main.tf', text))), { numRuns: 300 });
});

test('mangled Terraform and arbitrary text never throw', () => {
  const base = 'resource "aws_cognito_user_pool_client" "web" {\n  name = "web"\n  callback_urls = ["http://a.${var.x}/cb", local.y]\n  token_validity_units {\n    access_token = "days"\n  }\n  x = <<-EOT\n    hi ${a}\n  EOT\n}\n';
  const mangled = fc.tuple(fc.nat(base.length), fc.nat(20), fc.string({ maxLength: 10 })).map(([at, remove, insert]) => base.slice(0, at) + insert + base.slice(at + remove));
  fc.assert(fc.property(fc.oneof(mangled, fc.string()), (text) => assertPositionsInside(new SourceFile('m.tf', text))), { numRuns: 500 });
});
