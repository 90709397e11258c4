import { test } from 'node:test';
import assert from 'node:assert/strict';
import { positions, runRule } from '../helpers';

const ID = 'prevent-user-existence-errors';

test('cloudformation yaml: missing member is reported at the logical id', () => {
  const text = ['Resources:', '  WebClient:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', ''].join('\n');
  assert.deepEqual(positions(ID, 'template.yaml', text), [{ ruleId: ID, line: 2, column: 3, endLine: 2, endColumn: 12 }]);
});

test('cloudformation yaml: LEGACY is reported at the value', () => {
  const text = ['Resources:', '  WebClient:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      PreventUserExistenceErrors: LEGACY', ''].join('\n');
  const rows = runRule(ID, 'template.yaml', text);
  assert.deepEqual(rows.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn]), [[6, 35, 6, 41]]);
  assert.match(rows[0]!.message, /is "LEGACY".*expected ENABLED/);
});

test('cloudformation json: ENABLED passes, LEGACY fails at the string', () => {
  const good = '{"Resources":{"C":{"Type":"AWS::Cognito::UserPoolClient","Properties":{"UserPoolId":"p","PreventUserExistenceErrors":"ENABLED"}}}}';
  assert.deepEqual(positions(ID, 'template.json', good), []);
  const bad = '{\n  "Resources": {\n    "C": {\n      "Type": "AWS::Cognito::UserPoolClient",\n      "Properties": {\n        "PreventUserExistenceErrors": "LEGACY"\n      }\n    }\n  }\n}\n';
  assert.deepEqual(positions(ID, 'template.json', bad), [{ ruleId: ID, line: 6, column: 39, endLine: 6, endColumn: 47 }]);
});

test('unknown value (parameter without default) is silent; a default is reported with its origin', () => {
  const unknown = ['Parameters:', '  Mode:', '    Type: String', 'Resources:', '  C:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      PreventUserExistenceErrors: !Ref Mode', ''].join('\n');
  assert.deepEqual(positions(ID, 't.yaml', unknown), []);
  const defaulted = unknown.replace('    Type: String', '    Type: String\n    Default: LEGACY');
  const rows = runRule(ID, 't.yaml', defaulted);
  assert.equal(rows.length, 1);
  assert.deepEqual([rows[0]!.line, rows[0]!.column, rows[0]!.endLine, rows[0]!.endColumn], [9, 35, 9, 44]);
  assert.match(rows[0]!.message, /default of Parameter "Mode"/);
});

test('api request json: missing member is reported at the object start', () => {
  assert.deepEqual(positions(ID, 'req.json', '{"UserPoolId": "us-east-1_abc", "ClientName": "web"}'), [{ ruleId: ID, line: 1, column: 1, endLine: 1, endColumn: 2 }]);
});

test('api response: reported at the UserPoolClient key', () => {
  const text = '{\n  "UserPoolClient": {\n    "UserPoolId": "us-east-1_abc",\n    "ClientId": "abc"\n  }\n}';
  assert.deepEqual(positions(ID, 'out.json', text), [{ ruleId: ID, line: 2, column: 3, endLine: 2, endColumn: 19 }]);
});
