// Every copy-paste example in the README's configuration, suppression, baseline, pre-commit and GitHub
// sections is run here, so the README cannot drift from what the tool does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './golden';
import { runCli } from './cli-helpers';
import { TEMPLATE, project } from './fixtures';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has the ${name} example`);
  return match[1]!;
}

async function json(args: string[], cwd: string): Promise<{ code: number; rules: string[] }> {
  const run = await runCli([...args, '--format', 'json'], cwd);
  assert.equal(run.stderr, '');
  return { code: run.code, rules: (JSON.parse(run.stdout) as { results: Array<{ ruleId: string; severity: string; file: string }> }).results.map((r) => `${r.file} ${r.ruleId} ${r.severity}`) };
}

test('README configuration example is valid and takes effect', async () => {
  const template = TEMPLATE.replace('      CallbackURLs', '      AccessTokenValidity: 1\n      CallbackURLs');
  const root = project({ '.cognito-lint.yaml': example('config'), 'stacks/prod/app.yaml': template, 'test/fixtures/bad.yaml': template });
  const { rules } = await json(['.'], root);
  assert.deepEqual(rules, [
    'stacks/prod/app.yaml prevent-user-existence-errors error',
    'stacks/prod/app.yaml no-implicit-flow error',
    'stacks/prod/app.yaml token-lifetime-policy warning',
    'stacks/prod/app.yaml no-localhost-redirect error',
  ]);
});

test('README suppression examples suppress and report nothing else', async () => {
  const root = project({ 'comment.yaml': example('suppress-comment'), 'metadata.json': example('suppress-metadata') });
  assert.deepEqual((await json(['.'], root)).rules, []);
  // Without suppressions the two findings are there.
  const run = await runCli(['.', '--format', 'json', '--no-inline-suppressions'], root);
  assert.match(run.stdout, /"ruleId": "no-implicit-flow"/);
  assert.match(run.stdout, /"ruleId": "prevent-user-existence-errors"/);
});

test('README baseline commands work as written', async () => {
  const root = project({ 'stack.yaml': TEMPLATE });
  const commands = example('baseline').trim().split('\n').map((line) => line.replace(/^npx cognito-lint /, '').split(' '));
  assert.equal(commands.length, 2);
  assert.equal((await runCli(commands[0]!, root)).code, 0);
  const second = await runCli(commands[1]!, root);
  // Two files: the template and the baseline itself (JSON, read and found to hold no client).
  assert.deepEqual([second.code, second.stdout], [0, '✔ no problems; checked 2 files, 1 client\n']);
  writeFileSync(join(root, 'stack.yaml'), TEMPLATE.replace('[openid]', '[openid]\n      EnableTokenRevocation: false'));
  assert.equal((await runCli(commands[1]!, root)).code, 1);
});

test('README pre-commit config points at this repository hook', () => {
  const config = parse(example('pre-commit')) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string }>;
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string; homepage: string };
  assert.equal(config.repos[0]!.repo, pkg.homepage);
  assert.equal(config.repos[0]!.rev, `v${pkg.version}`);
  const fixing = parse(example('pre-commit-fix')) as { repos: Array<{ hooks: Array<{ id: string }> }> };
  assert.deepEqual([...config.repos[0]!.hooks, ...fixing.repos[0]!.hooks].map((h) => h.id), hooks.map((h) => h.id));
});

interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<{ id?: string; uses?: string; run?: string; with?: Record<string, string | number> }> }>;
}

/** Runs the action's lint step with a workflow step's `with:` inputs, as GitHub would. */
function runActionStep(inputs: Record<string, string | number>, workspace: string): ReturnType<typeof spawnSync> {
  const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_OUTPUT: join(workspace, 'github-output') };
  for (const [name, spec] of Object.entries(action.inputs)) env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`] = String(inputs[name] ?? spec.default);
  for (const name of Object.keys(inputs)) assert.ok(name in action.inputs, `the action has an input "${name}"`);
  writeFileSync(env.GITHUB_OUTPUT!, '');
  return spawnSync('bash', [join(REPO_ROOT, 'scripts', 'action-run.sh')], { cwd: workspace, encoding: 'utf8', env });
}

test('README code scanning workflow: SARIF from the action reaches upload-sarif', () => {
  const workflow = parse(example('workflow-sarif')) as Workflow;
  assert.equal(workflow.permissions['security-events'], 'write');
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const lint = steps.find((step) => step.uses?.startsWith('cognito-lint/cognito-lint@'))!;
  const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  assert.equal(upload.with!.sarif_file, `\${{ steps.${lint.id}.outputs.sarif-file }}`);
  const workspace = project({ 'stack.yaml': TEMPLATE });
  const run = runActionStep(lint.with!, workspace);
  assert.equal(run.status, 0, String(run.stderr));
  const output = readFileSync(join(workspace, 'github-output'), 'utf8');
  const sarifFile = /^sarif-file=(.*)$/m.exec(output)![1]!;
  const log = JSON.parse(readFileSync(join(workspace, sarifFile), 'utf8')) as { runs: Array<{ results: unknown[]; automationDetails: { id: string } }> };
  assert.equal(log.runs[0]!.results.length, 2);
  assert.equal(log.runs[0]!.automationDetails.id, `${String(upload.with!.category)}/`);
});

test('README pull-request workflow: annotations and a failing check on errors', () => {
  const workflow = parse(example('workflow-annotations')) as Workflow;
  const lint = Object.values(workflow.jobs)[0]!.steps.find((step) => step.uses?.startsWith('cognito-lint/cognito-lint@'))!;
  // `cdk init` gitignores cdk.out; the workflow names it, so it is read all the same.
  const workspace = project({ '.gitignore': 'cdk.out\n', 'infra/stack.yaml': TEMPLATE, 'cdk.out/App.template.json': CDK_APP });
  const run = runActionStep(lint.with!, workspace);
  assert.equal(run.status, 1);
  assert.match(String(run.stdout), /^::error file=infra\/stack\.yaml,line=6,/m);
  assert.match(String(run.stdout), /^::warning file=infra\/stack\.yaml,line=9,/m);
  assert.match(String(run.stdout), /^::error file=cdk\.out\/App\.template\.json,/m);
});

const CDK_APP = JSON.stringify({ Resources: { Web: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } } } });
