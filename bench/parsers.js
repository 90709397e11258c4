#!/usr/bin/env node
// In-process parser throughput on the generated corpora: cognito-lint's YAML and JSON paths against the
// libraries behind them (the `yaml` package's composed Documents, jsonc-parser) and JSON.parse, which
// keeps no positions. "first pass" is each parser's first run over the corpus in a fresh process (the
// JIT still cold, as in a CLI run); "warm" is the median of the passes in the next 3 seconds (garbage
// collection included).
//
// Usage: node bench/parsers.js <cfn-yaml dir> <cfn-json dir>   (npm run build first; bench/run.js calls it)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const DIST = path.join(__dirname, '..', 'dist', 'src', 'parse');

const PARSERS = {
  'cognito-lint YAML (fast path)': ['yaml', () => require(path.join(DIST, 'yaml.js')).parseYaml],
  'yaml package (parseAllDocuments + conversion)': ['yaml', () => require(path.join(DIST, 'yaml.js')).parseYamlWithPackage],
  'cognito-lint JSON (fast path)': ['json', () => require(path.join(DIST, 'json.js')).parseJson],
  'jsonc-parser (parseTree + conversion)': ['json', () => require(path.join(DIST, 'json.js')).parseJsonWithJsonc],
  'JSON.parse (no positions)': ['json', () => JSON.parse],
};

function measure(name, dir) {
  const texts = fs.readdirSync(dir).sort().map((file) => fs.readFileSync(path.join(dir, file), 'utf8'));
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const parse = PARSERS[name][1]();
  const pass = () => {
    const started = process.hrtime.bigint();
    for (const text of texts) parse(text);
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const first = pass();
  const warm = [];
  const until = Date.now() + 3000;
  do warm.push(pass());
  while (Date.now() < until || warm.length < 5);
  warm.sort((a, b) => a - b);
  return { name, bytes, files: texts.length, firstMBs: bytes / 1e6 / first, warmMBs: bytes / 1e6 / warm[warm.length >> 1] };
}

if (process.argv[2] === '--one') {
  // Child mode: one parser in a fresh process, so that its first pass is really cold.
  process.stdout.write(JSON.stringify(measure(process.argv[3], process.argv[4])));
} else {
  const [yamlDir, jsonDir] = process.argv.slice(2);
  const rows = [];
  for (const [name, [kind]] of Object.entries(PARSERS)) {
    const dir = kind === 'yaml' ? yamlDir : jsonDir;
    const run = spawnSync(process.execPath, [__filename, '--one', name, dir], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    rows.push(JSON.parse(run.stdout));
  }
  const out = ['| parser | corpus | first pass MB/s | warm MB/s |', '|---|---|---:|---:|'];
  for (const r of rows) out.push(`| ${r.name} | ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB | ${r.firstMBs.toFixed(1)} | ${r.warmMBs.toFixed(1)} |`);
  process.stdout.write(out.join('\n') + '\n');
}
