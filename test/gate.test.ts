// The whole-repository gate (docs/FORMATS.md, "Second revision"): run over a real repository, as
// pre-commit and the Action do, a file that holds no client never gets a finding, and a file that does
// is never passed in silence. Each test runs the built CLI in a temporary git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { gitRepository, lintBin } from './bin-helpers';
import { REPO_ROOT } from './golden';

interface JsonReport {
  results: Array<{ file: string; ruleId: string; severity: string; message: string; line: number; column: number }>;
  summary: { filesScanned: number; clients: number; clientsUnchecked?: number };
}

function lintJson(root: string, args: readonly string[] = ['.']): { code: number | null; report: JsonReport; stderr: string } {
  const run = lintBin(root, [...args, '--format', 'json']);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

test('the JSON and JSONC files real projects hold get no result: tsconfig, editor, container, package and tool settings', () => {
  const root = gitRepository({});
  // tsconfig.json as `tsc --init` writes it, older tsconfigs with block comments and trailing commas,
  // .vscode/*.json, devcontainer.json, package.json with "module", .eslintrc.json, renovate.json, cdk.json
  // (whose context names logUserPoolClientSecretValue), cdk.context.json, composer.json, angular.json...
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'project-json'), root, { recursive: true });
  const { code, report } = lintJson(root);
  assert.deepEqual(report.results, []);
  assert.equal(code, 0);
  assert.equal(report.summary.filesScanned, 18, 'every file was read');
  assert.equal(report.summary.clients, 0);
});
