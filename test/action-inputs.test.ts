// The Action's inputs are data, whoever wrote them (a pull request's list of changed files, a workflow
// template): paths one per line and after `--`, so none is read as an option; a sarif-file that would
// add a line to $GITHUB_OUTPUT is refused; preset, max-warnings and baseline inputs reach the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './golden';
import { TEMPLATE } from './fixtures';
import { gitRepository } from './bin-helpers';

const CLEAN_REQUEST = '{"UserPoolId": "us-east-1_a", "ClientName": "x", "PreventUserExistenceErrors": "ENABLED"}\n';

/** The lint step as the runner runs it: action-run.sh with INPUT_* variables (the action.yml defaults for the rest). */
function runAction(workspace: string, inputs: Record<string, string>): { code: number | null; stdout: string; stderr: string; githubOutput: string } {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
  const githubOutput = join(workspace, '..', `${workspace.split('/').pop()}-github-output`);
  writeFileSync(githubOutput, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: githubOutput };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = inputs[name] ?? String(spec.default);
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `the action has an input "${name}"`);
  const run = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'action-run.sh')], { cwd: workspace, encoding: 'utf8', env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr, githubOutput: readFileSync(githubOutput, 'utf8') };
}

test('paths are paths: "bad.yaml --version" is a file name (missing, then linted), never the version flag', () => {
  const workspace = gitRepository({ 'stack.yaml': TEMPLATE });
  const missing = runAction(workspace, { paths: 'stack.yaml --version', format: 'text' });
  assert.equal(missing.code, 2);
  assert.doesNotMatch(missing.stdout, /^\d+\.\d+\.\d+$/m);
  assert.match(missing.stderr, /stack\.yaml --version/);
  writeFileSync(join(workspace, 'stack.yaml --version'), TEMPLATE);
  const named = runAction(workspace, { paths: 'stack.yaml --version', format: 'text' });
  assert.equal(named.code, 1, named.stderr);
  assert.match(named.stdout, /^stack\.yaml --version$/m);
  // Option-looking paths from a list of changed files write nothing and change no limit.
  const options = runAction(workspace, { paths: '--write-baseline=x.json\n--max-file-size=1\nstack.yaml', format: 'text' });
  assert.equal(options.code, 2);
  assert.match(options.stderr, /--write-baseline=x\.json/);
  assert.ok(!existsSync(join(workspace, 'x.json')));
});

test('paths: one per line, spaces inside kept, surrounding blanks, CRs and empty lines dropped', () => {
  const workspace = gitRepository({ 'my stacks/web stack.yaml': TEMPLATE, 'api/request.json': CLEAN_REQUEST });
  const run = runAction(workspace, { paths: '  my stacks/web stack.yaml  \r\n\n\tapi\n', format: 'json', 'fail-on': 'none' });
  assert.equal(run.code, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { results: Array<{ file: string }>; summary: { filesScanned: number } };
  assert.equal(report.summary.filesScanned, 2);
  assert.deepEqual([...new Set(report.results.map((result) => result.file))], ['my stacks/web stack.yaml']);
});

test('a sarif-file with a control character is refused before $GITHUB_OUTPUT is written', () => {
  const workspace = gitRepository({ 'stack.yaml': TEMPLATE });
  for (const sarifFile of ['out.sarif\nforged-output=1', 'out.sarif\r', 'out\u001b.sarif', 'out\t.sarif']) {
    const run = runAction(workspace, { paths: 'stack.yaml', format: 'sarif', 'sarif-file': sarifFile });
    assert.equal(run.code, 2, JSON.stringify(sarifFile));
    assert.match(run.stderr, /sarif-file contains a control character/);
    assert.equal(run.githubOutput, '', 'nothing reaches $GITHUB_OUTPUT');
  }
  assert.deepEqual(readdirSync(workspace).sort(), ['.git', 'stack.yaml']);
  const plain = runAction(workspace, { paths: 'stack.yaml', format: 'sarif', 'sarif-file': 'reports dir.sarif', 'fail-on': 'none' });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.githubOutput, 'sarif-file=reports dir.sarif\n');
});

test('preset, max-warnings and baseline inputs reach the CLI', () => {
  const workspace = gitRepository({ 'stack.yaml': TEMPLATE });
  const errorsOnly = runAction(workspace, { paths: 'stack.yaml', format: 'json', 'fail-on': 'error' });
  const strict = runAction(workspace, { paths: 'stack.yaml', format: 'json', preset: 'strict' });
  const count = (stdout: string, severity: string) => (JSON.parse(stdout) as { results: Array<{ severity: string }> }).results.filter((result) => result.severity === severity).length;
  assert.ok(count(errorsOnly.stdout, 'warning') > 0);
  assert.equal(count(strict.stdout, 'warning'), 0, 'strict makes every finding an error');
  assert.ok(count(strict.stdout, 'error') > count(errorsOnly.stdout, 'error'));

  const warnings = runAction(workspace, { paths: 'stack.yaml', format: 'text', 'fail-on': 'none', 'max-warnings': '0' });
  assert.equal(warnings.code, 1);
  assert.match(warnings.stderr, /too many warnings \(maximum: 0\)/);

  const written = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'cognito-lint.js'), 'stack.yaml', '--write-baseline', 'baseline.json'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(written.status, 0, written.stderr);
  const baselined = runAction(workspace, { paths: 'stack.yaml', format: 'json', baseline: 'baseline.json' });
  assert.equal(baselined.code, 0, baselined.stderr);
  assert.equal((JSON.parse(baselined.stdout) as { results: unknown[] }).results.length, 0);
});
