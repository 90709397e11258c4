import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { DEFAULT_PATTERNS, matchingPattern, wordStarts } from '../../rules/no-writable-privileged-attributes';
import { positions, runRule } from '../helpers';

const ID = 'no-writable-privileged-attributes';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('metadata and options', () => {
  const { meta } = loadRule(ID);
  assert.equal(meta.category, 'security');
  assert.equal(meta.defaultSeverity, 'warning');
  assert.deepEqual(meta.defaultOptions, { patterns: ['role', 'group', 'tenant', 'admin', 'permission', 'scope', 'plan', 'org'] });
});

test('word starts', () => {
  assert.deepEqual(wordStarts('tenant_id'), [0, 7]);
  assert.deepEqual(wordStarts('userRole'), [0, 4]);
  assert.deepEqual(wordStarts('XMLRole'), [0, 3]);
  assert.deepEqual(wordStarts('v2Role'), [0, 2]);
  assert.deepEqual(wordStarts('is-admin.flag'), [0, 3, 9]);
  assert.deepEqual(wordStarts('storage'), [0]);
});

test('pattern matching: at the start of a word part, case-insensitive', () => {
  const cases: Array<[string, string | undefined]> = [
    ['tenant_id', 'tenant'],
    ['tenantId', 'tenant'],
    ['TenantID', 'tenant'],
    ['tenantid', 'tenant'],
    ['userRole', 'role'],
    ['user_role', 'role'],
    ['roles', 'role'],
    ['isAdmin', 'admin'],
    ['administrator', 'admin'],
    ['ADMIN', 'admin'],
    ['organization', 'org'],
    ['orgId', 'org'],
    ['parent-org', 'org'],
    ['cognitoGroups', 'group'],
    ['permissions', 'permission'],
    ['api.scope', 'scope'],
    ['subscription_plan', 'plan'],
    ['pricingPlan', 'plan'],
    ['storage', undefined],
    ['userrole', undefined],
    ['isadmin', undefined],
    ['favorite_color', undefined],
    ['nickname', undefined],
    ['explanation', undefined],
    ['george', undefined],
  ];
  for (const [name, expected] of cases) assert.equal(matchingPattern(name, DEFAULT_PATTERNS), expected, name);
});

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['absent: the default write set has no custom attributes', [], []],
    ['standard attributes are not judged', ['WriteAttributes: [email, name, preferred_username]'], []],
    ['harmless custom attributes', ['WriteAttributes: [custom:favorite_color, custom:storage_quota, custom:nickname]'], []],
    ['custom:tenant_id', ['WriteAttributes:', '  - email', '  - custom:tenant_id'], [at(8, 11, 8, 27)]],
    ['several, flow style', ['WriteAttributes: [custom:userRole, custom:bio, custom:isAdmin]'], [at(6, 25, 6, 40), at(6, 54, 6, 68)]],
    ['only readable', ['ReadAttributes: [custom:role]'], []],
    ['the custom: prefix is required', ['WriteAttributes: [role]'], []],
    ['a known beginning is enough: custom:org_${Suffix}', ['WriteAttributes: [!Sub "custom:org_${Suffix}"]'], [at(6, 25, 6, 52)]],
    ['an unknown rest is not judged: custom:${Name}', ['WriteAttributes: [!Sub "custom:${Name}"]'], []],
    ['unknown list', ['WriteAttributes: !GetAtt Cfg.Attributes'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('patterns option', () => {
  const text = cfn('WriteAttributes: [custom:tenant_id, custom:accessLevel, custom:clearance]');
  assert.deepEqual(positions(ID, 't.yaml', text), [at(6, 25, 6, 41)]);
  assert.deepEqual(positions(ID, 't.yaml', text, { patterns: ['access', 'CLEARANCE'] }), [at(6, 43, 6, 61), at(6, 63, 6, 79)]);
  assert.deepEqual(positions(ID, 't.yaml', text, { patterns: [] }), []);
  // An invalid option (the options schema rejects it) falls back to the defaults.
  assert.deepEqual(positions(ID, 't.yaml', text, { patterns: 'tenant' }), [at(6, 25, 6, 41)]);
});

test('messages', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn('WriteAttributes: [custom:userRole]'))[0]!.message,
    'WriteAttributes includes "custom:userRole", whose name suggests authorization ("role"), so users can change it themselves with UpdateUserAttributes and grant themselves access; expected authorization attributes to be read-only for the app client. Remove it from WriteAttributes and set it from a trusted backend with AdminUpdateUserAttributes.',
  );
  assert.match(runRule(ID, 't.yaml', cfn('WriteAttributes: [!Sub "custom:org_${Suffix}"]'))[0]!.message, /^WriteAttributes includes "custom:org_…", whose name suggests authorization \("org"\)/);
});

test('CommaDelimitedList Parameter default and Fn::If', () => {
  const text = [
    'Parameters:',
    '  WriteAttributes:',
    '    Type: CommaDelimitedList',
    '    Default: "email, custom:plan"',
    'Conditions:',
    '  Admin: !Equals [!Ref Env, admin]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      WriteAttributes: !Ref WriteAttributes',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(11, 24, 11, 44)]);
  assert.match(rows[0]!.message, /^WriteAttributes includes "custom:plan".*\(the value comes from the default of Parameter "WriteAttributes"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: "email, custom:plan"\n', '')), []);
  const branches = text.replace('!Ref WriteAttributes', '[email, !If [Admin, custom:admin_level, custom:theme]]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(11, 44, 11, 62)]);
});

test('cloudformation json (CDK withCustomAttributes)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "WriteAttributes": [
     "custom:favoritePizza",
     "custom:tenantId",
     "email"
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(9, 6, 9, 23)]);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "WriteAttributes": ["custom:groups"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 74, 1, 89)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "WriteAttributes": ["custom:groups"]}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 72, 1, 87)]);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "WriteAttributes": ["email", "custom:permissions"]\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), [at(4, 34, 4, 54)]);
});

test('serverless.yml: a ${self:custom} variable stays silent', () => {
  const text = [
    'service: web',
    'resources:',
    '  Resources:',
    '    Client:',
    '      Type: AWS::Cognito::UserPoolClient',
    '      Properties:',
    '        UserPoolId: !Ref Pool',
    '        WriteAttributes:',
    '          - ${self:custom.roleAttribute}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.roleAttribute}', 'custom:role')), [at(9, 13, 9, 24)]);
});
