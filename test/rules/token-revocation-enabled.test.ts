import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'token-revocation-enabled';
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
    ['absent: the API default is true', [], []],
    ['true', ['EnableTokenRevocation: true'], []],
    ['false: at the value', ['EnableTokenRevocation: false'], [at(6, 30, 6, 35)]],
    ['"false" string (CloudFormation accepts it)', ['EnableTokenRevocation: "false"'], [at(6, 30, 6, 37)]],
    ['FALSE string', ['EnableTokenRevocation: FALSE'], [at(6, 30, 6, 35)]],
    ['Ref without Default', ['EnableTokenRevocation: !Ref Revocation'], []],
    ['GetAtt', ['EnableTokenRevocation: !GetAtt Cfg.Revocation'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message', () => {
  assert.equal(
    runRule(ID, 't.yaml', cfn('EnableTokenRevocation: false'))[0]!.message,
    'EnableTokenRevocation is false, so refresh tokens from this client cannot be revoked and a stolen one stays valid until it expires; expected true. Set EnableTokenRevocation to true, or remove it (the default is true).',
  );
});

test('Parameter default and Fn::If', () => {
  const text = [
    'Parameters:',
    '  Revocation:',
    '    Type: String',
    '    AllowedValues: ["true", "false"]',
    '    Default: "false"',
    'Conditions:',
    '  Prod: !Equals [!Ref Env, prod]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      EnableTokenRevocation: !Ref Revocation',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(12, 30, 12, 45)]);
  assert.match(rows[0]!.message, /\(the value comes from the default of Parameter "Revocation"\)$/);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('    Default: "false"\n', '')), []);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('!Ref Revocation', '!If [Prod, true, false]')), [at(12, 47, 12, 52)]);
  assert.deepEqual(positions(ID, 't.yaml', text.replace('!Ref Revocation', '!If [Prod, false, !Ref AWS::NoValue]')), [at(12, 41, 12, 46)]);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "WebClient1A2B3C4D": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "EnableTokenRevocation": false,
    "UserPoolId": { "Ref": "Pool" }
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(6, 30, 6, 35)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('false', 'true')), []);
});

test('api create, update and describe', () => {
  assert.deepEqual(positions(ID, 'create.json', '{"UserPoolId": "us-east-1_abc", "ClientName": "web"}'), []);
  assert.deepEqual(positions(ID, 'create.json', '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "EnableTokenRevocation": false}'), [at(1, 79, 1, 84)]);
  assert.deepEqual(positions(ID, 'update.json', '{"UserPoolId": "us-east-1_abc", "ClientId": "abc", "EnableTokenRevocation": false}'), [at(1, 77, 1, 82)]);
  // The API takes a real boolean: the string "false" is the schema rule's type error, not a known false.
  assert.deepEqual(positions(ID, 'create.json', '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "EnableTokenRevocation": "false"}'), []);
  const describe = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "EnableTokenRevocation": false\n  }\n}';
  assert.deepEqual(positions(ID, 'describe.json', describe), [at(4, 30, 4, 35)]);
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
    '        EnableTokenRevocation: ${self:custom.revocation}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.revocation}', 'false')), [at(8, 32, 8, 37)]);
});
