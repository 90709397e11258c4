// Terraform's JSON syntax (`*.tf.json`, CDK for Terraform's `cdk.tf.json`, `*.tofu.json`): the same
// clients, variables, locals and modules as HCL, with `${...}` strings folded like HCL templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../src/lint';
import { EffectiveConfig } from '../src/config';
import { loadAllRules } from '../rules';
import { project } from './fixtures';

const rules = loadAllRules();

async function findings(files: Record<string, string>): Promise<string[]> {
  const root = project(files);
  const run = await lint({ cwd: root, paths: ['.'], rules, config: new EffectiveConfig(rules, { preset: 'recommended' }, root), today: '2026-12-01' });
  return run.findings.map((finding) => `${finding.file.path} ${finding.region.start.line}:${finding.region.start.column}-${finding.region.end.line}:${finding.region.end.column} ${finding.ruleId}`);
}

const client = (body: Record<string, unknown>): string => JSON.stringify({ resource: { aws_cognito_user_pool_client: { web: { name: 'web', user_pool_id: 'us-east-1_AbCdEfGhI', prevent_user_existence_errors: 'ENABLED', ...body } } } }, null, 2);

test('a client in .tf.json is read, with positions at the JSON values', async () => {
  const text = client({ callback_urls: ['https://app.acme-corp.com/cb', 'http://app.acme-corp.com/cb'], allowed_oauth_flows_user_pool_client: true, allowed_oauth_flows: ['code'], allowed_oauth_scopes: ['openid'] });
  // Line 10 holds the second URL, indented by 10: the string, quotes included, is columns 11 to 39.
  assert.deepEqual(await findings({ 'main.tf.json': text }), ['main.tf.json 10:11-10:40 redirect-uri-https']);
});

test('"${var.x}" alone is the variable\'s value (a list here), reported at the reference; an unknown host stays silent', async () => {
  const text = client({ explicit_auth_flows: '${var.flows}', callback_urls: ['http://${var.host}/cb'], allowed_oauth_flows_user_pool_client: true, allowed_oauth_flows: ['code'], allowed_oauth_scopes: ['openid'] });
  const variables = JSON.stringify({ variable: { flows: { default: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }, host: {} } }, null, 2);
  // `http://${var.host}/cb`: the host could be localhost, so nothing is certain about it.
  assert.deepEqual(await findings({ 'main.tf.json': text, 'variables.tf.json': variables }), ['main.tf.json 8:35-8:44 no-password-auth-flow']);
});

test('a directory may mix .tf and .tf.json; a variable default in JSON is literal, never a template', async () => {
  const text = client({ default_redirect_uri: '${var.home}', callback_urls: ['https://app.acme-corp.com/cb'], allowed_oauth_flows_user_pool_client: true, allowed_oauth_flows: ['code'], allowed_oauth_scopes: ['openid'] });
  const variables = 'variable "home" {\n  default = "https://app.acme-corp.com/home"\n}\n';
  assert.deepEqual(await findings({ 'main.tf.json': text, 'variables.tf': variables }), ['main.tf.json 8:36-8:44 default-redirect-uri-in-callbacks']);
  const literal = JSON.stringify({ variable: { home: { default: '${not.an.expression}' } } });
  const withLiteral = await findings({ 'main.tf.json': text, 'variables.tf.json': literal });
  assert.deepEqual(withLiteral, ['main.tf.json 8:36-8:44 default-redirect-uri-in-callbacks', 'main.tf.json 8:36-8:44 redirect-uri-absolute']);
});

test('nested blocks are objects or lists of objects; "//" keys are comments; CDKTF layout', async () => {
  const text = JSON.stringify(
    {
      '//': { metadata: { stackName: 'auth' } },
      resource: {
        aws_cognito_user_pool_client: {
          web_client_4F2A1B3C: { '//': { metadata: { path: 'auth/web' } }, name: 'web', user_pool_id: '${aws_cognito_user_pool.pool.id}', prevent_user_existence_errors: 'ENABLED', token_validity_units: { access_token: 'days' }, access_token_validity: 2 },
          other: [{ name: 'other', user_pool_id: 'us-east-1_AbCdEfGhI', prevent_user_existence_errors: 'ENABLED', refresh_token_rotation: [{ feature: 'ENABLED', retry_grace_period_seconds: 300 }] }],
        },
      },
    },
    null,
    1,
  );
  const rows = await findings({ 'cdk.tf.json': text });
  assert.deepEqual(
    rows.map((row) => row.replace(/ \d+:\d+-\d+:\d+ /, ' ')),
    ['cdk.tf.json token-lifetime-policy', 'cdk.tf.json token-validity-range', 'cdk.tf.json refresh-rotation-conflict', 'cdk.tf.json token-validity-range'],
  );
});

test('invalid JSON in a .tf.json file is a parse-error at the error', async () => {
  const rows = await findings({ 'main.tf.json': '{ "resource": { "aws_cognito_user_pool_client": { "web": { "name": "web", } } } }' });
  assert.equal(rows.length, 1);
  assert.match(rows[0]!, /^main\.tf\.json 1:\d+-1:\d+ parse-error$/);
});
