#!/usr/bin/env node
// Runs action.yml the way a GitHub runner runs a composite action: from a fresh clone of the
// repository's HEAD (what `uses: cognito-lint/cognito-lint@ref` downloads, so commit first), each step's
// `run` as a bash script file (`bash --noprofile --norc -eo pipefail`, the runner's `shell: bash`) with
// the step's `env` (its `${{ inputs.* }}` filled from the inputs or their defaults), GITHUB_ACTION_PATH,
// GITHUB_WORKSPACE and a GITHUB_OUTPUT file per step, in the workspace. Stops at the first failing step,
// as the runner does. Reports each step's exit code, the action's outputs (and each step's) and the size of the action's
// folder after its steps (issue 12: under 40 MB, with no install step).
// Usage: node scripts/simulate-action.js --workspace DIR [--input name=value]... [--repo DIR]
// Prints the report as JSON; exits 0 when every step ran (whatever its exit code; the report has it).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');
const { parse } = require('yaml');

const EXPRESSION = /\$\{\{\s*([^}]*?)\s*\}\}/g;

/** `${{ inputs.x }}` and `${{ steps.id.outputs.x }}`; anything else is not something this action uses. */
function evaluate(text, context) {
  return String(text).replace(EXPRESSION, (_, expression) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return context.inputs[input[1]] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return context.steps[output[1]]?.[output[2]] ?? '';
    throw new Error(`simulate-action: unsupported expression \${{ ${expression} }}`);
  });
}

/** Bytes in every file under `dir`, .git included. */
function folderSize(dir) {
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) bytes += folderSize(full);
    else if (entry.isFile()) bytes += fs.statSync(full).size;
  }
  return bytes;
}

/** `name=value` lines and `name<<DELIMITER` blocks of a GITHUB_OUTPUT file. */
function readOutputs(file) {
  const outputs = {};
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
  }
  return outputs;
}

/** Clones `repo` (or takes its working tree) and runs its action.yml in `workspace` with `given` inputs; returns the report. */
function simulateAction({ repo, workspace, inputs: given = {}, workingTree = false }) {
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-lint-action-'));
  // workingTree: the repository's files as they are (a bundle built but not committed), not a clone of HEAD.
  const actionPath = workingTree ? path.resolve(repo) : path.join(temp, 'action');
  if (!workingTree) execFileSync('git', ['clone', '-q', '--depth', '1', `file://${path.resolve(repo)}`, actionPath]);
  const action = parse(fs.readFileSync(path.join(actionPath, 'action.yml'), 'utf8'));
  if (action.runs.using !== 'composite') throw new Error(`simulate-action: runs.using is ${action.runs.using}, not composite`);
  const inputs = Object.fromEntries(Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, given[name] ?? String(spec.default ?? '')]));
  const context = { inputs, steps: {} };
  const steps = [];
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`simulate-action: step ${index} is not a bash run step`);
    const script = path.join(temp, `step-${index}.sh`);
    const githubOutput = path.join(temp, `output-${index}`);
    fs.writeFileSync(script, step.run);
    fs.writeFileSync(githubOutput, '');
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? temp,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: actionPath,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: githubOutput,
      RUNNER_TEMP: temp,
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, evaluate(value, context)])),
    };
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: workspace, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    steps.push({ name: step.name ?? `step ${index}`, code: run.status, stdout: run.stdout, stderr: run.stderr });
    if (step.id) context.steps[step.id] = readOutputs(githubOutput);
    if (run.status !== 0) break;
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs ?? {}).map(([name, spec]) => [name, evaluate(spec.value, context)]));
  return { actionPath, inputs, steps, outputs, stepOutputs: context.steps, sizeBytes: workingTree ? undefined : folderSize(actionPath) };
}

module.exports = { simulateAction };

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const inputs = Object.fromEntries(args.flatMap((arg, i) => (args[i - 1] === '--input' ? [[arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]] : [])));
  const workspace = option('--workspace');
  if (!workspace) {
    console.error('usage: node scripts/simulate-action.js --workspace DIR [--input name=value]... [--repo DIR]');
    process.exit(2);
  }
  const report = simulateAction({ repo: option('--repo') ?? path.join(__dirname, '..'), workspace: path.resolve(workspace), inputs });
  console.log(JSON.stringify(report, null, 2));
}
