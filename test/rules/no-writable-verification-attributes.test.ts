import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'no-writable-verification-attributes';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6, column 7. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('metadata', () => {
  assert.equal(loadRule(ID).meta.category, 'security');
  assert.equal(loadRule(ID).meta.defaultSeverity, 'error');
});

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['absent: the default write set has no verification attributes', [], []],
    ['ordinary attributes', ['WriteAttributes: [email, phone_number, name, custom:nickname]'], []],
    ['in ReadAttributes only', ['ReadAttributes: [email, email_verified, phone_number_verified]'], []],
    ['email_verified: at the item', ['WriteAttributes:', '  - email', '  - email_verified'], [at(8, 11, 8, 25)]],
    ['both, flow style', ['WriteAttributes: [phone_number_verified, email, email_verified]'], [at(6, 25, 6, 46), at(6, 55, 6, 69)]],
    ['names are case-sensitive in Cognito', ['WriteAttributes: [Email_Verified]'], []],
    ['unknown item is skipped, the known one reported', ['WriteAttributes: [!Ref Attr, email_verified]'], [at(6, 36, 6, 50)]],
    ['whole list unknown', ['WriteAttributes: !GetAtt Cfg.Attributes'], []],
    ['item removed by AWS::NoValue', ['WriteAttributes: [email, !Ref AWS::NoValue]'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('messages', () => {
  const rows = runRule(ID, 't.yaml', cfn('WriteAttributes: [email_verified, phone_number_verified]'));
  assert.deepEqual(
    rows.map((row) => row.message),
    [
      'WriteAttributes includes "email_verified", so users can mark their own email address as verified without proving they own it; expected email_verified to be read-only. Remove email_verified from WriteAttributes and let Cognito set it when the user confirms a code.',
      'WriteAttributes includes "phone_number_verified", so users can mark their own phone number as verified without proving they own it; expected phone_number_verified to be read-only. Remove phone_number_verified from WriteAttributes and let Cognito set it when the user confirms a code.',
    ],
  );
});

test('CommaDelimitedList Parameter default and Fn::If', () => {
  const text = [
    'Parameters:',
    '  WriteAttributes:',
    '    Type: CommaDelimitedList',
    '    Default: "email,email_verified"',
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
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "WriteAttributes"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: "email,email_verified"\n', '')), []);
  const branches = text.replace('!Ref WriteAttributes', '[email, !If [Admin, phone_number_verified, !Ref AWS::NoValue]]');
  assert.deepEqual(positions(ID, 't.yaml', branches), [at(11, 44, 11, 65)]);
});

test('cloudformation json (CDK synth writeAttributes)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool" },
    "WriteAttributes": [
     "email",
     "email_verified",
     "name"
    ]
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(9, 6, 9, 22)]);
});

test('api create, update and describe', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "WriteAttributes": ["email", "phone_number_verified"]}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 83, 1, 106)]);
  const update = '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "WriteAttributes": ["email_verified"]}';
  assert.deepEqual(positions(ID, 'update.json', update), [at(1, 72, 1, 88)]);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "WriteAttributes": ["email", "email_verified"]\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), [at(4, 34, 4, 50)]);
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
    '          - email',
    '          - ${self:custom.verifiedAttribute}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.verifiedAttribute}', 'email_verified')), [at(10, 13, 10, 27)]);
});
