import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'parse-error';

test('yaml: unclosed flow sequence reported at the parser position', () => {
  const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      CallbackURLs: [https://a.acme-corp.com/cb\n';
  const rows = runRule(ID, 't.yaml', text);
  assert.equal(rows.length, 1);
  // The parser notices the missing `]` at the end of the input.
  assert.deepEqual([rows[0]!.line, rows[0]!.column], [6, 1]);
  assert.match(rows[0]!.message, /^invalid YAML: .*nothing in this file was checked/);
});

test('json: trailing comma and comments are errors at their position', () => {
  assert.deepEqual(positions(ID, 'req.json', '{"UserPoolId": "us-east-1_abc",\n  "ClientName": "x",\n}'), [{ ruleId: ID, line: 3, column: 1, endLine: 3, endColumn: 2 }]);
  const rows = runRule(ID, 'req.json', '// comment\n{"UserPoolId": "us-east-1_abc"}');
  assert.deepEqual([rows[0]!.line, rows[0]!.column, rows[0]!.endLine, rows[0]!.endColumn], [1, 1, 1, 11]);
  assert.match(rows[0]!.message, /invalid JSON: invalid comment token/);
});

test('yaml: bad indentation in a template', () => {
  const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n   Properties:\n      UserPoolId: x\n';
  assert.equal(runRule(ID, 't.yaml', text).length, 1);
});

test('a document of another kind that mentions Cognito is not data: no result', () => {
  assert.deepEqual(runRule(ID, 'README.rst', 'Describe the UserPoolClient: {"a": [1,\n'), []);
});

test('valid files give no parse-error', () => {
  assert.deepEqual(runRule(ID, 't.yaml', 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n'), []);
  assert.deepEqual(runRule(ID, 'r.json', '{"UserPoolId": "a_b"}'), []);
});
