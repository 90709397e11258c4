#!/usr/bin/env node
// The hostile-repository check for CI (ENGINEERING.md, "a gate that a pull request cannot turn against
// its users"): builds what a pull request could commit in temporary git repositories and runs the bundle
// (bundle/cognito-lint.js; build it first) and the Action's step on them. Each case prints ok or FAIL.
// - io: writes never follow a symbolic link out (report, baseline, --fix on a linked file and through a
//   linked directory), a damaged code cache is never run, Action inputs are data;
// - forge: no value forges a problem line, a terminal escape or a workflow command;
// - linear: each YAML alias shape and a .gitignore of wildcard runs under 1 s (beyond start-up),
//   --fix-dry-run on 10,000 clients under 10 s and 1 GB;
// - mask: --fix-dry-run does not print a committed ClientSecret.
// Usage: node scripts/hostile-repo-check.js [--only io,forge,linear,mask] [--bin FILE]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createHash } = require('node:crypto');
const { execFileSync, spawnSync } = require('node:child_process');
const { simulateAction } = require('./simulate-action');

const ROOT = path.join(__dirname, '..');
const GROUPS = ['io', 'forge', 'linear', 'mask'];
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = (option('--only') ?? GROUPS.join(',')).split(',');
for (const group of only) if (!GROUPS.includes(group)) usage(`unknown group "${group}"`);
const BIN = path.resolve(option('--bin') ?? path.join(ROOT, 'bundle', 'cognito-lint.js'));
if (!fs.existsSync(BIN)) usage(`${BIN} does not exist: run npm run build && npm run bundle`);

const TEMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-lint-hostile-'));
// Every direct run of the bundle gets this code cache, so the user's is neither used nor touched.
const CACHE_HOME = path.join(TEMP, 'cache');
fs.mkdirSync(CACHE_HOME);
const VICTIM = '#!/bin/sh\necho "the file outside the repository"\n';
const CLIENT = ['Resources:', '  Web:', '    Type: AWS::Cognito::UserPoolClient', '    Properties:', '      UserPoolId: !Ref Pool', '      PreventUserExistenceErrors: LEGACY', ''].join('\n');
/** The README's problem matcher for text output. */
const PROBLEM_MATCHER = /^\s+(\d+):(\d+)\s+(error|warning|note)\s+(.*)\s{2}(\S+)$/;

const results = [];
function check(group, name, body) {
  if (!only.includes(group)) return;
  let problem;
  try {
    problem = body();
  } catch (error) {
    problem = error.stack;
  }
  results.push({ group, name, problem });
  console.log(problem ? `FAIL ${group}: ${name}: ${problem}` : `ok   ${group}: ${name}`);
}

/** A repository `repo/` and beside it `outside/victim.sh`, the file a planted link points at. */
function repoBesideOutside(name, files) {
  const base = path.join(TEMP, name);
  const repo = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(repo, { recursive: true });
  fs.mkdirSync(outside);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    fs.writeFileSync(path.join(repo, file), text);
  }
  fs.writeFileSync(path.join(outside, 'victim.sh'), VICTIM);
  return { repo, outside };
}

/** The bundle in `cwd`; `timeoutMs` ends a stalled run (reported as such). */
function lint(cwd, argv, { env = {}, timeoutMs = 60_000, nodeOptions = [] } = {}) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [...nodeOptions, BIN, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? TEMP, XDG_CACHE_HOME: CACHE_HOME, ...env },
    timeout: timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { code: run.status, signal: run.signal, stdout: run.stdout ?? '', stderr: run.stderr ?? '', seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Every file under `dir` with its SHA-256: what "unchanged" compares. */
function snapshot(dir) {
  const files = {};
  const visit = (current) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) visit(full);
      else files[path.relative(dir, full)] = entry.isFile() ? createHash('sha256').update(fs.readFileSync(full)).digest('hex') : 'link';
    }
  };
  visit(dir);
  return JSON.stringify(files);
}

function expectRefused(run, pattern) {
  if (run.code !== 2) return `exit ${run.code}, expected 2 (${run.stderr.trim()})`;
  if (!pattern.test(run.stderr)) return `stderr does not say why: ${run.stderr.trim()}`;
  return undefined;
}

// ---- io: writes, code cache, Action inputs ----

check('io', 'report -o through a committed symlink is refused, the outside file unchanged', () => {
  const { repo, outside } = repoBesideOutside('report-link', { 'stack.yaml': CLIENT });
  fs.symlinkSync('../outside/victim.sh', path.join(repo, 'cognito-lint.sarif'));
  const before = snapshot(outside);
  const problem = expectRefused(lint(repo, ['.', '--format', 'sarif', '-o', 'cognito-lint.sarif']), /cognito-lint\.sarif: it is a symbolic link/);
  return problem ?? (snapshot(outside) === before ? undefined : 'the outside file changed');
});

check('io', 'report -o into a committed symlinked directory is refused', () => {
  const { repo, outside } = repoBesideOutside('report-dir-link', { 'stack.yaml': CLIENT });
  fs.symlinkSync('../outside', path.join(repo, 'reports'));
  const before = snapshot(outside);
  const problem = expectRefused(lint(repo, ['.', '-o', 'reports/victim.sh']), /reports is a symbolic link/);
  return problem ?? (snapshot(outside) === before ? undefined : 'the outside directory changed');
});

check('io', '--write-baseline through a committed symlink is refused, the outside file unchanged', () => {
  const { repo, outside } = repoBesideOutside('baseline-link', { 'stack.yaml': CLIENT });
  fs.symlinkSync('../outside/victim.sh', path.join(repo, '.cognito-lint-baseline.json'));
  const before = snapshot(outside);
  const problem = expectRefused(lint(repo, ['.', '--write-baseline', '.cognito-lint-baseline.json']), /it is a symbolic link/);
  return problem ?? (snapshot(outside) === before ? undefined : 'the outside file changed');
});

check('io', '--fix on link.yaml -> ../outside/x.yaml leaves x.yaml unchanged', () => {
  const { repo, outside } = repoBesideOutside('fix-link', {});
  fs.writeFileSync(path.join(outside, 'x.yaml'), CLIENT);
  fs.symlinkSync('../outside/x.yaml', path.join(repo, 'link.yaml'));
  const before = snapshot(outside);
  const problem = expectRefused(lint(repo, ['link.yaml', '--fix', '--fix-type', 'all']), /link\.yaml: it is a symbolic link/);
  return problem ?? (snapshot(outside) === before ? undefined : 'the outside file was edited');
});

check('io', '--fix on a glob through a symlinked directory leaves the outside files unchanged', () => {
  const { repo, outside } = repoBesideOutside('fix-glob-link', { 'own.yaml': CLIENT });
  fs.writeFileSync(path.join(outside, 'x.yaml'), CLIENT);
  fs.symlinkSync('../outside', path.join(repo, 'infra'));
  const before = snapshot(outside);
  // Named through the link: refused (exit 2). A walk of `.` does not follow links: it fixes own.yaml only.
  for (const [argv, codes] of [[['infra/*.yaml', '--fix', '--fix-type', 'all'], [2]], [['infra', '--fix', '--fix-type', 'all'], [2]], [['.', '--fix', '--fix-type', 'all'], [0, 1]]]) {
    const run = lint(repo, argv);
    if (!codes.includes(run.code)) return `${argv.join(' ')}: exit ${run.code} (${run.stderr.trim()})`;
    if (snapshot(outside) !== before) return `${argv.join(' ')}: the outside file was edited`;
  }
  return fs.readFileSync(path.join(repo, 'own.yaml'), 'utf8').includes('PreventUserExistenceErrors: ENABLED') ? undefined : 'the file inside the repository was not fixed';
});

check('io', 'a code cache with random bytes flipped (or cut) is never run: 20 runs, each right, each leaving a valid cache', () => {
  const cacheHome = path.join(TEMP, 'flipped-cache');
  fs.mkdirSync(cacheHome);
  const env = { XDG_CACHE_HOME: cacheHome };
  const argv = ['examples/api', '--format', 'json', '--fail-on', 'none'];
  const expected = lint(ROOT, argv, { env });
  if (expected.code !== 0) return `first run: exit ${expected.code} ${expected.stderr}`;
  const dir = path.join(cacheHome, 'cognito-lint');
  for (let round = 0; round < 20; round++) {
    const cache = fs.readdirSync(dir).find((name) => name.endsWith('.cache'));
    if (!cache || !fs.existsSync(path.join(dir, `${cache}.sha256`))) return `round ${round}: no cache with a checksum beside it (${fs.readdirSync(dir).join(', ')})`;
    const target = path.join(dir, round % 4 === 3 ? `${cache}.sha256` : cache);
    const bytes = fs.readFileSync(target);
    if (round % 5 === 4) fs.writeFileSync(target, bytes.subarray(0, Math.floor(Math.random() * bytes.length)));
    else {
      for (let i = 0; i < 4; i++) bytes[Math.floor(Math.random() * bytes.length)] ^= 1 + Math.floor(Math.random() * 255);
      fs.writeFileSync(target, bytes);
    }
    const run = lint(ROOT, argv, { env });
    if (run.signal || run.code !== 0 || run.stdout !== expected.stdout || run.stderr !== '') return `round ${round}: exit ${run.code} signal ${run.signal} ${run.stderr.slice(0, 300)}`;
  }
  return undefined;
});

check('io', 'HOME=/nonexistent/x is not created', () => {
  const home = path.join(TEMP, 'nonexistent', 'x');
  const run = lint(ROOT, ['--version'], { env: { HOME: home, XDG_CACHE_HOME: '' } });
  if (run.code !== 0) return `exit ${run.code} ${run.stderr}`;
  return fs.existsSync(path.join(TEMP, 'nonexistent')) ? 'the home directory was created' : undefined;
});

check('io', 'Action: paths "bad.yaml --version" is a file name, never the version flag; options in paths are paths', () => {
  const workspace = repoBesideOutside('action-paths', { 'bad.yaml': CLIENT }).repo;
  const report = action(workspace, { paths: 'bad.yaml --version', format: 'text' });
  const step = report.steps[0];
  if (/^\d+\.\d+\.\d+$/m.test(step.stdout)) return `printed the version: ${step.stdout}`;
  if (step.code !== 2 || !step.stderr.includes('bad.yaml --version')) return `exit ${step.code}, expected 2 naming the missing file (${step.stderr.trim()})`;
  const options = action(workspace, { paths: '--write-baseline=x.json\n--max-file-size=1', format: 'text' }).steps[0];
  if (options.code !== 2 || fs.existsSync(path.join(workspace, 'x.json'))) return `option-looking paths: exit ${options.code}, x.json ${fs.existsSync(path.join(workspace, 'x.json')) ? 'written' : 'absent'}`;
  fs.writeFileSync(path.join(workspace, 'bad.yaml --version'), CLIENT);
  const named = action(workspace, { paths: 'bad.yaml --version', format: 'text' }).steps[0];
  return named.code === 1 && named.stdout.includes('bad.yaml --version') ? undefined : `a file named so was not linted: exit ${named.code} ${named.stderr}`;
});

check('io', 'Action: a sarif-file with a new line adds no $GITHUB_OUTPUT line; a symlinked sarif-file is refused', () => {
  const { repo: workspace, outside } = repoBesideOutside('action-sarif', { 'stack.yaml': CLIENT });
  const report = action(workspace, { paths: 'stack.yaml', format: 'sarif', 'sarif-file': 'out.sarif\nforged=1' });
  if (report.steps[0].code === 0 || 'forged' in report.stepOutputs) return `exit ${report.steps[0].code}, outputs ${JSON.stringify(report.stepOutputs)}`;
  fs.symlinkSync('../outside/victim.sh', path.join(workspace, 'cognito-lint.sarif'));
  const before = snapshot(outside);
  const linked = action(workspace, { paths: 'stack.yaml', format: 'sarif' }).steps[0];
  if (linked.code !== 2) return `symlinked sarif-file: exit ${linked.code}`;
  return snapshot(outside) === before ? undefined : 'the outside file changed';
});

/** The Action's steps from this working tree (its bundle, built or not yet committed), as a runner runs them. */
function action(workspace, inputs) {
  const report = simulateAction({ repo: ROOT, workspace, inputs, workingTree: true });
  return { ...report, stepOutputs: report.stepOutputs.lint ?? {} };
}

// ---- forge: no value forges output ----

check('forge', 'an http:// CallbackURL (echoed by redirect-uri-https) holding a new line, ESC and BEL prints no fake problem line and no control character', () => {
  const repo = repoBesideOutside('forge-url', {
    'stack.yaml': `${CLIENT}      CallbackURLs: ["http://app.acme-corp.com/cb\\n  2:2  error  forged problem  no-such-rule\\n::error file=x::forged\\u001b]0;title\\u0007"]\n`,
  }).repo;
  for (const format of ['text', 'github']) {
    const run = lint(repo, ['.', '--format', format]);
    const lines = `${run.stdout}\n${run.stderr}`.split('\n');
    if (format === 'text' && lines.some((line) => PROBLEM_MATCHER.test(line) && line.trim().endsWith('no-such-rule'))) return `${format}: a forged problem line`;
    const forged = lines.find((line) => line.startsWith('::') && !/^::(error|warning|notice) file=/.test(line));
    if (forged) return `${format}: a line begins with :: (${forged})`;
    if (/[\u001b\u0007]/.test(run.stdout + run.stderr)) return `${format}: ESC or BEL reached the output`;
  }
  return undefined;
});

check('forge', 'a rule name in .cognito-lint.yaml holding workflow commands prints no line beginning with ::', () => {
  const repo = repoBesideOutside('forge-config', {
    'stack.yaml': CLIENT,
    '.cognito-lint.yaml': 'rules:\n  "x\\n::add-mask::hidden\\n::set-output name=a::b\\n::stop-commands::token\\n": error\n',
  }).repo;
  for (const format of ['text', 'github']) {
    const run = lint(repo, ['.', '--format', format]);
    const forged = `${run.stdout}\n${run.stderr}`.split('\n').find((line) => line.startsWith('::') && !/^::(error|warning|notice) file=/.test(line));
    if (forged) return `${format}: ${forged}`;
  }
  return undefined;
});

// ---- linear: YAML aliases and --fix-dry-run ----

const ALIAS_SHAPES = {
  'a flat list of 20,000 *a': () => `Metadata:\n  a: &a [1]\n  list: [${Array(20_000).fill('*a').join(', ')}]\n`,
  'a chain x{i}: &x{i} [*x{i-1}] of 3,000 links': () => `Metadata:\n  x0: &x0 [1]\n${Array.from({ length: 2999 }, (_, i) => `  x${i + 1}: &x${i + 1} [*x${i}]\n`).join('')}`,
  'merge keys <<: [*x{i-1}] of 250 links': () => `Metadata:\n  x0: &x0 {k0: 0}\n${Array.from({ length: 249 }, (_, i) => `  x${i + 1}: &x${i + 1} {<<: [*x${i}], k${i + 1}: ${i + 1}}\n`).join('')}`,
};
check('linear', `each YAML alias shape (under 100 KB) ends under 1 s beyond start-up`, () => {
  const repo = repoBesideOutside('aliases', {}).repo;
  const startUp = Math.min(...[0, 1, 2].map(() => lint(repo, ['--version']).seconds));
  // Every shape is run, so the report names each one that is slow.
  const problems = Object.entries(ALIAS_SHAPES).flatMap(([shape, text]) => {
    const body = `${CLIENT}${text()}`;
    if (body.length > 100 * 1024) return [`${shape}: the case is ${body.length} bytes`];
    fs.writeFileSync(path.join(repo, 'aliases.yaml'), body);
    const run = lint(repo, ['aliases.yaml', '--format', 'json', '--fail-on', 'none'], { timeoutMs: 30_000 });
    if (run.signal) return [`${shape}: stopped after ${run.seconds.toFixed(1)} s (${run.signal})`];
    if (run.code !== 0) return [`${shape}: exit ${run.code} ${run.stderr.slice(0, 300)}`];
    if (run.seconds - startUp >= 1) return [`${shape}: ${run.seconds.toFixed(2)} s (start-up ${startUp.toFixed(2)} s)`];
    return [];
  });
  return problems.length > 0 ? problems.join('; ') : undefined;
});

check('linear', 'a .gitignore of wildcard runs (*a*a...*b) against long names ends under 1 s beyond start-up', () => {
  // Translated naively to backtracking regular expressions, these take exponential time on names of a's.
  const patterns = Array.from({ length: 200 }, (_, i) => `${'*a'.repeat(20 + (i % 10))}b\n${'**/'.repeat(50)}${'a*'.repeat(15)}z/`).join('\n');
  const files = { '.gitignore': `${patterns}\n`, 'template.yaml': CLIENT };
  for (let i = 0; i < 50; i++) files[`${'a'.repeat(200 + i)}/${'a'.repeat(200)}.yaml`] = '';
  const repo = repoBesideOutside('gitignore', files).repo;
  const startUp = Math.min(...[0, 1, 2].map(() => lint(repo, ['--version']).seconds));
  const run = lint(repo, ['.', '--format', 'json', '--fail-on', 'none'], { timeoutMs: 30_000 });
  if (run.signal) return `stopped after ${run.seconds.toFixed(1)} s (${run.signal})`;
  if (run.code !== 0) return `exit ${run.code} ${run.stderr.slice(0, 300)}`;
  if (JSON.parse(run.stdout).summary.filesScanned !== 51) return `scanned ${JSON.parse(run.stdout).summary.filesScanned} files, not 51`;
  if (run.seconds - startUp >= 1) return `${run.seconds.toFixed(2)} s (start-up ${startUp.toFixed(2)} s)`;
  return undefined;
});

check('linear', '--fix-dry-run on 10,000 clients (1.4 MB) ends under 10 s and 1 GB', () => {
  const clients = Array.from({ length: 10_000 }, (_, i) => `  Client${i}:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: !Ref Pool\n      ClientName: client-${i}\n      PreventUserExistenceErrors: LEGACY\n`).join('');
  const repo = repoBesideOutside('dry-run', { 'clients.yaml': `Resources:\n${clients}` }).repo;
  const rssFile = path.join(TEMP, 'dry-run.rss');
  // Reports the peak memory at exit; the heap limit ends a runaway run early instead of taking the machine.
  const preload = path.join(TEMP, 'max-rss.js');
  fs.writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS * 1024)));\n`);
  const run = lint(repo, ['clients.yaml', '--fix-dry-run', '--fix-type', 'remediation', '--fail-on', 'none'], { timeoutMs: 30_000, nodeOptions: ['--max-old-space-size=1536', '--require', preload] });
  if (run.signal) return `stopped after ${run.seconds.toFixed(1)} s (${run.signal})`;
  if (run.code !== 0) return `exit ${run.code} ${run.stderr.slice(0, 300)}`;
  const fixed = run.stdout.split('\n').filter((line) => line === '+      PreventUserExistenceErrors: ENABLED').length;
  if (fixed !== 10_000) return `the diff fixes ${fixed} clients, not 10,000`;
  const rss = Number(fs.readFileSync(rssFile, 'utf8'));
  if (run.seconds >= 10 || rss >= 1024 ** 3) return `${run.seconds.toFixed(1)} s, ${(rss / 1024 ** 2).toFixed(0)} MB`;
  return undefined;
});

// ---- mask: secrets stay masked in the dry-run diff ----

check('mask', '--fix-dry-run does not print a committed ClientSecret (context and -/+ lines)', () => {
  const secret = 'k3q9v1c8s0l2m4n6p8r0t2v4x6z8b0d2f4h6j8l0n2p4r6t8v0';
  const describe = JSON.stringify({ UserPoolClient: { UserPoolId: 'us-east-1_a', ClientId: '1example23456789', ClientName: 'web', ClientSecret: secret, PreventUserExistenceErrors: 'LEGACY' } }, null, 2);
  const request = `{\n  "UserPoolId": "us-east-1_a",\n  "ClientName": "web",\n  "ClientSecret": "${secret}",\n  "PreventUserExistenceErrors": "LEGACY"\n}\n`;
  const repo = repoBesideOutside('mask', { 'describe-output.json': describe, 'create-request.json': request }).repo;
  const run = lint(repo, ['.', '--fix-dry-run', '--fix-type', 'all', '--fail-on', 'none']);
  if (run.code !== 0) return `exit ${run.code} ${run.stderr.slice(0, 300)}`;
  if (!run.stdout.includes('PreventUserExistenceErrors')) return 'no diff was printed';
  return run.stdout.includes(secret) || run.stderr.includes(secret) ? 'the secret is printed in full' : undefined;
});

fs.rmSync(TEMP, { recursive: true, force: true });
const failed = results.filter((result) => result.problem);
console.log(`hostile repository check (${only.join(', ')}): ${results.length - failed.length} ok, ${failed.length} failed`);
process.exitCode = failed.length === 0 ? 0 : 1;

function usage(message) {
  console.error(`hostile-repo-check: ${message}\nusage: node scripts/hostile-repo-check.js [--only ${GROUPS.join(',')}] [--bin FILE]`);
  process.exit(2);
}
