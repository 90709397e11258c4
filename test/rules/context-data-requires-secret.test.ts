import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'context-data-requires-secret';
const HEAD = ['Resources:', '  Client:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool'];
/** A CloudFormation YAML template whose client properties start on line 6. */
const cfn = (...props: string[]): string => [...HEAD, ...props.map((prop) => `      ${prop}`), ''].join('\n');
const at = (line: number, column: number, endLine: number, endColumn: number) => ({ ruleId: ID, line, column, endLine, endColumn });

test('cloudformation yaml: table', () => {
  const cases: Array<[string, string[], ReturnType<typeof at>[]]> = [
    ['true without GenerateSecret', ['EnablePropagateAdditionalUserContextData: true'], [at(6, 49, 6, 53)]],
    ['"true" string with GenerateSecret false', ['GenerateSecret: false', 'EnablePropagateAdditionalUserContextData: "true"'], [at(7, 49, 7, 55)]],
    ['true with GenerateSecret true', ['GenerateSecret: true', 'EnablePropagateAdditionalUserContextData: true'], []],
    ['false without secret', ['EnablePropagateAdditionalUserContextData: false'], []],
    ['not set', ['GenerateSecret: false'], []],
    ['value from Ref without a default', ['EnablePropagateAdditionalUserContextData: !Ref Propagate'], []],
    ['GenerateSecret from ImportValue', ['GenerateSecret: !ImportValue SharedSecretFlag', 'EnablePropagateAdditionalUserContextData: true'], []],
  ];
  for (const [name, props, expected] of cases) assert.deepEqual(positions(ID, 'template.yaml', cfn(...props)), expected, name);
});

test('message and related location', () => {
  const text = cfn('GenerateSecret: false', 'EnablePropagateAdditionalUserContextData: true');
  assert.equal(
    runRule(ID, 't.yaml', text)[0]!.message,
    'EnablePropagateAdditionalUserContextData is true on a client without a secret (GenerateSecret is false); Cognito activates it only for clients with a secret. Set GenerateSecret: true, or set EnablePropagateAdditionalUserContextData to false.',
  );
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [loadRule(ID)], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.equal(finding!.path, 'EnablePropagateAdditionalUserContextData');
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.message]), [[6, 23, 'GenerateSecret is false here']]);
});

test('value from a Parameter default: the message mentions the default', () => {
  const text = [
    'Parameters:',
    '  Propagate:',
    '    Type: String',
    '    AllowedValues: ["true", "false"]',
    '    Default: "true"',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      EnablePropagateAdditionalUserContextData: !Ref Propagate',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(10, 49, 10, 63)]);
  assert.match(rows[0]!.message, /GenerateSecret is not set and defaults to false.*\(the value comes from the default of Parameter "Propagate"\)$/);
});

test('Fn::If: one finding for the public branch', () => {
  const text = [
    'Conditions:',
    '  Confidential: !Equals [!Ref Kind, server]',
    'Resources:',
    '  Client:',
    '    Type: AWS::Cognito::UserPoolClient',
    '    Properties:',
    '      GenerateSecret: !If [Confidential, true, false]',
    '      EnablePropagateAdditionalUserContextData: true',
    '',
  ].join('\n');
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map(({ message: _m, ...rest }) => rest), [at(8, 49, 8, 53)]);
  assert.match(rows[0]!.message, /GenerateSecret is false/);
});

test('cloudformation json (CDK synth)', () => {
  const text = `{
 "Resources": {
  "WebClientABCD1234": {
   "Type": "AWS::Cognito::UserPoolClient",
   "Properties": {
    "UserPoolId": { "Ref": "Pool9D4A3E2B" },
    "EnablePropagateAdditionalUserContextData": true
   }
  }
 }
}`;
  assert.deepEqual(positions(ID, 'Stack.template.json', text), [at(7, 49, 7, 53)]);
  assert.deepEqual(positions(ID, 'Stack.template.json', text.replace('"UserPoolId"', '"GenerateSecret": true, "UserPoolId"')), []);
});

test('api create request, update request and describe output', () => {
  const create = '{"UserPoolId": "us-east-1_abc", "ClientName": "web", "EnablePropagateAdditionalUserContextData": true}';
  assert.deepEqual(positions(ID, 'create.json', create), [at(1, 98, 1, 102)]);
  assert.deepEqual(positions(ID, 'create.json', create.replace('"ClientName"', '"GenerateSecret": true, "ClientName"')), []);
  assert.deepEqual(positions(ID, 'update.json', create.replace('"ClientName"', '"ClientId": "abc123", "ClientName"')), []);
  const described = '{"UserPoolClient": {"UserPoolId": "us-east-1_abc", "ClientId": "abc", "EnablePropagateAdditionalUserContextData": true}}';
  assert.deepEqual(positions(ID, 'describe.json', described), []);
  const withSecret = described.replace('"ClientId": "abc",', '"ClientId": "abc", "ClientSecret": "s3cr3ts3cr3ts3cr3ts3cr3t",');
  assert.deepEqual(positions(ID, 'describe.json', withSecret), []);
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
    '        EnablePropagateAdditionalUserContextData: ${self:custom.propagate}',
    '',
  ].join('\n');
  assert.deepEqual(positions(ID, 'serverless.yml', text), []);
  assert.deepEqual(positions(ID, 'serverless.yml', text.replace('${self:custom.propagate}', 'true')), [at(8, 51, 8, 55)]);
});
