import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'scope-defined';
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

const SERVER = [
  'Resources:',
  '  Pool:',
  '    Type: AWS::Cognito::UserPool',
  '  Api:',
  '    Type: AWS::Cognito::UserPoolResourceServer',
  '    Properties:',
  '      UserPoolId: !Ref Pool',
  '      Identifier: orders',
  '      Name: Orders API',
  '      Scopes:',
  '        - ScopeName: read',
  '          ScopeDescription: Read orders',
  '        - ScopeName: write',
  '          ScopeDescription: Write orders',
];
/** A template with the `orders` resource server of Pool (lines 1-14) and a client whose properties start on line 18. */
const template = (...props: string[]): string =>
  [...SERVER, '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', ...props.map((prop) => `      ${prop}`), ''].join('\n');

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['undefined scope name', ['UserPoolId: !Ref Pool', 'AllowedOAuthScopes: [orders/read, orders/delete, openid]'], [at(19, 41, 19, 54)]],
    ['undefined identifier, block list', ['UserPoolId: !Ref Pool', 'AllowedOAuthScopes:', '  - order/read', '  - orders/write'], [at(20, 11, 20, 21)]],
    ['all defined', ['UserPoolId: !Ref Pool', 'AllowedOAuthScopes: [orders/read, orders/write, openid, aws.cognito.signin.user.admin]'], []],
    ['same pool written in long form', ['UserPoolId: {Ref: Pool}', 'AllowedOAuthScopes: [orders/admin]'], [at(19, 28, 19, 40)]],
    ['client of another pool: unknown', ['UserPoolId: !Ref OtherPool', 'AllowedOAuthScopes: [orders/admin]'], []],
    ['client without UserPoolId: unknown', ['AllowedOAuthScopes: [orders/admin]'], []],
    ['scope partly unknown', ['UserPoolId: !Ref Pool', 'AllowedOAuthScopes: [!Sub "${Prefix}/admin", !Sub "orders/${Name}"]'], []],
    ['whole list unknown', ['UserPoolId: !Ref Pool', 'AllowedOAuthScopes: !GetAtt Cfg.Scopes'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', template(...props)), expected, name);
});

test('message lists the defined scopes', () => {
  const [row] = runRule(ID, 't.yaml', template('UserPoolId: !Ref Pool', 'AllowedOAuthScopes: [orders/delete]'));
  assert.equal(
    row!.message,
    'AllowedOAuthScopes has "orders/delete", which no resource server of this user pool in the file defines (defined: orders/read, orders/write); Cognito rejects it with ScopeDoesNotExistException. Add the scope to the resource server\'s Scopes, or correct the name.',
  );
});

test('servers: several for the pool, one without scopes, unknown ones', () => {
  const second = ['  Billing:', '    Type: AWS::Cognito::UserPoolResourceServer', '    Properties:', '      UserPoolId: !Ref Pool', '      Identifier: billing', '      Name: Billing'];
  const withBilling = (scopes: string[], ...extra: string[]): string =>
    [...SERVER, ...second, ...extra, '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', `      AllowedOAuthScopes: [${scopes.join(', ')}]`, ''].join('\n');
  // Billing has no Scopes: it defines none, so billing/charge is undefined (line 25 holds the client scopes).
  assert.deepEqual(positions(ID, 't.yaml', withBilling(['orders/read', 'billing/charge'])), [at(25, 41, 25, 55)]);
  const withScopes = withBilling(['orders/read', 'billing/charge'], '      Scopes:', '        - {ScopeName: charge, ScopeDescription: Charge}');
  assert.deepEqual(positions(ID, 't.yaml', withScopes), []);
  // A server of the pool whose identifier or scope name is not known: anything may be defined.
  const unknownName = withBilling(['billing/refund'], '      Scopes:', '        - ScopeName: !Ref ScopeName');
  assert.deepEqual(positions(ID, 't.yaml', unknownName), []);
  const conditional = withBilling(['billing/refund'], '      Scopes:', '        - ScopeName: !If [Prod, charge, refund]');
  assert.deepEqual(positions(ID, 't.yaml', conditional), []);
  const unknownIdentifier = withBilling(['billing/refund']).replace('Identifier: billing', 'Identifier: !ImportValue BillingId');
  assert.deepEqual(positions(ID, 't.yaml', unknownIdentifier), []);
});

test('no resource server in the file: unknown', () => {
  const text = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      AllowedOAuthScopes: [orders/delete]', ''].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', text), []);
});

test('Parameter defaults and Fn::If', () => {
  const text = [
    'Parameters:',
    '  Scope:',
    '    Type: String',
    '    Default: orders/admin',
    'Conditions:',
    '  Admin: !Equals [!Ref Role, admin]',
    ...SERVER,
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      UserPoolId: !Ref Pool',
    '      AllowedOAuthScopes: [!Ref Scope]',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(25, 28, 25, 38)]);
  assert.match(rows[0]!.message, /"orders\/admin".*\(the value comes from the default of Parameter "Scope"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('[!Ref Scope]', '[!If [Admin, orders/admin, orders/read]]')), [at(25, 40, 25, 52)]);
  // A server identifier from a Parameter default is known too.
  const identifier = text.replace('      Identifier: orders', '      Identifier: !Ref Scope').replace('[!Ref Scope]', '[orders/admin/read]');
  assert.deepEqual(positions(ID, 't.yaml', identifier), []);
  assert.deepEqual(positions(ID, 't.yaml', identifier.replace('[orders/admin/read]', '[orders/admin/delete]')), [at(25, 28, 25, 47)]);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "Pool": { "Type": "AWS::Cognito::UserPool" },
  "PoolOrders": {
   "Type": "AWS::Cognito::UserPoolResourceServer",
   "Properties": {
    "Identifier": "orders",
    "Name": "orders",
    "Scopes": [{ "ScopeDescription": "Read", "ScopeName": "read" }],
    "UserPoolId": { "Ref": "Pool" }
   }
  },
  "PoolClient": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "AllowedOAuthFlows": ["client_credentials"],
    "AllowedOAuthFlowsUserPoolClient": true,
    "AllowedOAuthScopes": [
     { "Fn::Join": ["", [{ "Ref": "PoolOrders" }, "/write"]] },
     "orders/write"
    ],
    "GenerateSecret": true,
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  // CDK's OAuthScope.resourceServer() is a Join on a Ref: not known. The literal string is.
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(20, 6, 20, 20)]);
});

test('api requests and describe output have no resource servers: silent', () => {
  assert.deepEqual(positions(ID, 'create.json', '{"UserPoolId": "us-east-1_abc", "ClientName": "m2m", "AllowedOAuthScopes": ["orders/delete"]}'), []);
  assert.deepEqual(positions(ID, 'update.json', '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "AllowedOAuthScopes": ["orders/delete"]}'), []);
  assert.deepEqual(positions(ID, 'describe.json', '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "AllowedOAuthScopes": ["orders/delete"]}}'), []);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: orders',
    'resources:',
    '  Resources:',
    '    Api:',
    '      Type: AWS::Cognito::UserPoolResourceServer',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        Identifier: orders',
    '        Name: Orders',
    '        Scopes: [{ScopeName: read, ScopeDescription: Read}]',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        AllowedOAuthScopes: [orders/read, "${self:custom.extraScope}"]',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('"${self:custom.extraScope}"', 'orders/write')), [at(15, 43, 15, 55)]);
});
