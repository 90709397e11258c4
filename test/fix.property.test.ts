// Property: for generated templates (YAML), API requests (JSON) and Terraform files (HCL) in many
// layouts (indentation, block or flow lists, quoting, alignment, comments, CRLF), --fix leaves a file that
// parses, keeps every comment, closes every finding whose fix applies (fixes and remediations: --fix-type
// all), and a second --fix changes no byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runCli } from './cli-helpers';
import { loadFile, prepareParsers } from '../src/load-file';
import { SourceFile } from '../src/source';

const FLOWS = ['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'];

type Entry = [name: 'PreventUserExistenceErrors' | 'EnableTokenRevocation', value: string | boolean] | [name: 'ExplicitAuthFlows' | 'AllowedOAuthScopes', value: string[]];

const entries: fc.Arbitrary<Entry[]> = fc
  .record({
    prevent: fc.option(fc.constantFrom('LEGACY', 'ENABLED')),
    revocation: fc.option(fc.boolean()),
    flows: fc.option(fc.array(fc.constantFrom(...FLOWS), { minLength: 1, maxLength: 5 })),
    scopes: fc.option(fc.array(fc.constantFrom('openid', 'email', 'profile'), { minLength: 1, maxLength: 4 })),
  })
  .chain(({ prevent, revocation, flows, scopes }) => {
    const list: Entry[] = [];
    if (prevent !== null) list.push(['PreventUserExistenceErrors', prevent]);
    if (revocation !== null) list.push(['EnableTokenRevocation', revocation]);
    if (flows !== null) list.push(['ExplicitAuthFlows', flows]);
    if (scopes !== null) list.push(['AllowedOAuthScopes', scopes]);
    return fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length });
  });

const layout = fc.record({ indent: fc.constantFrom(2, 4), flow: fc.boolean(), quote: fc.constantFrom('', '"', "'"), comments: fc.boolean(), crlf: fc.boolean(), finalNewline: fc.boolean(), aligned: fc.boolean(), trailingComma: fc.boolean() });
type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

let note = 0;
const comment = (marker: string): string => `${marker} note ${++note}`;

function finish(lines: string[], style: Layout): string {
  const text = lines.join(style.crlf ? '\r\n' : '\n');
  return style.finalNewline ? text + (style.crlf ? '\r\n' : '\n') : text;
}

function yamlTemplate(list: Entry[], style: Layout): string {
  const pad = ' '.repeat(style.indent);
  const at = pad.repeat(3);
  const q = (value: string): string => `${style.quote}${value}${style.quote}`;
  const lines = ['Resources:', `${pad}Client:`, `${pad}${pad}Type: AWS::Cognito::UserPoolClient`, `${pad}${pad}Properties:`, `${at}UserPoolId: !Ref Pool`, `${at}ClientName: ${q('web')}`];
  for (const [name, value] of list) {
    if (style.comments) lines.push(`${at}${comment('#')}`);
    if (Array.isArray(value)) {
      if (style.flow) lines.push(`${at}${name}: [${value.map(q).join(', ')}]`);
      else {
        lines.push(`${at}${name}:`);
        value.forEach((item, index) => lines.push(`${at}${pad}- ${q(item)}${style.comments && index === 0 ? ` ${comment('#')}` : ''}`));
      }
    } else lines.push(`${at}${name}: ${typeof value === 'boolean' ? value : q(value)}${style.comments ? ` ${comment('#')}` : ''}`);
  }
  return finish(lines, style);
}

function jsonRequest(list: Entry[], style: Layout): string {
  const request: Record<string, unknown> = { UserPoolId: 'us-east-1_abc', ClientName: 'web' };
  for (const [name, value] of list) request[name] = value;
  const text = JSON.stringify(request, null, style.flow ? 0 : style.indent);
  return style.crlf ? text.replace(/\n/g, '\r\n') : text;
}

const TF_NAMES: Record<Entry[0], string> = { PreventUserExistenceErrors: 'prevent_user_existence_errors', EnableTokenRevocation: 'enable_token_revocation', ExplicitAuthFlows: 'explicit_auth_flows', AllowedOAuthScopes: 'allowed_oauth_scopes' };

function terraform(list: Entry[], style: Layout): string {
  const attributes: Array<[string, string | string[]]> = [
    ['name', '"web"'],
    ['user_pool_id', '"us-east-1_abc"'],
    ...list.map(([name, value]): [string, string | string[]] => [TF_NAMES[name], Array.isArray(value) ? value.map((item) => JSON.stringify(item)) : typeof value === 'boolean' ? String(value) : JSON.stringify(value)]),
  ];
  const width = style.aligned ? Math.max(...attributes.map(([name]) => name.length)) : 0;
  const lines = ['resource "aws_cognito_user_pool_client" "web" {'];
  for (const [name, value] of attributes) {
    const key = `  ${name.padEnd(width)} =`;
    if (style.comments) lines.push(`  ${comment(style.quote === '"' ? '//' : '#')}`);
    if (!Array.isArray(value)) lines.push(`${key} ${value}${style.comments ? ` ${comment('#')}` : ''}`);
    else if (style.flow) lines.push(`${key} [${value.join(', ')}]`);
    else {
      lines.push(`${key} [`);
      value.forEach((item, index) => lines.push(`    ${item}${index < value.length - 1 || style.trailingComma ? ',' : ''}${style.comments && index === 0 ? ` ${comment('#')}` : ''}`));
      lines.push('  ]');
    }
  }
  lines.push('}');
  return finish(lines, style);
}

function comments(text: string): string[] {
  return text.match(/(#|\/\/) note \d+/g) ?? [];
}

/** Fixes applied over all runs: the generators must produce findings, or the property proves nothing. */
let applied = 0;

async function fixesCleanly(name: string, text: string): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-fix-'));
  const path = join(root, name);
  writeFileSync(path, text);
  const first = await runCli(['--fix', '--fix-type', 'all', name, '-f', 'json', '--fail-on', 'none', '--rule', 'schema=off'], root);
  const after = readFileSync(path, 'utf8');
  applied += Number(/applied (\d+) fix/.exec(first.stderr)?.[1] ?? 0);
  const loaded = loadFile(new SourceFile(name, after, name, path));
  assert.equal(loaded.parseError, undefined, `${after}\nparses`);
  assert.equal(loaded.clients.length, 1);
  assert.deepEqual(comments(after), comments(text), 'every comment kept');
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(after), 'CRLF stays CRLF');
  const remaining = (JSON.parse(first.stdout) as { results: Array<{ ruleId: string; message: string; fixType?: string }> }).results.filter((r) => r.fixType !== undefined);
  assert.deepEqual(remaining, [], `${text}\n---\n${after}`);
  const second = await runCli(['--fix', '--fix-type', 'all', name, '--fail-on', 'none'], root);
  assert.equal(readFileSync(path, 'utf8'), after, 'a second --fix changes no byte');
  assert.match(second.stderr, /applied 0 fixes/);
}

test('--fix on generated CloudFormation YAML templates', async () => {
  await fc.assert(fc.asyncProperty(entries, layout, (list, style) => fixesCleanly('template.yaml', yamlTemplate(list, style))), { numRuns: 60 });
  assert.ok(applied > 60, `fixes applied: ${applied}`);
  applied = 0;
});

test('--fix on generated API requests (JSON)', async () => {
  await fc.assert(fc.asyncProperty(entries, layout, (list, style) => fixesCleanly('create-user-pool-client.json', jsonRequest(list, style))), { numRuns: 60 });
  assert.ok(applied > 60, `fixes applied: ${applied}`);
  applied = 0;
});

test('--fix on generated Terraform files', async () => {
  await prepareParsers(['main.tf']);
  await fc.assert(fc.asyncProperty(entries, layout, (list, style) => fixesCleanly('main.tf', terraform(list, style))), { numRuns: 60 });
  assert.ok(applied > 60, `fixes applied: ${applied}`);
  applied = 0;
});
