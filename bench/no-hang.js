#!/usr/bin/env node
// Exit-hang stress test (issue 15). Runs the CLI many times on real files, each run with a timeout, and
// counts the runs that never exit. A run is a hang when it does not exit within --timeout seconds
// (a normal run takes about 0.25 s here); it is then killed with SIGKILL. Output is read in full, so a
// run that exits early with truncated output is counted too ("short"), as is any exit code other than
// 0 or 1 ("failed").
//
// Usage: node bench/no-hang.js [--iterations N] [--jobs N] [--timeout S] [--bin FILE] [--node-arg ARG]...
//                              [--file FILE]... [--format F]
//   --iterations N  runs per file (default 1000)
//   --jobs N        runs at a time (default: the number of cores)
//   --timeout S     seconds before a run counts as hung (default 20)
//   --bin FILE      the entry point to run (default bin/cognito-lint.js)
//   --node-arg ARG  an option for node itself, before the entry point (repeatable)
//   --file FILE     lint this file instead of the default set (repeatable)
//   --format F      output format (default sarif, the one that hung most often)
// Exits 1 when any run hung, was short or failed.
'use strict';
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus');

// The Terraform file of issue 15, then one file of every other format.
const DEFAULT_FILES = [
  'terraform/wellcomecollection__storage-service__terraform__app_clients__clients.tf',
  'cloudformation-yaml/CDLUC3__dmsp_aws_prototype__templates__cognito.yaml',
  'cloudformation-json/aws-cloudformation__iac-model-evaluation__cloudformation__cognito.json',
  'sam/aws-samples__cloudfront-authorization-at-edge__template.yaml',
  'cdk-synth/AIX-Clever__chat-booking-backend__infra__cdk.out__ChatBooking-dev-Auth.template.json',
  'serverless/mateuskuritza__aws-cognito-serverless-template__serverless.yml',
  'api-json/ganezasan__serverless-cognito-auth__CognitoUserPool__userPoolClient.json',
].map((file) => path.join(CORPUS, file));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : args[index + 1];
};
const options = (name) => args.flatMap((arg, index) => (arg === name ? [args[index + 1]] : []));

const ITERATIONS = Number(option('--iterations', 1000));
const JOBS = Number(option('--jobs', os.availableParallelism ? os.availableParallelism() : os.cpus().length));
const TIMEOUT_MS = Number(option('--timeout', 20)) * 1000;
const BIN = path.resolve(option('--bin', path.join(ROOT, 'bin', 'cognito-lint.js')));
const NODE_ARGS = options('--node-arg');
const FORMAT = option('--format', 'sarif');
const FILES = options('--file').length > 0 ? options('--file').map((file) => path.resolve(file)) : DEFAULT_FILES;

/** One run: resolves with how it ended and how many bytes it wrote. */
function runOnce(file) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [...NODE_ARGS, BIN, file, '--format', FORMAT], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (chunk) => (bytes += chunk.length));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ hung, code, signal, bytes, stderr, ms: Date.now() - started });
    });
  });
}

async function stress(file) {
  // The first run sets the expected output size: every later run must write the same number of bytes.
  let expectedBytes;
  const counts = { runs: 0, hung: 0, short: 0, failed: 0 };
  const durations = [];
  let next = 0;
  async function worker() {
    while (next < ITERATIONS) {
      next++;
      const run = await runOnce(file);
      counts.runs++;
      if (run.hung) {
        counts.hung++;
        continue;
      }
      durations.push(run.ms);
      if (run.code !== 0 && run.code !== 1) {
        counts.failed++;
        if (counts.failed === 1) process.stderr.write(`  exit ${run.code ?? run.signal}: ${run.stderr.trim().split('\n')[0]}\n`);
      }
      expectedBytes ??= run.bytes;
      if (run.bytes !== expectedBytes) counts.short++;
    }
  }
  await Promise.all(Array.from({ length: JOBS }, worker));
  durations.sort((a, b) => a - b);
  return { ...counts, medianMs: durations[Math.floor(durations.length / 2)] ?? NaN, bytes: expectedBytes };
}

async function main() {
  const label = [...NODE_ARGS, path.relative(ROOT, BIN)].join(' ');
  console.log(`no-hang: ${ITERATIONS} runs per file, ${JOBS} at a time, timeout ${TIMEOUT_MS / 1000} s, node ${process.version}, ${label} --format ${FORMAT}`);
  let bad = 0;
  for (const file of FILES) {
    const result = await stress(file);
    bad += result.hung + result.short + result.failed;
    console.log(
      `${String(result.hung).padStart(4)} hung  ${String(result.short).padStart(4)} short  ${String(result.failed).padStart(4)} failed  of ${result.runs}  ` +
        `(median ${result.medianMs} ms, ${result.bytes} bytes)  ${path.relative(process.cwd(), file)}`,
    );
  }
  console.log(bad === 0 ? 'no-hang: no run hung' : `no-hang: ${bad} bad runs`);
  process.exitCode = bad === 0 ? 0 : 1;
}

main();
