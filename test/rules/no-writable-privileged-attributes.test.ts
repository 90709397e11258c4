import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { DEFAULT_PATTERNS, matchingPattern, wordStarts } from '../../rules/no-writable-privileged-attributes';
import { ruleTester } from '../rule-tester';
import { CFN, CLIENT_YAML, serverless } from './fixture-parts';

const ID = 'no-writable-privileged-attributes';

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

const LEVELS = { WriteAttributes: ['custom:tenant_id', 'custom:accessLevel', 'custom:clearance'] };

/** Opening lines shared by 2 of the fixtures below. */
const PARAMETERS = `Parameters:
  WriteAttributes:
    Type: CommaDelimitedList
    Default: "email, custom:plan"
Conditions:
  Admin: !Equals [!Ref Env, admin]
Resources:
`;

ruleTester(ID, {
  valid: [
    { name: 'absent: the default write set has no custom attributes', client: {} },
    { name: 'standard attributes are not judged', client: { WriteAttributes: ['email', 'name', 'preferred_username'] } },
    { name: 'harmless custom attributes', client: { WriteAttributes: ['custom:favorite_color', 'custom:storage_quota', 'custom:nickname'] } },
    { name: 'only readable', client: { ReadAttributes: ['custom:role'] } },
    { name: 'the custom: prefix is required', client: { WriteAttributes: ['role'] } },
    { name: 'patterns option: none', client: LEVELS, options: { patterns: [] } },
  ],
  invalid: [
    { name: 'custom:tenant_id', client: { WriteAttributes: ['email', 'custom:tenant_id'] }, errors: [{ at: 'WriteAttributes[1]' }] },
    {
      name: 'several: one finding each',
      client: { WriteAttributes: ['custom:userRole', 'custom:bio', 'custom:isAdmin'] },
      errors: [
        {
          at: 'WriteAttributes[0]',
          message: {
            api: 'WriteAttributes includes "custom:userRole", whose name suggests authorization ("role"), so users can change it themselves with UpdateUserAttributes and grant themselves access wherever it is used for authorization; expected authorization attributes to be read-only for the app client. Remove it from WriteAttributes and set it from a trusted backend with AdminUpdateUserAttributes.',
          },
        },
        { at: 'WriteAttributes[2]' },
      ],
    },
    { name: 'custom:tenantId among others', client: { WriteAttributes: ['custom:favoritePizza', 'custom:tenantId', 'email'] }, errors: [{ at: 'WriteAttributes[1]' }] },
    { name: 'custom:groups', client: { WriteAttributes: ['custom:groups'] }, errors: [{ at: 'WriteAttributes[0]' }] },
    { name: 'custom:permissions', client: { WriteAttributes: ['email', 'custom:permissions'] }, errors: [{ at: 'WriteAttributes[1]' }] },
    { name: 'patterns option: defaults', client: LEVELS, errors: [{ at: 'WriteAttributes[0]' }] },
    { name: 'patterns option: replaces the defaults, case-insensitive', client: LEVELS, options: { patterns: ['access', 'CLEARANCE'] }, errors: [{ at: 'WriteAttributes[1]' }, { at: 'WriteAttributes[2]' }] },
    // The options schema rejects a string: the defaults apply.
    { name: 'patterns option: invalid falls back to the defaults', client: LEVELS, options: { patterns: 'tenant' }, errors: [{ at: 'WriteAttributes[0]' }] },
  ],
  fixtures: [
    {
      name: 'a known beginning is enough: custom:org_${Suffix}',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: [!Sub "custom:org_\${Suffix}"]
                        ^~~~~~~~~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /^WriteAttributes includes "custom:org_…", whose name suggests authorization \("org"\)/ }],
    },
    {
      name: 'an unknown rest is not judged: custom:${Name}',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: [!Sub "custom:\${Name}"]
`,
    },
    {
      name: 'unknown list',
      path: 'template.yaml',
      text: `${CFN}      WriteAttributes: !GetAtt Cfg.Attributes
`,
    },
    {
      name: 'CommaDelimitedList Parameter default',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      WriteAttributes: !Ref WriteAttributes
                       ^~~~~~~~~~~~~~~~~~~~ a
`,
      errors: [{ at: 'a', message: /^WriteAttributes includes "custom:plan".*\(the value comes from the default of Parameter "WriteAttributes"\)$/ }],
    },
    {
      name: 'CommaDelimitedList Parameter without default',
      path: 't.yaml',
      text: `Parameters:
  WriteAttributes:
    Type: CommaDelimitedList
Conditions:
  Admin: !Equals [!Ref Env, admin]
Resources:
${CLIENT_YAML}      WriteAttributes: !Ref WriteAttributes
`,
    },
    {
      name: 'Fn::If branch',
      path: 't.yaml',
      text: `${PARAMETERS}${CLIENT_YAML}      WriteAttributes: [email, !If [Admin, custom:admin_level, custom:theme]]
                                           ^~~~~~~~~~~~~~~~~~
`,
    },
    {
      name: 'api update request',
      path: 'update.json',
      text: `{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "WriteAttributes": ["custom:groups"]}
                                                                       ^~~~~~~~~~~~~~~`,
    },
    {
      name: 'serverless.yml: a ${self:custom} variable stays silent',
      path: 'serverless.yml',
      text: `${serverless('web')}        WriteAttributes:
          - \${self:custom.roleAttribute}
`,
    },
    {
      name: 'serverless.yml: a literal item',
      path: 'serverless.yml',
      text: `${serverless('web')}        WriteAttributes:
          - custom:role
            ^~~~~~~~~~~
`,
    },
  ],
});
