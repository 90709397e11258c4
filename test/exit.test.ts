// Issue 15: the process exits on its own, with its whole output, whichever way it is started.
// The hang itself is rare per run, so it is counted by bench/no-hang.js (and by .ci/run), not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT } from './golden';
import { BIN } from './bin-helpers';
import { finishOptimizationJobs } from '../src/exit';

test('every entry point runs the bundle of bin/cognito-lint.js, so the exit fix applies to all of them', () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.deepEqual(pkg.bin, { 'cognito-lint': 'bundle/cognito-lint.js' });
  // The bundle's entry is bin/cognito-lint.js (scripts/bundle.js), whose exit handling it keeps.
  assert.match(readFileSync(join(REPO_ROOT, 'scripts', 'bundle.js'), 'utf8'), /const ENTRY = 'bin\/cognito-lint\.js';/);
  // pre-commit runs the package's bin by name.
  const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ entry: string }>;
  for (const hook of hooks) assert.equal(hook.entry.split(' ')[0], 'cognito-lint');
  // The Action's step script runs the bundle with node.
  assert.match(readFileSync(join(REPO_ROOT, 'scripts', 'action-run.sh'), 'utf8'), /exec node "\$GITHUB_ACTION_PATH\/bundle\/cognito-lint\.js"/);
});

test("V8's %FinalizeOptimization is reachable on this Node.js (without it only the explicit exit remains)", () => {
  assert.equal(finishOptimizationJobs(), true);
});

test('the whole report reaches a slow reader before the process exits, with the exit code', async () => {
  // Over 300 KB of SARIF, more than a pipe holds: the child must wait for the reader before it can exit.
  // examples/ and a copy of it: inside the repository, so a fresh clone runs this test too.
  const copy = join(mkdtempSync(join(tmpdir(), 'cognito-lint-exit-')), 'examples');
  cpSync(join(REPO_ROOT, 'examples'), copy, { recursive: true });
  const child = spawn(process.execPath, [BIN, 'examples', copy, '--format', 'sarif'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    // A slow reader: 5 ms for every chunk.
    child.stdout.pause();
    setTimeout(() => child.stdout.resume(), 5);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const text = Buffer.concat(chunks).toString('utf8');
  assert.ok(text.length > 300_000, `report of ${text.length} bytes`);
  const log = JSON.parse(text) as { runs: Array<{ results: unknown[] }> };
  assert.ok(log.runs[0]!.results.length > 0);
  assert.equal(code, 1);
});

test('a usage error still exits 2 through the same path', async () => {
  const child = spawn(process.execPath, [BIN, '--no-such-flag'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 2);
  assert.match(stderr, /unknown option --no-such-flag/);
});
