// Inputs of FORMATS.md "Additions (December 2026)" read so far: resource-level key typos, the unset
// placeholders of plan JSON, aws_cognito_managed_user_pool_client, OpenTofu `.tofu` files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../src/source';
import { loadFile } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { toRow, type Row } from './helpers';
import { useHclParser } from './terraform-helpers';
import { project } from './fixtures';
import { runCli } from './cli-helpers';

useHclParser();

/** Every rule of the recommended preset over one text, as `line:column rule-id` plus the message. */
function lint(path: string, text: string): Row[] {
  const rules = loadAllRules();
  return evaluate([loadFile(new SourceFile(path, text))], rules, settingsForPreset(rules, 'recommended')).map(toRow);
}
const where = (rows: Row[]): string[] => rows.map((row) => `${row.line}:${row.column} ${row.ruleId}`);

test('a misspelt Properties key is one schema finding, with no "is not set" findings after it', () => {
  const text = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Propertes:', '      UserPoolId: !Ref Pool', '      PreventUserExistenceErrors: ENABLED', ''].join('\n');
  const rows = lint('template.yaml', text);
  assert.deepEqual(where(rows), ['4:5 schema']);
  assert.equal(rows[0]!.message, '"Propertes" is not a resource attribute of AWS::Cognito::UserPoolClient; did you mean "Properties"? Rename it. Its settings are not read until it is renamed.');
  assert.deepEqual([rows[0]!.endLine, rows[0]!.endColumn], [4, 14]);
});

test('a misspelt Type key names Type; another misspelt attribute leaves the properties checked', () => {
  const text = [
    'Resources:',
    '  Other:',
    '    Tpye: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      UserPoolId: x',
    '  Third:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    DependOn: Pool',
    '    Properties:',
    '      UserPoolId: us-east-1_AbCdEfGhI',
    '      PreventUserExistenceErrors: LEGACY',
    '',
  ].join('\n');
  const rows = lint('template.yaml', text);
  assert.deepEqual(where(rows), ['3:5 schema', '8:5 schema', '11:35 prevent-user-existence-errors']);
  assert.match(rows[0]!.message, /^"Tpye" is not a resource attribute; did you mean "Type"\?/);
  assert.match(rows[1]!.message, /^"DependOn" is not a resource attribute of AWS::Cognito::UserPoolClient; did you mean "DependsOn"\? Rename it\.$/);
});

test('plan JSON: 0, "", [] and {} written by the provider for unset arguments are not values', () => {
  const after = {
    name: 'web',
    user_pool_id: 'eu-west-1_abc',
    prevent_user_existence_errors: 'ENABLED',
    access_token_validity: 0,
    id_token_validity: 0,
    refresh_token_validity: 0,
    auth_session_validity: 0,
    default_redirect_uri: '',
    callback_urls: [],
    logout_urls: [],
    allowed_oauth_flows: [],
    allowed_oauth_scopes: [],
    allowed_oauth_flows_user_pool_client: false,
    explicit_auth_flows: [],
    token_validity_units: [{ access_token: '', id_token: '', refresh_token: '' }],
    refresh_token_rotation: [],
    analytics_configuration: [],
  };
  const plan = { format_version: '1.2', resource_changes: [{ address: 'aws_cognito_user_pool_client.web', mode: 'managed', type: 'aws_cognito_user_pool_client', name: 'web', change: { actions: ['update'], after } }] };
  assert.deepEqual(where(lint('plan.json', JSON.stringify(plan, null, 2))), []);
  // A real value next to the placeholders is still judged.
  const real = { ...plan, resource_changes: [{ ...plan.resource_changes[0]!, change: { actions: ['update'], after: { ...after, access_token_validity: 48 } } }] };
  assert.deepEqual(where(lint('plan.json', JSON.stringify(real, null, 2))), ['17:36 token-lifetime-policy', '17:36 token-validity-range']);
});

test('aws_cognito_managed_user_pool_client is a client: name_prefix is its own argument, messages name its type', () => {
  const text = [
    'resource "aws_cognito_managed_user_pool_client" "search" {',
    '  name_prefix   = "AmazonOpenSearchService-example"',
    '  user_pool_id  = "us-east-1_AbCdEfGhI"',
    '  callback_url  = ["https://search.acme-corp.com/"]',
    '}',
    '',
  ].join('\n');
  const rows = lint('main.tf', text);
  assert.deepEqual(where(rows), ['1:49 prevent-user-existence-errors', '4:3 schema']);
  assert.equal(rows[1]!.message, '"callback_url" is not a member of aws_cognito_managed_user_pool_client; did you mean "callback_urls"? Rename it.');
});

test('OpenTofu: .tofu files are walked, and x.tofu replaces x.tf in a module directory', async () => {
  const root = project({
    'infra/main.tofu': ['resource "aws_cognito_user_pool_client" "web" {', '  name = "web"', '  user_pool_id = "us-east-1_AbCdEfGhI"', '  prevent_user_existence_errors = var.mode', '}', ''].join('\n'),
    // OpenTofu reads variables.tofu, not variables.tf: the default that counts is LEGACY.
    'infra/variables.tofu': 'variable "mode" {\n  default = "LEGACY"\n}\n',
    'infra/variables.tf': 'variable "mode" {\n  default = "ENABLED"\n}\n',
  });
  const run = await runCli(['.', '--format', 'json'], root);
  const results = (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; file: string; message: string }> }).results;
  assert.deepEqual(
    results.map((result) => `${result.file} ${result.ruleId}`),
    ['infra/main.tofu prevent-user-existence-errors'],
  );
  assert.match(results[0]!.message, /default of variable "mode"/);
});

test('OpenTofu: x.tofu.json replaces x.tf.json in a module directory too', async () => {
  const root = project({
    'infra/main.tofu': ['resource "aws_cognito_user_pool_client" "web" {', '  name = "web"', '  user_pool_id = "us-east-1_AbCdEfGhI"', '  prevent_user_existence_errors = var.mode', '}', ''].join('\n'),
    'infra/variables.tofu.json': JSON.stringify({ variable: { mode: { default: 'LEGACY' } } }),
    'infra/variables.tf.json': JSON.stringify({ variable: { mode: { default: 'ENABLED' } } }),
  });
  const run = await runCli(['infra/main.tofu', '--format', 'json'], root);
  const results = (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; message: string }> }).results;
  assert.deepEqual(results.map((result) => result.ruleId), ['prevent-user-existence-errors']);
  assert.match(results[0]!.message, /is "LEGACY".*default of variable "mode"/);
});
