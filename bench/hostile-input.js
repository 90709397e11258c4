#!/usr/bin/env node
// The hostile input shapes of docs/design/linear-input.md, each in a file that holds a client (so the
// word test reads it): YAML aliases, alias chains and merge-key chains at the top level and inside a
// client's Properties, and 1 MB suppression comments. Writes them to a temporary directory and times one
// CLI run per file (user+sys CPU and wall seconds from /usr/bin/time, when present, else wall only).
//
// Usage: node bench/hostile-input.js [--bin PATH] [--timeout SECONDS]
//   --bin      the CLI to run (default bin/cognito-lint.js; bundle/cognito-lint.js for the bundle)
//   --timeout  per run, wall seconds (default 120); a run stopped there prints "timeout"
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const bin = path.resolve(option('--bin', path.join(__dirname, '..', 'bin', 'cognito-lint.js')));
const timeout = Number(option('--timeout', '120'));

const CLIENT = 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n    Properties:\n      UserPoolId: us-east-1_abc\n';
const chain = (pad) => Array.from({ length: 3000 }, (_, i) => (i === 0 ? `${pad}x0: &x0 [a]\n` : `${pad}x${i}: &x${i} [*x${i - 1}]\n`)).join('');
const merge = (pad) => Array.from({ length: 250 }, (_, i) => (i === 0 ? `${pad}x0: &x0 {a: 1}\n` : `${pad}x${i}: &x${i}\n${pad}  <<: [*x${i - 1}]\n${pad}  k${i}: ${i}\n`)).join('');
const comment = (body) => `${CLIENT}      PreventUserExistenceErrors: LEGACY # cognito-lint-disable-line ${body}\n`;

const SHAPES = {
  'top-flat': `a: &a x\nl: [${Array(20000).fill('*a').join(', ')}]\n${CLIENT}`,
  'top-flat-block': `a: &a x\nl:\n${'  - *a\n'.repeat(20000)}${CLIENT}`,
  'top-chain': chain('') + CLIENT,
  'top-merge': merge('') + CLIENT,
  'client-flat': `${CLIENT}      ClientName: &a x\n      CallbackURLs: [${Array(20000).fill('*a').join(', ')}]\n`,
  'client-chain': CLIENT + chain('      '),
  'client-merge': CLIENT + merge('      '),
  'comment-one-id': comment('a'.repeat(1 << 20)),
  'comment-many-ids': comment('a, '.repeat(1 << 18)),
  'comment-dashes': comment('x' + ' -'.repeat(1 << 19)),
  'comment-closers': comment('x ' + '*/'.repeat(1 << 19)),
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cognito-lint-hostile-'));
const haveTime = fs.existsSync('/usr/bin/time');
console.log(`${bin}, timeout ${timeout} s${haveTime ? '' : ' (no /usr/bin/time: wall time only)'}`);
for (const [name, text] of Object.entries(SHAPES)) {
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, text);
  const timing = path.join(dir, `${name}.time`);
  const command = haveTime ? ['/usr/bin/time', ['-f', '%U %S %e', '-o', timing, process.execPath, bin, file, '--format', 'json']] : [process.execPath, [bin, file, '--format', 'json']];
  const started = Date.now();
  const run = spawnSync(command[0], command[1], { stdio: ['ignore', 'ignore', 'ignore'], timeout: timeout * 1000 });
  const wall = (Date.now() - started) / 1000;
  let cpu = '';
  if (haveTime && fs.existsSync(timing)) {
    const [user, system] = fs.readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    if (Number.isFinite(user)) cpu = `cpu ${(user + system).toFixed(2)} s  `;
  }
  const size = `${(text.length / 1024).toFixed(0)} KB`;
  console.log(`${name.padEnd(18)} ${size.padStart(8)}  ${run.error ? 'timeout' : `exit ${run.status}`}  ${cpu}wall ${wall.toFixed(2)} s`);
}
fs.rmSync(dir, { recursive: true, force: true });
