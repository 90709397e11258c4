// Suppressions: comment directives (next line, whole file), CloudFormation Metadata, expiry,
// unused/unknown/expired reported as unused-suppression, and --no-inline-suppressions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDirectiveBody } from '../src/suppress';
import { runWithSuppressions } from './helpers';
import { runCli } from './cli-helpers';
import { TEMPLATE, project } from './fixtures';

const withComment = (comment: string, beforeLine: string): string => TEMPLATE.replace(beforeLine, `      ${comment}\n${beforeLine}`);
const IMPLICIT_LINE = '      AllowedOAuthFlows: [code, implicit]';

test('disable-next-line suppresses the named rule on the next line only', () => {
  const text = withComment('# cognito-lint-disable-next-line no-implicit-flow -- legacy SPA until Q1', IMPLICIT_LINE);
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 't.yaml', text), []);
  assert.equal(runWithSuppressions('prevent-user-existence-errors', 't.yaml', text).length, 1, 'other rules still report');
  assert.deepEqual(runWithSuppressions('unused-suppression', 't.yaml', text), []);
  // Two lines above the finding: it does not cover it, and says so.
  const far = TEMPLATE.replace('      AllowedOAuthScopes', '      # cognito-lint-disable-next-line no-implicit-flow\n      AllowedOAuthScopes');
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', far).length, 1);
  const unused = runWithSuppressions('unused-suppression', 't.yaml', far);
  assert.deepEqual(unused.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[8, 7, 8, 56]]);
  assert.match(unused[0]!.message, /suppression of "no-implicit-flow" matches no finding/);
});

test('several ids, and disable-file', () => {
  const both = withComment('# cognito-lint-disable-next-line no-implicit-flow, duplicate-values', IMPLICIT_LINE).replace('[code, implicit]', '[code, implicit, code]');
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 't.yaml', both), []);
  assert.deepEqual(runWithSuppressions('duplicate-values', 't.yaml', both), []);
  const file = `# cognito-lint-disable-file prevent-user-existence-errors -- pool shared with a legacy app\n${TEMPLATE}`;
  assert.deepEqual(runWithSuppressions('prevent-user-existence-errors', 't.yaml', file), []);
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', file).length, 1);
});

test('unknown rule ids and directives without ids are reported', () => {
  const text = withComment('# cognito-lint-disable-next-line no-implict-flow', IMPLICIT_LINE);
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', text).length, 1);
  const rows = runWithSuppressions('unused-suppression', 't.yaml', text);
  assert.equal(rows.length, 1);
  assert.match(rows[0]!.message, /names "no-implict-flow", which is not a cognito-lint rule \(did you mean "no-implicit-flow"\?\); it suppresses nothing\. /);
  const bare = runWithSuppressions('unused-suppression', 't.yaml', withComment('# cognito-lint-disable-next-line', IMPLICIT_LINE));
  assert.match(bare[0]!.message, /names no rule/);
});

test('expiry: before the date it suppresses; after it the finding returns with an expired result', () => {
  const text = withComment('# cognito-lint-disable-next-line no-implicit-flow -- migrating; expires: 2026-12-31', IMPLICIT_LINE);
  assert.deepEqual(runWithSuppressions('no-implicit-flow', 't.yaml', text, '2026-12-31'), []);
  assert.equal(runWithSuppressions('no-implicit-flow', 't.yaml', text, '2027-01-01').length, 1);
  const expired = runWithSuppressions('unused-suppression', 't.yaml', text, '2027-01-01');
  assert.match(expired[0]!.message, /expired on 2026-12-31; its findings are reported again/);
  const badDate = runWithSuppressions('unused-suppression', 't.yaml', withComment('# cognito-lint-disable-next-line no-implicit-flow expires: 31/12/2026', IMPLICIT_LINE));
  assert.match(badDate[0]!.message, /expiry date "31\/12\/2026", which is not a YYYY-MM-DD date/);
});

test('a directive inside a JSON string is not a comment', () => {
  const json = '{"UserPoolId": "us-east-1_a", "ClientName": "# cognito-lint-disable-file prevent-user-existence-errors"}';
  assert.equal(runWithSuppressions('prevent-user-existence-errors', 'r.json', json).length, 1);
});

test('CloudFormation Metadata ignore entries, in YAML and JSON, with reason and expiry', () => {
  const yaml = TEMPLATE.replace('    Properties:', '    Metadata:\n      cognito-lint:\n        ignore:\n          - rule: prevent-user-existence-errors\n            reason: the legacy app matches on UserNotFoundException\n            expires: 2027-06-30\n    Properties:');
  assert.deepEqual(runWithSuppressions('prevent-user-existence-errors', 't.yaml', yaml), []);
  assert.equal(runWithSuppressions('prevent-user-existence-errors', 't.yaml', yaml, '2027-07-01').length, 1);
  const json = '{"Resources": {"C": {"Type": "AWS::Cognito::UserPoolClient",\n "Metadata": {"cognito-lint": {"ignore": [{"rule": "prevent-user-existence-errors", "reason": "r"}, {"rule": "no-implicit-flow"}]}},\n "Properties": {"UserPoolId": "p"}}}}';
  assert.deepEqual(runWithSuppressions('prevent-user-existence-errors', 't.json', json), []);
  const unused = runWithSuppressions('unused-suppression', 't.json', json);
  assert.deepEqual(unused.map((r) => [r.line, r.column, r.endLine, r.endColumn]), [[2, 101, 2, 129]]);
});

test('--no-inline-suppressions ignores comments and Metadata', async () => {
  const root = project({ 'stack.yaml': withComment('# cognito-lint-disable-next-line no-implicit-flow', IMPLICIT_LINE) });
  const honoured = await runCli(['.', '--format', 'json'], root);
  assert.ok(!honoured.stdout.includes('"no-implicit-flow"'));
  const ignored = await runCli(['.', '--format', 'json', '--no-inline-suppressions'], root);
  assert.ok(ignored.stdout.includes('"ruleId": "no-implicit-flow"'));
  assert.ok(!ignored.stdout.includes('unused-suppression'));
});

test('directive bodies parse ids, reason and expiry', () => {
  assert.deepEqual(parseDirectiveBody(' a, b -- because; expires: 2027-01-31'), { rules: ['a', 'b'], reason: 'because', expires: '2027-01-31' });
  assert.deepEqual(parseDirectiveBody(' a expires: 2027-01-31 -- why'), { rules: ['a'], reason: 'why', expires: '2027-01-31' });
  assert.deepEqual(parseDirectiveBody(' a b'), { rules: ['a', 'b'], reason: undefined, expires: undefined });
});
