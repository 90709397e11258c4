#!/usr/bin/env node
// Interleaved comparison of commands (A, B, ... run one after the other, N times): median wall time,
// median CPU time (user+system, /usr/bin/time) and the fastest run of each. For before/after questions
// the full bench does not ask: two builds, V8 flags, one process against two.
// Usage: node bench/ab.js RUNS DIR -- command A... -- command B... [-- ...]
//   e.g. node bench/ab.js 9 /tmp/bench -- node bundle/cognito-lint.js cfn-yaml -o /dev/null \
//          -- node --maglev bundle/cognito-lint.js cfn-yaml -o /dev/null
'use strict';
const { spawnSync } = require('node:child_process');

const [runs, cwd, ...rest] = process.argv.slice(2);
const commands = [];
for (const arg of rest) {
  if (arg === '--') commands.push([]);
  else commands[commands.length - 1]?.push(arg);
}
if (!Number(runs) || !cwd || commands.length === 0 || commands.some((command) => command.length === 0)) {
  process.stderr.write('usage: node bench/ab.js RUNS DIR -- command A... -- command B...\n');
  process.exit(2);
}
const samples = commands.map(() => ({ wall: [], cpu: [] }));
for (let i = 0; i < Number(runs); i++) {
  commands.forEach((command, j) => {
    const started = process.hrtime.bigint();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', ...command], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const [user, system] = run.stderr.trim().split('\n').pop().split(' ').map(Number);
    samples[j].wall.push(wall);
    samples[j].cpu.push((user + system) * 1000);
  });
}
const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];
commands.forEach((command, j) => {
  const { wall, cpu } = samples[j];
  console.log(`wall ${median(wall).toFixed(0)} ms  cpu ${median(cpu).toFixed(0)} ms  fastest ${Math.min(...wall).toFixed(0)} ms  ${command.join(' ')}`);
});
