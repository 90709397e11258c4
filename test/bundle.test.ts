// Issue 12, "ship it": every entry point runs bundle/cognito-lint.js (scripts/bundle.js). The committed
// bundle equals a fresh build, it lints exactly as the sources do, the CLI tests pass through it too,
// the package holds only what runs, and the Action runs it from a fresh clone with no install step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './golden';
import { BINS, BIN_VARIABLE, gitRepository } from './bin-helpers';
import { assertValidSarif } from './sarif-schema';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

test('the committed bundle/ equals a fresh build, byte for byte', () => {
  const check = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'bundle.js'), '--check'], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
});

test('the bundle reports exactly what the sources report, on examples/ and the corpus', () => {
  const inputs = ['examples', ...(existsSync(CORPUS) ? [CORPUS] : [])];
  const report = (bin: string): string => {
    const run = spawnSync(process.execPath, [bin, ...inputs, '--format', 'json', '--fail-on', 'none'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const sources = report(BINS.sources);
  assert.ok((JSON.parse(sources) as { results: unknown[] }).results.length > 100);
  // Terraform files included: the bundle finds both .wasm files beside it.
  assert.match(sources, /"file": "examples\/terraform\//);
  assert.equal(report(BINS.bundle), sources);
});

test('the code cache: written on the first run, used by the next, ignored when corrupt or switched off', () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'cognito-lint-cache-'));
  const run = (extra: Record<string, string> = {}): string => {
    const result = spawnSync(process.execPath, [BINS.bundle, 'examples/terraform/bad.tf', 'examples/api', '--format', 'json', '--fail-on', 'none'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: cacheHome, ...extra } });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    return result.stdout;
  };
  const dir = join(cacheHome, 'cognito-lint');
  const first = run();
  const caches = readdirSync(dir).filter((name) => !name.endsWith('.sha256'));
  assert.equal(caches.length, 1, 'one cache file');
  assert.match(caches[0]!, /^cli-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.cache$/);
  assert.deepEqual(readdirSync(dir).sort(), [caches[0]!, `${caches[0]!}.sha256`], 'and its checksum beside it (test/code-cache.test.ts)');
  // Only its owner can write the directory and read the files.
  assert.equal(statSync(dir).mode & 0o077, 0);
  assert.equal(statSync(join(dir, caches[0]!)).mode & 0o077, 0);
  assert.equal(statSync(join(dir, `${caches[0]!}.sha256`)).mode & 0o077, 0);
  const written = readFileSync(join(dir, caches[0]!));
  assert.equal(run(), first, 'a run from the cache reports the same');
  assert.ok(readFileSync(join(dir, caches[0]!)).equals(written), 'an accepted cache is not rewritten');
  writeFileSync(join(dir, caches[0]!), 'not a code cache');
  assert.equal(run(), first, 'a corrupt cache is ignored');
  assert.ok(!readFileSync(join(dir, caches[0]!)).equals(Buffer.from('not a code cache')), 'and replaced');
  const off = mkdtempSync(join(tmpdir(), 'cognito-lint-cache-'));
  assert.equal(run({ XDG_CACHE_HOME: off, COGNITO_LINT_NO_COMPILE_CACHE: '1' }), first);
  assert.deepEqual(readdirSync(off), [], 'switched off, nothing is written');
});

// Every test file that spawns the CLI (its BIN comes from test/bin-helpers.ts), run again against the
// bundle. The other files that run the CLI already run the bundle: the Action's step script, pre-commit.
const SPAWNING = ['trust', 'exit', 'bounded', 'isolation', 'safe-write'];
test(`the CLI tests pass against the bundle too (${SPAWNING.join(', ')})`, { timeout: 240_000 }, () => {
  const files = SPAWNING.map((name) => join(__dirname, `${name}.test.js`));
  // Without NODE_TEST_CONTEXT, set by the runner of this file: the nested runner then reports as a top-level one.
  const { NODE_TEST_CONTEXT: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=dot', ...files], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...env, [BIN_VARIABLE]: 'bundle' }, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
});

test('npm pack holds only what runs: the bundle, its .wasm files, schemas, docs, README and licence', () => {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ files: Array<{ path: string }> }>;
  const paths = pack!.files.map((file) => file.path).sort();
  const allowed = /^(bundle\/[^/]+|schemas\/[^/]+\.json|docs\/.+\.md|README\.md|LICENSE|package\.json)$/;
  assert.deepEqual(paths.filter((path) => !allowed.test(path)), []);
  for (const file of ['cognito-lint.js', 'cli.js', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm', 'LICENSES.txt']) assert.ok(paths.includes(`bundle/${file}`), `bundle/${file} is packed`);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies?: object; bin: Record<string, string> };
  // Everything the bundle needs is inside it: installing the package installs nothing else.
  assert.equal(pkg.dependencies, undefined);
  assert.ok(paths.includes(pkg.bin['cognito-lint']!));
});

interface ActionReport {
  steps: Array<{ name: string; code: number | null; stdout: string; stderr: string }>;
  outputs: Record<string, string>;
  sizeBytes: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { simulateAction } = require(join(REPO_ROOT, 'scripts', 'simulate-action.js')) as { simulateAction(options: { repo: string; workspace: string; inputs: Record<string, string> }): ActionReport };

test('the Action, run from a fresh clone as a runner runs it, writes valid SARIF and stays under 40 MB', { timeout: 120_000 }, () => {
  const workspace = gitRepository({});
  cpSync(join(REPO_ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  const report = simulateAction({ repo: REPO_ROOT, workspace, inputs: { paths: 'examples', format: 'sarif', 'fail-on': 'none', 'sarif-category': 'cognito' } });
  for (const step of report.steps) assert.equal(step.code, 0, `${step.name}: ${step.stderr}`);
  assert.equal(report.outputs['sarif-file'], 'cognito-lint.sarif');
  const log = assertValidSarif(readFileSync(join(workspace, 'cognito-lint.sarif'), 'utf8'));
  assert.ok(log.runs[0]!.results!.length > 50);
  assert.ok(report.sizeBytes < 40 * 1024 * 1024, `the action folder holds ${report.sizeBytes} bytes`);
});
