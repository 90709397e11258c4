#!/usr/bin/env node
// Splits a CPU profile of a cognito-lint run into the pipeline's phases: each sample goes to the innermost
// phase function on its stack (so YAML parsing inside loading counts as parsing, planning a fix inside the
// file's finish as fixes), garbage collection to its own line, and what is under no phase function to
// start-up (module loading, the CLI, the rule catalog). Works on the bundle and on the tsc build.
// Usage: node --cpu-prof --cpu-prof-dir=prof bundle/cli.js <dir> -o /dev/null > /dev/null
//        node bench/profile-phases.js prof/*.cpuprofile [--json]
'use strict';
const fs = require('node:fs');

// Innermost wins, so the order here does not matter; names are the functions' own (esbuild keeps them,
// adding a digit when two modules share one: `parse3`).
const PHASES = [
  ['discovery', /^(discover|walkDirectory)\d*$/],
  ['reading', /^(readCandidate|mayHoldClient|mayHoldClientBytes)\d*$/],
  ['parsing (YAML, JSON, HCL)', /^(parseYaml|parseYamlFastOrLimit|parseJson|parseJsonFast|parseHcl)\d*$/],
  ['loading (templates, folding, clients)', /^loadFile\d*$/],
  ['rules (evaluate)', /^evaluate\d*$/],
  ['findings (message, provenance)', /^(makeFinding|redactFinding)\d*$/],
  ['fixes (planned per finding)', /^withChange\d*$/],
  ['suppressions and baseline', /^(filterFile|finishFilter)\d*$/],
  ['formatting', /^format\d*$/],
];

const [file, ...flags] = process.argv.slice(2);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const phaseOfNode = new Map();
const phaseOf = (id) => {
  if (phaseOfNode.has(id)) return phaseOfNode.get(id);
  const name = byId.get(id).callFrame.functionName;
  const own = PHASES.find(([, pattern]) => pattern.test(name))?.[0];
  const up = parent.get(id);
  const phase = own ?? (up === undefined ? undefined : phaseOf(up));
  phaseOfNode.set(id, phase);
  return phase;
};
const totals = new Map();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const delta = profile.timeDeltas[i] ?? 0;
  total += delta;
  const leaf = byId.get(profile.samples[i]).callFrame.functionName;
  const phase = leaf === '(garbage collector)' ? 'garbage collection' : leaf === '(idle)' ? 'idle' : phaseOf(profile.samples[i]) ?? 'start-up (modules, CLI, rule catalog)';
  totals.set(phase, (totals.get(phase) ?? 0) + delta);
}
const rows = [...totals].sort((a, b) => b[1] - a[1]).map(([phase, time]) => ({ phase, ms: time / 1000, share: time / total }));
if (flags.includes('--json')) process.stdout.write(`${JSON.stringify({ totalMs: total / 1000, rows })}\n`);
else {
  for (const row of rows) console.log(`${row.ms.toFixed(1).padStart(8)} ms  ${(100 * row.share).toFixed(0).padStart(3)}%  ${row.phase}`);
  console.log(`${(total / 1000).toFixed(1).padStart(8)} ms  total sampled`);
}
