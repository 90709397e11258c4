#!/usr/bin/env node
// Side-by-side benchmark (issue 5; budget in ../shared/spec/ENGINEERING.md "Performance"). Generates the
// corpora (bench/generate.js), then times, each as a fresh process with output to /dev/null:
//   cognito-lint   node bundle/cognito-lint.js <dir> (what every entry point runs; --sources: the tsc build,
//                  node bin/cognito-lint.js)
//   node -e 0      the cost of starting Node at all
//   read-all       node bench/read-all.js <dir>: reading every file and nothing else
//   Spectral       spectral lint -r bench/spectral/.spectral.yaml <glob> (installed on first run into
//                  bench/.peers, outside the project's dependencies)
//   cfn-lint       cfn-lint <glob> (this machine's Python)
// then the in-process parser throughput (bench/parsers.js) and bench/terraform-bench.js (the Terraform
// trees and their budget), whose reports it includes, and the rest of budget v3 (ENGINEERING.md):
//   real repository  cognito-lint against read-all on a real repository (--real-repo DIR; the budget's is
//                    aws-samples/serverless-patterns at fb7b5d0, 13,709 files: see docs/PERFORMANCE.md)
//   editor           bench/lsp.js (diagnostics p95 after a change, the server's memory after editing)
//   dry-run          --fix-dry-run on 1,000 and on 10,000 client templates (linear: about 10x the time)
//   phases           one profiled run on the YAML corpus split by bench/profile-phases.js
// and prints every v3 line with its figure and whether it is met.
// Reports medians of several runs, ratios, MB/s, files/s and peak memory (max RSS from /usr/bin/time).
//
// Usage: npm run bench [-- --runs N] [-- --quick] [-- --no-peers] [-- --work DIR] [-- --sources]
//                      [-- --real-repo DIR]
//   --runs N     runs per measurement for the fast tools (default 11); Spectral gets min(N, 5), cfn-lint
//                min(N, 3) (BENCH_CFN_RUNS overrides: cfn-lint takes about 40 s a run here)
//   --quick      3 runs, no cfn-lint, no 10,000-file scaling step
//   --no-peers   skip Spectral and cfn-lint
//   --work DIR   where the corpora go (default $TMPDIR/cognito-lint-bench; outside any git repository,
//                since cognito-lint honours .gitignore files above the directory it lints)
// Writes results.json and results.md into the work directory and prints the tables.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync, execFileSync } = require('node:child_process');
const { generateAll, defaultSeedDir } = require('./generate');

const ROOT = path.join(__dirname, '..');
const CLI = process.argv.includes('--sources') ? path.join(ROOT, 'bin', 'cognito-lint.js') : path.join(ROOT, 'bundle', 'cognito-lint.js');
const READ_ALL = path.join(__dirname, 'read-all.js');
const RULESET = path.join(__dirname, 'spectral', '.spectral.yaml');
const PEERS = path.join(__dirname, '.peers');
const SPECTRAL_VERSION = '6.16.3';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const QUICK = args.includes('--quick');
// --sections cold,yaml,json,small,repo,real,scale,size,dryrun,phases,parsers,terraform,editor: only these (default: all).
const SECTIONS = option('--sections', undefined)?.split(',');
const wanted = (name) => !SECTIONS || SECTIONS.includes(name);
const PEERS_ON = !args.includes('--no-peers');
const RUNS = Number(option('--runs', QUICK ? 3 : 11));
const SPECTRAL_RUNS = Math.min(RUNS, 5);
const CFN_RUNS = QUICK ? 0 : Number(process.env.BENCH_CFN_RUNS ?? Math.min(RUNS, 3));
const WORK = path.resolve(option('--work', path.join(os.tmpdir(), 'cognito-lint-bench')));
const REAL_REPO = option('--real-repo', process.env.BENCH_REAL_REPO);
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// ---- Measuring ----------------------------------------------------------------------------------------

/** Runs `argv` once; wall time from the parent, max RSS from GNU time. */
function runOnce(argv, cwd) {
  const rssFile = path.join(os.tmpdir(), `cognito-lint-bench-rss-${process.pid}`);
  const full = TIME ? [TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const started = process.hrtime.bigint();
  const result = spawnSync(full[0], full.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  let rssKb;
  if (TIME) {
    const text = fs.readFileSync(rssFile, 'utf8').trim().split('\n').pop();
    rssKb = Number(text);
    fs.rmSync(rssFile, { force: true });
  }
  if (result.error) throw result.error;
  return { wall, rssKb, status: result.status, stderr: result.stderr.toString().slice(0, 2000) };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Measures the tools of one section interleaved (run 1 of each, then run 2 of each, ...), so that a
 * disturbance on the machine hits every tool alike and the ratios stay fair. Each tool gets one
 * warm-up run first (page cache, disk), then `runs` measured runs. `okStatus` lists the exit codes that
 * mean "ran to completion" (linters exit non-zero when they find problems).
 */
function measureAll(specs) {
  const active = specs.filter((spec) => spec && spec.runs > 0);
  for (const spec of active) {
    const warm = runOnce(spec.argv, spec.cwd);
    if (!spec.okStatus.includes(warm.status)) throw new Error(`${spec.label}: exit ${warm.status}\n${spec.argv.join(' ')}\n${warm.stderr}`);
    spec.samples = [];
  }
  const most = Math.max(0, ...active.map((spec) => spec.runs));
  for (let i = 0; i < most; i++) for (const spec of active) if (spec.samples.length < spec.runs) spec.samples.push(runOnce(spec.argv, spec.cwd));
  return active.map((spec) => {
    const walls = spec.samples.map((s) => s.wall);
    const rss = spec.samples.map((s) => s.rssKb).filter((v) => Number.isFinite(v));
    const row = { label: spec.label, command: spec.argv.map(shellQuote).join(' '), cwd: spec.cwd, runs: spec.runs, median: median(walls), min: Math.min(...walls), max: Math.max(...walls), maxRssMb: rss.length ? Math.max(...rss) / 1024 : undefined };
    process.stderr.write(`  ${row.label.padEnd(14)} median ${fmtSeconds(row.median)} (min ${fmtSeconds(row.min)}, max ${fmtSeconds(row.max)}, ${row.runs} runs), max RSS ${fmtMb(row.maxRssMb)}\n`);
    return row;
  });
}

const measure = (label, argv, options) => ({ label, argv, ...options });

function shellQuote(arg) {
  return /^[\w./=:@+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

const fmtSeconds = (s) => (s === undefined ? '-' : s < 1 ? `${(s * 1000).toFixed(0)} ms` : `${s.toFixed(2)} s`);
const fmtMb = (mb) => (mb === undefined ? '-' : `${mb.toFixed(0)} MB`);

// ---- Corpus facts ---------------------------------------------------------------------------------------

function corpusStats(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      // As read-all: a repository's .git and node_modules are not its files.
      if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') walk(full);
      else if (entry.isFile()) {
        files++;
        bytes += fs.statSync(full).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

// ---- Peers -------------------------------------------------------------------------------------------

function spectralBin() {
  const bin = path.join(PEERS, 'node_modules', '.bin', 'spectral');
  if (!fs.existsSync(bin)) {
    process.stderr.write(`installing @stoplight/spectral-cli@${SPECTRAL_VERSION} into ${path.relative(ROOT, PEERS)} (first run only)\n`);
    fs.mkdirSync(PEERS, { recursive: true });
    execFileSync('npm', ['install', '--prefix', PEERS, '--no-audit', '--no-fund', '--loglevel=error', `@stoplight/spectral-cli@${SPECTRAL_VERSION}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return bin;
}

function version(argv) {
  try {
    return execFileSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return undefined;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? 'unknown'} (${cpus.length} logical cores)`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

// ---- Scenarios ---------------------------------------------------------------------------------------------

function main() {
  process.stderr.write(`corpora in ${WORK}\n`);
  const dirs = generateAll(WORK, defaultSeedDir());
  const facts = { machine: machine(), date: new Date().toISOString(), runs: RUNS, loadBefore: os.loadavg()[0] };
  if (facts.loadBefore > 0.5) process.stderr.write(`warning: load average ${facts.loadBefore.toFixed(2)} before the run: other work on the machine disturbs the figures\n`);
  const peers = {};
  if (PEERS_ON) {
    peers.spectral = spectralBin();
    facts.spectral = version([peers.spectral, '--version']);
    facts.cfnLint = version(['cfn-lint', '--version']);
    if (!facts.cfnLint) process.stderr.write('cfn-lint not found: its rows are skipped\n');
  }
  const node = process.execPath;
  const lint = (dir) => [node, CLI, dir];
  const readAll = (dir) => [node, READ_ALL, dir];
  const LINT_OK = [0, 1];
  const results = { facts, sections: [] };

  const section = (title, dir, specs, note) => {
    const stats = corpusStats(dir);
    const entry = { title, dir, ...stats, rows: measureAll(specs.filter(Boolean)), note };
    results.sections.push(entry);
    return entry;
  };

  // 1. Cold start: one small template with one client.
  if (wanted('cold')) process.stderr.write('cold start (one small file)\n');
  const coldRuns = Math.max(RUNS * 2, 5);
  if (wanted('cold')) section('Cold start: one small template', dirs.one, [
    measure('cognito-lint', lint('template.yaml'), { cwd: dirs.one, runs: coldRuns, okStatus: LINT_OK }),
    measure('node -e 0', [node, '-e', '0'], { cwd: dirs.one, runs: coldRuns, okStatus: [0] }),
  ]);

  // The floor of this design on the YAML corpus: the same run with every rule off (start-up, discovery,
  // reading, parsing, loading, garbage collection; no rule, finding or report). See "lower limit" below.
  const noRules = path.join(WORK, 'no-rules.yaml');
  const ruleIds = fs.readdirSync(path.join(ROOT, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts').map((name) => name.slice(0, -3));
  fs.writeFileSync(noRules, `rules:\n${ruleIds.map((id) => `  ${id}: off\n`).join('')}`);

  // 2./3. The all-clients corpora, against every peer.
  for (const [title, dir, glob] of [
    ['CloudFormation YAML, every template with clients', dirs.yaml, '*.yaml'],
    ['CDK-synth-like JSON, every template with clients', dirs.json, '*.json'],
  ].filter(([, dir]) => wanted(dir === dirs.yaml ? 'yaml' : 'json'))) {
    process.stderr.write(`${title}\n`);
    const name = path.basename(dir);
    const cwd = path.dirname(dir);
    section(title, dir, [
      measure('cognito-lint', lint(name), { cwd, runs: RUNS, okStatus: LINT_OK }),
      dir === dirs.yaml ? measure('no rules', [...lint(name), '-c', noRules], { cwd, runs: RUNS, okStatus: [0] }) : undefined,
      measure('read-all', readAll(name), { cwd, runs: RUNS, okStatus: [0] }),
      peers.spectral ? measure('Spectral', [peers.spectral, 'lint', '-r', RULESET, `${name}/${glob}`], { cwd, runs: SPECTRAL_RUNS, okStatus: [0, 1] }) : undefined,
      facts.cfnLint ? measure('cfn-lint', ['cfn-lint', `${name}/${glob}`], { cwd, runs: CFN_RUNS, okStatus: [0, 2, 4, 6, 8, 10, 12, 14] }) : undefined,
    ]);
  }

  // 3b. 100 small templates, where start-up dominates (budget v2: at least 100x cfn-lint here too).
  if (wanted('small')) {
    process.stderr.write('100 small templates\n');
    const dir = dirs.scale['100'];
    section('100 small templates, every one with clients', dir, [
      measure('cognito-lint', lint('.'), { cwd: dir, runs: RUNS, okStatus: LINT_OK }),
      measure('read-all', readAll('.'), { cwd: dir, runs: RUNS, okStatus: [0] }),
      peers.spectral ? measure('Spectral', [peers.spectral, 'lint', '-r', RULESET, '**/*.yaml'], { cwd: dir, runs: SPECTRAL_RUNS, okStatus: [0, 1] }) : undefined,
      facts.cfnLint ? measure('cfn-lint', ['cfn-lint', '**/*.yaml'], { cwd: dir, runs: CFN_RUNS, okStatus: [0, 2, 4, 6, 8, 10, 12, 14] }) : undefined,
    ]);
  }

  // 4. The repository-like tree.
  if (wanted('repo')) process.stderr.write('repository-like tree\n');
  if (wanted('repo')) section('Repository-like tree: 10,000 files, 1% with clients', dirs.repo, [
    measure('cognito-lint', lint('.'), { cwd: dirs.repo, runs: RUNS, okStatus: LINT_OK }),
    measure('read-all', readAll('.'), { cwd: dirs.repo, runs: RUNS, okStatus: [0] }),
  ]);

  // 4b. A real repository (budget v3: at most 2x walking and reading every file).
  if (wanted('real') && REAL_REPO) {
    process.stderr.write(`real repository ${REAL_REPO}\n`);
    section(`Real repository: ${path.basename(REAL_REPO)}`, REAL_REPO, [
      measure('cognito-lint', [...lint('.'), '--format', 'json', '-o', '/dev/null', '--fail-on', 'none'], { cwd: REAL_REPO, runs: RUNS, okStatus: [0] }),
      measure('read-all', readAll('.'), { cwd: REAL_REPO, runs: RUNS, okStatus: [0] }),
    ]);
  } else if (wanted('real')) process.stderr.write('real repository: skipped (no --real-repo DIR)\n');

  // 5. Scaling with file count and with file size.
  for (const [n, dir] of Object.entries(dirs.scale)) {
    if ((QUICK && Number(n) > 1000) || !wanted('scale')) continue;
    process.stderr.write(`scaling: ${n} files\n`);
    section(`Scaling: ${n} files`, dir, [
      measure('cognito-lint', lint('.'), { cwd: dir, runs: Number(n) >= 10000 ? Math.min(RUNS, 5) : RUNS, okStatus: LINT_OK }),
      measure('read-all', readAll('.'), { cwd: dir, runs: Number(n) >= 10000 ? Math.min(RUNS, 5) : RUNS, okStatus: [0] }),
    ]);
  }
  for (const [kb, dir] of Object.entries(dirs.size)) {
    if (!wanted('size')) continue;
    process.stderr.write(`scaling: one file of ${kb} KB\n`);
    section(`Scaling: one file of ${kb} KB`, dir, [measure('cognito-lint', lint('template.yaml'), { cwd: dir, runs: RUNS, okStatus: LINT_OK })]);
  }

  // 5b. --fix-dry-run is linear: 10x the clients, about 10x the time (and the memory line with it).
  if (wanted('dryrun') && !QUICK) {
    process.stderr.write('--fix-dry-run on 1,000 and 10,000 templates\n');
    for (const n of ['1000', '10000']) {
      section(`--fix-dry-run: ${n} files`, dirs.scale[n], [measure('cognito-lint', [...lint('.'), '--fix-dry-run', '--fail-on', 'none'], { cwd: dirs.scale[n], runs: Math.min(RUNS, 3), okStatus: [0, 1] })]);
    }
  }

  // 5c. Where the YAML corpus's time goes: one profiled run, split into phases.
  if (wanted('phases')) {
    process.stderr.write('phases of one YAML corpus run (profiled)\n');
    const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-lint-phases-'));
    const cli = CLI.endsWith('cognito-lint.js') && !process.argv.includes('--sources') ? path.join(ROOT, 'bundle', 'cli.js') : CLI;
    const argv = [node, '--cpu-prof', '--cpu-prof-dir', profileDir, cli, path.basename(dirs.yaml), '-o', '/dev/null', '--fail-on', 'none'];
    spawnSync(argv[0], argv.slice(1), { cwd: path.dirname(dirs.yaml), stdio: 'ignore' });
    const profile = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    const split = spawnSync(node, [path.join(__dirname, 'profile-phases.js'), path.join(profileDir, profile), '--json'], { encoding: 'utf8' });
    results.phases = { command: `${argv.map(shellQuote).join(' ').replace(profileDir, 'prof')} && node bench/profile-phases.js prof/*.cpuprofile`, ...JSON.parse(split.stdout) };
    fs.rmSync(profileDir, { recursive: true, force: true });
  }

  facts.loadAfter = os.loadavg()[0];
  // 6. Parser throughput in-process (bench/parsers.js).
  if (wanted('parsers')) {
    process.stderr.write('parsers (in-process)\n');
    const parsersArgv = [node, path.join(__dirname, 'parsers.js'), dirs.yaml, dirs.json];
    const parsersRun = spawnSync(parsersArgv[0], parsersArgv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    results.parsers = { command: parsersArgv.map(shellQuote).join(' '), output: parsersRun.stdout.trim() };
  }

  // 7. Terraform: bench/terraform-bench.js (its own corpora and budget), when present.
  const terraformBench = path.join(__dirname, 'terraform-bench.js');
  if (fs.existsSync(terraformBench) && wanted('terraform')) {
    process.stderr.write('Terraform (bench/terraform-bench.js)\n');
    const argv = [node, terraformBench, '--runs', String(Math.min(RUNS, 5))];
    const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    results.terraform = { command: argv.map(shellQuote).join(' '), output: run.stdout.trim(), status: run.status };
  }

  // 8. The editor: bench/lsp.js (its own server process, after everything else: it measures latency).
  if (wanted('editor')) {
    process.stderr.write('editor (bench/lsp.js)\n');
    const argv = [node, path.join(__dirname, 'lsp.js'), ...(process.argv.includes('--sources') ? ['--sources'] : []), ...(QUICK ? ['--changes', '100', '--edits', '1000'] : [])];
    const run = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    const json = run.stdout.slice(0, run.stdout.lastIndexOf('}') + 1);
    results.editor = { command: argv.map(shellQuote).join(' ').replace(ROOT + '/', ''), ...(run.status === 0 ? JSON.parse(json) : { error: `exit ${run.status}` }) };
  }

  fs.writeFileSync(path.join(WORK, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const markdown = render(results);
  fs.writeFileSync(path.join(WORK, 'results.md'), markdown);
  process.stdout.write(markdown);
}

// ---- Report ------------------------------------------------------------------------------------------------

function render({ facts, sections, parsers, terraform, phases, editor }) {
  const out = [];
  out.push(`Machine: ${facts.machine.cpu}, ${facts.machine.memory}, ${facts.machine.os}; Node ${facts.machine.node}; ${facts.spectral ? `Spectral ${facts.spectral}; ` : ''}${facts.cfnLint ?? ''}`);
  out.push(`Medians of ${facts.runs} runs (Spectral ${SPECTRAL_RUNS}, cfn-lint ${CFN_RUNS}), tools interleaved run by run, one warm-up run each first; max RSS is the highest of the measured runs. Load average before/after: ${facts.loadBefore.toFixed(2)}/${facts.loadAfter.toFixed(2)}.`, '');
  out.push('| corpus | tool | median | MB/s | files/s | max RSS | vs cognito-lint | command |', '|---|---|---:|---:|---:|---:|---:|---|');
  for (const s of sections) {
    const ours = s.rows.find((r) => r.label === 'cognito-lint');
    for (const r of s.rows) {
      const ratio = ours && r !== ours ? `${(r.median / ours.median).toFixed(r.median / ours.median < 10 ? 2 : 0)}x` : '';
      out.push(`| ${s.title} (${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB) | ${r.label} | ${fmtSeconds(r.median)} | ${(s.bytes / 1e6 / r.median).toFixed(1)} | ${Math.round(s.files / r.median)} | ${fmtMb(r.maxRssMb)} | ${ratio} | \`${r.command}\` (in ${path.basename(r.cwd)}) |`);
    }
  }
  out.push('', 'Budget v2 (ENGINEERING.md):');
  const find = (prefix, label) => sections.find((s) => s.title.startsWith(prefix))?.rows.find((r) => r.label === label);
  const met = (ok) => (ok ? 'met' : 'NOT met');
  const cold = find('Cold start', 'cognito-lint');
  const node0 = find('Cold start', 'node -e 0');
  if (cold && node0) out.push(`- cold start ${fmtSeconds(cold.median)} = ${(cold.median / node0.median).toFixed(2)}x \`node -e 0\` (${fmtSeconds(node0.median)}); budget at most 1.5x: ${met(cold.median / node0.median <= 1.5)}`);
  for (const [prefix, name] of [['CloudFormation YAML', 'YAML corpus'], ['CDK-synth', 'JSON corpus'], ['100 small', '100 small templates']]) {
    for (const [label, need] of [['Spectral', 20], ['cfn-lint', 100]]) {
      const ours = find(prefix, 'cognito-lint');
      const peer = find(prefix, label);
      if (ours && peer) out.push(`- ${name}: ${(peer.median / ours.median).toFixed(1)}x faster than ${label} (budget at least ${need}x${label === 'Spectral' && prefix !== 'CloudFormation YAML' ? ', YAML corpus only; shown for reference' : ''}: ${met(peer.median / ours.median >= need)})`);
    }
  }
  const repo = find('Repository', 'cognito-lint');
  const read = find('Repository', 'read-all');
  if (repo && read) out.push(`- repository-like tree: ${((100 * read.median) / repo.median).toFixed(0)}% of the speed of reading every file (budget at least 50%: ${met(read.median / repo.median >= 0.5)}); peak memory ${fmtMb(repo.maxRssMb)} (budget under 200 MB: ${met(repo.maxRssMb < 200)})`);
  const many = find('Scaling: 10000 files', 'cognito-lint');
  if (many) out.push(`- 10,000 templates that all hold clients: peak memory ${fmtMb(many.maxRssMb)} (budget under 250 MB: ${met(many.maxRssMb < 250)})`);
  const peak = Math.max(...sections.flatMap((s) => s.rows.filter((r) => r.label === 'cognito-lint').map((r) => r.maxRssMb ?? 0)));
  out.push(`- highest cognito-lint peak memory over every corpus: ${fmtMb(peak)}`);
  out.push('', 'Budget v3 (ENGINEERING.md, "Performance budget v3"):');
  if (cold && node0) out.push(`- cold start: ${(cold.median / node0.median).toFixed(2)}x \`node -e 0\` (at most 1.3x: ${met(cold.median / node0.median <= 1.3)})`);
  const yamlOurs = find('CloudFormation YAML', 'cognito-lint');
  const yamlSpectral = find('CloudFormation YAML', 'Spectral');
  if (yamlOurs && yamlSpectral) out.push(`- CloudFormation corpus: ${(yamlSpectral.median / yamlOurs.median).toFixed(1)}x faster than Spectral (at least 30x: ${met(yamlSpectral.median / yamlOurs.median >= 30)})`);
  const floor = find('CloudFormation YAML', 'no rules');
  if (floor && yamlSpectral) out.push(`  - lower limit of this design: the same run with every rule off takes ${fmtSeconds(floor.median)}, ${(yamlSpectral.median / floor.median).toFixed(1)}x Spectral; 30x needs the whole run in ${fmtSeconds(yamlSpectral.median / 30)}`);
  for (const [prefix, name] of [['CloudFormation YAML', 'YAML corpus'], ['CDK-synth', 'JSON corpus']]) {
    const ours = find(prefix, 'cognito-lint');
    const cfn = find(prefix, 'cfn-lint');
    if (ours && cfn) out.push(`- ${name}: ${(cfn.median / ours.median).toFixed(0)}x faster than cfn-lint (at least 150x: ${met(cfn.median / ours.median >= 150)})`);
  }
  const real = sections.find((s) => s.title.startsWith('Real repository'));
  const realOurs = real?.rows.find((r) => r.label === 'cognito-lint');
  const realRead = real?.rows.find((r) => r.label === 'read-all');
  if (realOurs && realRead) out.push(`- ${real.title.slice('Real repository: '.length)} (${real.files} files): ${(realOurs.median / realRead.median).toFixed(2)}x walking and reading every file (at most 2x: ${met(realOurs.median / realRead.median <= 2)})`);
  if (editor && editor.p95Ms !== undefined) out.push(`- editor: diagnostics p95 ${editor.p95Ms} ms after a change (at most 50 ms: ${met(editor.p95Ms <= 50)}); server ${editor.rssMbAfterEditing} MB after ${editor.edits} edits (under 150 MB: ${met(editor.rssMbAfterEditing < 150)})`);
  if (many) out.push(`- 10,000 client templates: ${fmtMb(many.maxRssMb)} (under 250 MB: ${met(many.maxRssMb < 250)})`);
  const dry1k = find('--fix-dry-run: 1000', 'cognito-lint');
  const dry10k = find('--fix-dry-run: 10000', 'cognito-lint');
  if (dry1k && dry10k) out.push(`- --fix-dry-run: ${fmtSeconds(dry1k.median)} on 1,000 templates, ${fmtSeconds(dry10k.median)} on 10,000 (${(dry10k.median / dry1k.median).toFixed(1)}x for 10x the clients: ${met(dry10k.median / dry1k.median <= 12)} as linear), ${fmtMb(dry10k.maxRssMb)}`);
  if (phases) {
    out.push('', `Phases of one profiled YAML corpus run (\`${phases.command}\`, ${phases.totalMs.toFixed(0)} ms sampled; the profiler adds its own cost):`, '');
    for (const row of phases.rows) out.push(`- ${row.phase}: ${row.ms.toFixed(0)} ms (${(100 * row.share).toFixed(0)}%)`);
  }
  if (parsers) out.push('', `Parsers in-process (\`${parsers.command}\`):`, '', parsers.output);
  if (terraform) out.push('', `Terraform (\`${terraform.command}\`):`, '', '```', terraform.output, '```');
  return out.join('\n') + '\n';
}

main();
