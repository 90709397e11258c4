#!/usr/bin/env node
// What the ways out of the exit-time hang (issue 15) cost in time: the median wall time of each way of
// ending a run, interleaved run by run so that load on the machine falls on all of them alike.
//   node -e 0                      Node's own start
//   bin (flush, finalize, exit)    bin/cognito-lint.js as shipped (src/exit.ts)
//   drain (process.exitCode)       the old ending: let the event loop drain
//   --no-concurrent-recompilation  the old ending, TurboFan on the main thread
//   --single-threaded              the old ending, no V8 background threads at all
// Usage: node bench/exit-variants.js [--runs N] [target...]   (default: one small template, and the
// bench's cfn-yaml corpus when `npm run bench` has generated it)
'use strict';
const os = require('node:os');
const path = require('node:path');
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt === -1 ? 15 : Number(args[runsAt + 1]);
const named = args.filter((arg, index) => arg !== '--runs' && index !== runsAt + 1);
const corpus = path.join(os.tmpdir(), 'cognito-lint-bench', 'cfn-yaml');
const TARGETS = named.length > 0 ? named : [path.join(ROOT, 'examples', 'cloudformation', 'good.yaml'), ...(fs.existsSync(corpus) ? [corpus] : [])];

const BIN = path.join(ROOT, 'bin', 'cognito-lint.js');
const drain = (target) => [`require(${JSON.stringify(path.join(ROOT, 'dist', 'src', 'cli.js'))}).main([${JSON.stringify(target)}, '--format', 'json']).then((code) => { process.exitCode = code; })`];
const VARIANTS = [
  ['node -e 0', () => ['-e', '0']],
  ['bin (flush, finalize, exit)', (target) => [BIN, target, '--format', 'json']],
  ['drain (process.exitCode)', (target) => ['-e', ...drain(target)]],
  ['--no-concurrent-recompilation', (target) => ['--no-concurrent-recompilation', '-e', ...drain(target)]],
  ['--single-threaded', (target) => ['--single-threaded', '-e', ...drain(target)]],
];

function once(argv) {
  const started = process.hrtime.bigint();
  // A run that hangs (the old endings can) is cut at 20 s and left out.
  const result = spawnSync(process.execPath, argv, { cwd: ROOT, stdio: 'ignore', timeout: 20_000 });
  return result.signal ? undefined : Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values) => {
  const sorted = values.filter((value) => value !== undefined).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor(sorted.length / 2)];
};

console.log(`exit variants: ${RUNS} interleaved runs each, node ${process.version}, load average ${os.loadavg()[0].toFixed(2)}`);
for (const target of TARGETS) {
  const times = VARIANTS.map(() => []);
  for (let run = 0; run < RUNS; run++) VARIANTS.forEach(([, argv], index) => times[index].push(once(argv(target))));
  console.log(`\n${path.relative(process.cwd(), target) || target}`);
  const base = median(times[1]);
  VARIANTS.forEach(([name], index) => {
    const ms = median(times[index]);
    const hung = times[index].filter((value) => value === undefined).length;
    console.log(`  ${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  ${index === 0 ? '' : `${(ms / base).toFixed(2)}x bin`}${hung ? `  (${hung} hung)` : ''}`);
  });
}
console.log(`\nload average after: ${os.loadavg()[0].toFixed(2)}`);
