// Integrations run for real: the pre-commit hook through `pre-commit try-repo` (when pre-commit is
// installed; .ci/run installs it), and the GitHub Action's lint step with the environment GitHub gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './golden';
import { TEMPLATE, project } from './fixtures';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;

test('.pre-commit-hooks.yaml declares node hooks for JSON, YAML and Terraform files: read-only by default, and one that runs --fix', () => {
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
  assert.deepEqual(hooks.map((hook) => [hook.id, hook.entry]), [['cognito-lint', 'cognito-lint'], ['cognito-lint-fix', 'cognito-lint --fix']]);
  for (const hook of hooks) {
    assert.equal(hook.language, 'node');
    const files = new RegExp(String(hook.files));
    for (const name of ['template.yaml', 'a.yml', 'cdk.out/S.template.json', 'main.tf', 'stack.template']) assert.ok(files.test(name), name);
    for (const name of ['README.md', 'index.ts']) assert.ok(!files.test(name), name);
  }
});

test('pre-commit try-repo installs the hook from this repository and runs it', { skip: hasPreCommit ? false : 'pre-commit is not installed (apt-get install pre-commit)', timeout: 240_000 }, () => {
  const repo = project({ 'stack.yaml': TEMPLATE, 'clean.json': '{"name": "not a client"}' }, false);
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.email=ci@example.invalid', '-c', 'user.name=ci', 'commit', '-qm', 'init');
  const run = spawnSync('pre-commit', ['try-repo', REPO_ROOT, 'cognito-lint', '--all-files', '--color', 'never'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'pre-commit-home-')) },
  });
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 1, output);
  assert.match(output, /cognito-lint\.+Failed/);
  assert.match(output, /stack\.yaml\n\s+6:35\s+error\s+WebClient: PreventUserExistenceErrors is "LEGACY"/);
});

test('the GitHub Action passes inputs through env only and its step runs the CLI', () => {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown>; runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> } };
  assert.equal(action.runs.using, 'composite');
  for (const step of action.runs.steps) {
    assert.ok(!step.run?.includes('${{'), `no expression inside run: ${step.run}`);
  }
  const lintStep = action.runs.steps.find((step) => step.env)!;
  for (const input of Object.keys(action.inputs)) {
    const variable = `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
    assert.equal(lintStep.env![variable], `\${{ inputs.${input} }}`, `${input} reaches the step as ${variable}`);
  }

  const workspace = project({ 'infra/stack.yaml': TEMPLATE, 'infra/generated/skip.yaml': TEMPLATE });
  const githubOutput = join(workspace, 'github-output.txt');
  writeFileSync(githubOutput, '');
  const run = (env: Record<string, string>) =>
    spawnSync('bash', [join(REPO_ROOT, 'scripts', 'action-run.sh')], { cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: githubOutput, ...env } });

  // Pull-request annotations; a path with a glob character and a `;` stays one argument, never shell code.
  const annotations = run({ INPUT_PATHS: 'infra/stack.yaml', INPUT_FORMAT: 'github', INPUT_FAIL_ON: 'error' });
  assert.equal(annotations.status, 1, annotations.stderr);
  assert.match(annotations.stdout, /^::error file=infra\/stack\.yaml,line=6,endLine=6,col=35,endColumn=41,title=cognito-lint prevent-user-existence-errors::/m);
  const hostile = run({ INPUT_PATHS: 'infra/stack.yaml;touch${IFS}pwned', INPUT_FORMAT: 'text', INPUT_FAIL_ON: 'none' });
  assert.equal(hostile.status, 2);
  assert.ok(!existsSync(join(workspace, 'pwned')));

  // SARIF for code scanning, with a category and the output for upload-sarif.
  const sarif = run({ INPUT_PATHS: 'infra/stack.yaml', INPUT_FORMAT: 'sarif', INPUT_FAIL_ON: 'none', INPUT_SARIF_FILE: 'out.sarif', INPUT_SARIF_CATEGORY: 'cognito' });
  assert.equal(sarif.status, 0, sarif.stderr);
  const log = JSON.parse(readFileSync(join(workspace, 'out.sarif'), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
  assert.equal(log.runs[0]!.automationDetails.id, 'cognito/');
  assert.match(readFileSync(githubOutput, 'utf8'), /^sarif-file=out\.sarif$/m);
});
