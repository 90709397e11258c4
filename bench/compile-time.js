#!/usr/bin/env node
// Time V8 takes to compile a script (the first step of every cold start), without running it:
// node bench/compile-time.js [--runs N] FILE...   (default 15 runs, interleaved across the files)
// Prints the best and the median per file. Used for the bundle's figures in docs/PERFORMANCE.md.
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt === -1 ? 15 : Number(args.splice(runsAt, 2)[1]);
const files = args.map((file) => [file, fs.readFileSync(file, 'utf8').replace(/^#!.*/, '')]);
const times = files.map(() => []);
for (let run = 0; run < runs; run++) {
  files.forEach(([file, source], i) => {
    const started = process.hrtime.bigint();
    // A distinct source each run: V8 would otherwise reuse its in-process compilation cache.
    new vm.Script(`${source}\n// ${run}`, { filename: `${file}#${run}` });
    times[i].push(Number(process.hrtime.bigint() - started) / 1e6);
  });
}
files.forEach(([file, source], i) => {
  const sorted = times[i].sort((a, b) => a - b);
  console.log(`${file}: ${(source.length / 1024).toFixed(0)} KB, compile best ${sorted[0].toFixed(1)} ms, median ${sorted[sorted.length >> 1].toFixed(1)} ms (${runs} runs)`);
});
