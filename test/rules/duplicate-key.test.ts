import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceFile } from '../../src/source';
import { loadFile } from '../../src/load';
import { evaluate } from '../../src/evaluate';
import { loadRule } from '../../rules';
import { positions, runRule } from '../helpers';

const ID = 'duplicate-key';

test('yaml: second key reported, related location at the first', () => {
  const text = 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      PreventUserExistenceErrors: ENABLED\n      PreventUserExistenceErrors: LEGACY\n';
  const rows = runRule(ID, 't.yaml', text);
  assert.deepEqual(rows.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[6, 7, 6, 33]]);
  assert.match(rows[0]!.message, /Key "PreventUserExistenceErrors" repeats the key at line 5/);
  const rule = loadRule(ID);
  const [finding] = evaluate([loadFile(new SourceFile('t.yaml', text))], [rule], new Map([[ID, { severity: 'error', options: {} }]]));
  assert.deepEqual(finding!.related.map((r) => [r.region.start.line, r.region.start.column, r.region.end.line, r.region.end.column]), [[5, 7, 5, 33]]);
});

test('json (CDK): duplicate property keys', () => {
  const text = '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient",\n "Properties": {"UserPoolId": "a", "UserPoolId": "b"}}}}';
  assert.deepEqual(positions(ID, 't.json', text), [{ ruleId: ID, line: 2, column: 36, endLine: 2, endColumn: 48 }]);
});

test('api request json', () => {
  assert.deepEqual(positions(ID, 'r.json', '{"UserPoolId": "a_b", "ClientName": "x", "ClientName": "y"}'), [{ ruleId: ID, line: 1, column: 42, endLine: 1, endColumn: 54 }]);
});

test('serverless.yml; duplicates outside the client definition are left to other tools', () => {
  const text = 'service: a\nservice: b\nresources:\n  Resources:\n    C:\n      Type: AWS::Cognito::UserPoolClient\n      Properties:\n        ClientName: a\n        ClientName: b\n';
  assert.deepEqual(positions(ID, 'serverless.yml', text), [{ ruleId: ID, line: 9, column: 9, endLine: 9, endColumn: 19 }]);
  // A file that defines no client is not ours to judge, even if it names UserPoolId.
  assert.deepEqual(runRule(ID, 'other.yaml', 'UserPoolIdParam: a\nx: 1\nx: 2\n'), []);
});
