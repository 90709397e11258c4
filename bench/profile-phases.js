#!/usr/bin/env node
// Splits a CPU profile of a cognito-lint run into pipeline phases: each sample goes to the outermost
// phase function on its stack (module loading, discovery, reading, parsing and loading, rules, ...).
// Usage: node --cpu-prof --cpu-prof-dir=prof bin/cognito-lint.js <dir> > /dev/null
//        node bench/profile-phases.js prof/*.cpuprofile
'use strict';
const fs = require('node:fs');

const PHASES = [
  ['module loading', /^(Module\._load|require|compileForInternalLoader)$/],
  ['rule catalog', /^loadAllRules$/],
  ['discovery', /^discover$/],
  ['reading', /^readCandidate$/],
  ['prefilter', /^mayHoldClient$/],
  ['parsing', /^(parseYaml|parseJson)$/],
  ['loading (folding, clients)', /^loadFile$/],
  ['rules (evaluate)', /^evaluate$/],
  ['suppressions and baseline', /^filterFindings$/],
  ['formatting', /^format$/],
];

const profile = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const totals = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  const leaf = byId.get(profile.samples[i]).callFrame.functionName;
  let phase = leaf === '(garbage collector)' ? 'garbage collection' : leaf === '(idle)' ? 'idle' : 'other (start-up, CLI)';
  if (phase.startsWith('other')) {
    const stack = [];
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(byId.get(id).callFrame.functionName);
    // Outermost first: parsing inside loadFile counts as parsing, since it is matched before loadFile below.
    outer: for (let j = stack.length - 1; j >= 0; j--) {
      for (const [name, pattern] of PHASES) {
        if (!pattern.test(stack[j])) continue;
        phase = name;
        if (name === 'loading (folding, clients)' && stack.slice(0, j).some((f) => /^(parseYaml|parseJson)$/.test(f))) phase = 'parsing';
        break outer;
      }
    }
  }
  totals.set(phase, (totals.get(phase) ?? 0) + delta);
}
for (const [phase, time] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`${(time / 1000).toFixed(1).padStart(8)} ms  ${((100 * time) / total).toFixed(0).padStart(3)}%  ${phase}`);
console.log(`${(total / 1000).toFixed(1).padStart(8)} ms  total sampled`);
