// Every SARIF the tool produces validates against the official SARIF 2.1.0 schema (vendored in
// vendor/sarif-schema/), and carries what GitHub code scanning needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli-helpers';
import { assertValidSarif } from './sarif-schema';

test('SARIF of examples/ is valid and complete', async () => {
  const run = await runCli(['examples', '--format', 'sarif', '--sarif-category', 'cognito-lint/examples']);
  const log = assertValidSarif(run.stdout);
  const sarifRun = log.runs[0]!;
  const driver = sarifRun.tool.driver;
  assert.equal(driver.name, 'cognito-lint');
  assert.ok(driver.semanticVersion && driver.informationUri);
  const ids = driver.rules!.map((rule) => rule.id);
  assert.deepEqual(ids, [...ids].sort(), 'rules sorted by id');
  for (const rule of driver.rules!) {
    assert.ok(rule.shortDescription?.text && rule.fullDescription?.text && rule.help?.text && rule.help.markdown && rule.helpUri, rule.id);
    assert.ok(rule.help.markdown!.includes(rule.helpUri!), `${rule.id} help.markdown links the doc`);
    assert.ok(rule.defaultConfiguration?.level);
    const tags = rule.properties?.tags as string[];
    if (tags.includes('security')) assert.match(String(rule.properties?.['security-severity']), /^\d+(\.\d)?$/);
  }
  assert.equal(sarifRun.automationDetails?.id, 'cognito-lint/examples/');
  assert.equal(sarifRun.invocations?.[0]?.executionSuccessful, true);
  for (const result of sarifRun.results!) {
    assert.equal(driver.rules![result.ruleIndex!]!.id, result.ruleId);
    const location = result.locations![0]!.physicalLocation!;
    assert.equal(location.artifactLocation!.uriBaseId, '%SRCROOT%');
    assert.match(location.artifactLocation!.uri!, /^examples\//);
    assert.ok(location.region!.startLine! >= 1 && location.region!.startColumn! >= 1 && location.region!.endColumn! >= 1);
    assert.ok(result.partialFingerprints?.['cognitoLintFingerprint/v2']);
    assert.ok(!('primaryLocationLineHash' in result.partialFingerprints!));
  }
});

test('SARIF of a clean run has an empty results array', async () => {
  const run = await runCli(['examples/api/create-request-good.json', '--format', 'sarif']);
  const log = assertValidSarif(run.stdout);
  assert.deepEqual(log.runs[0]!.results, []);
});

test('SARIF with a parse error is valid and says the execution was not fully successful', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-lint-sarif-'));
  writeFileSync(join(dir, 'broken.yaml'), 'Resources:\n  C:\n    Type: AWS::Cognito::UserPoolClient\n    Properties: [unclosed\n');
  const run = await runCli(['.', '--format', 'sarif'], dir);
  const log = assertValidSarif(run.stdout);
  assert.equal(log.runs[0]!.invocations![0]!.executionSuccessful, false);
  assert.equal(log.runs[0]!.results![0]!.ruleId, 'parse-error');
  assert.equal(run.code, 1);
});

test('SARIF URIs are percent-encoded and relative to the repository root', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-lint-uri-'));
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'my stack'));
  writeFileSync(join(dir, 'my stack', 'tëmplate.json'), '{"UserPoolId": "us-east-1_abc", "ClientName": "x"}');
  const run = await runCli(['.', '--format', 'sarif'], join(dir, 'my stack'));
  const log = assertValidSarif(run.stdout);
  assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'my%20stack/t%C3%ABmplate.json');
});
