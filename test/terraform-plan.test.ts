// Terraform plan JSON (`terraform show -json plan.out`): clients from resource_changes[].change.after
// and, without double reporting, planned_values; positions at the JSON values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../src/source';
import { loadFile, mayHoldClient } from '../src/load-file';
import { evaluate } from '../src/evaluate';
import { loadAllRules } from '../rules';
import { settingsForPreset } from '../src/config';
import { toRow } from './helpers';

const after = {
  access_token_validity: 48,
  allowed_oauth_flows: ['code', 'implicit'],
  allowed_oauth_flows_user_pool_client: true,
  allowed_oauth_scopes: ['openid', 'orders/read', 'orders/write'],
  analytics_configuration: [],
  callback_urls: ['https://app.mycompany.com/cb'],
  default_redirect_uri: null,
  enable_token_revocation: true,
  explicit_auth_flows: ['ALLOW_USER_SRP_AUTH'],
  generate_secret: null,
  name: 'web',
  refresh_token_rotation: [],
  refresh_token_validity: 30,
  region: 'eu-west-1',
  supported_identity_providers: ['COGNITO'],
  timeouts: null,
  token_validity_units: [{ access_token: 'hours', id_token: null, refresh_token: 'days' }],
  user_pool_id: 'eu-west-1_abc',
};
const plan = {
  format_version: '1.2',
  terraform_version: '1.9.5',
  planned_values: {
    root_module: {
      resources: [{ address: 'aws_cognito_user_pool_client.web', mode: 'managed', type: 'aws_cognito_user_pool_client', name: 'web', values: after }],
      child_modules: [
        {
          address: 'module.m',
          resources: [{ address: 'module.m.aws_cognito_user_pool_client.this', mode: 'managed', type: 'aws_cognito_user_pool_client', name: 'this', values: { name: 'm', user_pool_id: 'eu-west-1_abc' } }],
        },
      ],
    },
  },
  resource_changes: [
    {
      address: 'aws_cognito_resource_server.orders',
      mode: 'managed',
      type: 'aws_cognito_resource_server',
      name: 'orders',
      change: { actions: ['create'], before: null, after: { identifier: 'orders', name: 'Orders', scope: [{ scope_name: 'read', scope_description: 'Read' }], user_pool_id: 'eu-west-1_abc' }, after_unknown: { id: true } },
    },
    {
      address: 'aws_cognito_user_pool_client.web',
      mode: 'managed',
      type: 'aws_cognito_user_pool_client',
      name: 'web',
      change: { actions: ['create'], before: null, after, after_unknown: { id: true, client_secret: true, prevent_user_existence_errors: true, id_token_validity: true } },
    },
    {
      address: 'aws_cognito_user_pool_client.old',
      mode: 'managed',
      type: 'aws_cognito_user_pool_client',
      name: 'old',
      change: { actions: ['delete'], before: { name: 'old', allowed_oauth_flows: ['implicit'] }, after: null },
    },
  ],
};
const TEXT = JSON.stringify(plan, null, 2);

function rows(ruleId: string): Array<ReturnType<typeof toRow>> {
  const rules = loadAllRules();
  const loaded = loadFile(new SourceFile('plan.json', TEXT));
  return evaluate([loaded], rules, settingsForPreset(rules, 'recommended'))
    .filter((f) => f.ruleId === ruleId)
    .map(toRow);
}
const position = (row: ReturnType<typeof toRow>): string => `${row.line}:${row.column}-${row.endLine}:${row.endColumn}`;

test('plan JSON is recognised and read: clients from resource_changes, then planned_values only for the rest', () => {
  assert.equal(mayHoldClient(TEXT, 'plan.json'), true);
  const loaded = loadFile(new SourceFile('plan.json', TEXT));
  assert.deepEqual(
    loaded.clients.map((c) => [c.name, c.kind]),
    [
      ['aws_cognito_user_pool_client.web', 'terraform'],
      ['module.m.aws_cognito_user_pool_client.this', 'terraform'],
    ],
  );
  const web = loaded.clients[0]!;
  assert.deepEqual([...web.properties.members.keys()].sort(), [
    'AccessTokenValidity',
    'AllowedOAuthFlows',
    'AllowedOAuthFlowsUserPoolClient',
    'AllowedOAuthScopes',
    'CallbackURLs',
    'ClientName',
    'EnableTokenRevocation',
    'ExplicitAuthFlows',
    'IdTokenValidity',
    'PreventUserExistenceErrors',
    'RefreshTokenValidity',
    'SupportedIdentityProviders',
    'TokenValidityUnits',
    'UserPoolId',
  ]);
  // Known only after apply: present but unknown; nested blocks are the one object of their list.
  assert.equal(web.properties.members.get('PreventUserExistenceErrors')!.value.kind, 'unknown');
  const units = web.properties.members.get('TokenValidityUnits')!.value;
  assert.ok(units.kind === 'object');
  assert.deepEqual([...units.members.keys()], ['AccessToken', 'RefreshToken']);
});

test('plan JSON: positions at the values; a value known only after apply is never reported', () => {
  assert.deepEqual(rows('no-implicit-flow').map(position), ['113:13-113:23']);
  assert.deepEqual(rows('token-validity-range').map(position), ['110:36-110:38']);
  // Reported once although planned_values repeats the client; the deleted client is not checked.
  assert.equal(rows('no-implicit-flow').length, 1);
  // web: unknown after apply; module.m (planned_values only): missing, at its address.
  assert.deepEqual(rows('prevent-user-existence-errors').map(position), ['58:26-58:70']);
  // Resource servers of the plan, matched by the pool id's value.
  assert.deepEqual(rows('scope-defined').map(position), ['119:13-119:27']);
});

test('a JSON file with format_version but no plan keys is not a plan', () => {
  const loaded = loadFile(new SourceFile('x.json', JSON.stringify({ format_version: '1.0', values: {} })));
  assert.deepEqual(loaded.clients, []);
});
