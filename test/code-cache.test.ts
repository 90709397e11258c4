// The bundle's code cache (scripts/bundle-loader.js) is checked before V8 sees it: V8 itself checks only
// the source's length and its flags, so a damaged cache crashed the process and a foreign one ran
// another cli.js's code. CI caches are restored from other branches; the cache must never be trusted
// blindly, and a missing home directory must never be created. Runs the bundle (npm run bundle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './golden';
import { BINS } from './bin-helpers';

const ARGS = ['examples/api/create-request-bad.json', '--format', 'json', '--fail-on', 'none'];

function runBundle(bin: string, env: Record<string, string>, args: readonly string[] = ARGS): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: REPO_ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env } });
  return { code: run.status, signal: run.signal, stdout: run.stdout, stderr: run.stderr };
}

/** The one cache file (and its checksum) in a cache home. */
function cacheFiles(cacheHome: string): { cache: string; sum: string } {
  const dir = join(cacheHome, 'cognito-lint');
  const caches = readdirSync(dir).filter((name) => name.endsWith('.cache'));
  assert.equal(caches.length, 1, `one cache in ${readdirSync(dir).join(', ')}`);
  return { cache: join(dir, caches[0]!), sum: join(dir, `${caches[0]!}.sha256`) };
}

/** The checksum the loader expects: SHA-256 of the hash of the cli.js it runs and of the cache bytes. */
function expectedSum(cliFile: string, cache: Buffer): string {
  const cliSha = createHash('sha256').update(readFileSync(cliFile)).digest('hex');
  return `${createHash('sha256').update(cliSha).update(cache).digest('hex')}\n`;
}

function assertValidCache(cacheHome: string, why: string): void {
  const { cache, sum } = cacheFiles(cacheHome);
  assert.equal(readFileSync(sum, 'utf8'), expectedSum(join(REPO_ROOT, 'bundle', 'cli.js'), readFileSync(cache)), why);
}

/** A small deterministic generator (mulberry32), so a failure names a reproducible flip. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('52 runs over a cache (or its checksum) with random bytes flipped or cut: each exits normally with the right report, and leaves a valid cache', { timeout: 600_000 }, () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'cognito-lint-cache-'));
  const env = { XDG_CACHE_HOME: cacheHome };
  const first = runBundle(BINS.bundle, env);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /"ruleId": "token-validity-range"/);
  assertValidCache(cacheHome, 'the first run writes the cache and its checksum');
  const next = random(22);
  for (let round = 0; round < 52; round++) {
    const { cache, sum } = cacheFiles(cacheHome);
    // Most rounds damage the cache (flips, or a cut), every fifth the checksum.
    const target = round % 5 === 4 ? sum : cache;
    const bytes = readFileSync(target);
    let damage: string;
    if (round % 7 === 6) {
      const length = Math.floor(next() * bytes.length);
      writeFileSync(target, bytes.subarray(0, length));
      damage = `cut to ${length} bytes`;
    } else {
      const flips = 1 + Math.floor(next() * 8);
      const offsets: number[] = [];
      for (let i = 0; i < flips; i++) {
        const offset = Math.floor(next() * bytes.length);
        bytes[offset] = bytes[offset]! ^ (1 + Math.floor(next() * 255));
        offsets.push(offset);
      }
      writeFileSync(target, bytes);
      damage = `bytes ${offsets.join(', ')} flipped`;
    }
    const why = `round ${round}: ${target.endsWith('.sha256') ? 'checksum' : 'cache'} ${damage}`;
    const run = runBundle(BINS.bundle, env);
    assert.equal(run.signal, null, why);
    assert.equal(run.code, 0, `${why}: ${run.stderr}`);
    assert.equal(run.stderr, '', why);
    assert.equal(run.stdout, first.stdout, why);
    assertValidCache(cacheHome, `${why}: the cache is written again`);
  }
});

test('a cache compiled from another cli.js of the same length (with its own checksum) is deleted and rebuilt, never run', () => {
  const cacheHome = mkdtempSync(join(tmpdir(), 'cognito-lint-cache-'));
  const env = { XDG_CACHE_HOME: cacheHome };
  // Another build: cli.js with the version changed (same length), its loader naming its own hash.
  const foreign = mkdtempSync(join(tmpdir(), 'cognito-lint-foreign-'));
  cpSync(join(REPO_ROOT, 'bundle'), foreign, { recursive: true });
  const cli = readFileSync(join(REPO_ROOT, 'bundle', 'cli.js'), 'utf8');
  const ours = /version:"(\d+\.\d+\.\d+)"/.exec(cli)![1]!;
  const theirs = `9${ours.slice(1)}`;
  const foreignCli = cli.replace(`version:"${ours}"`, `version:"${theirs}"`);
  assert.equal(foreignCli.length, cli.length);
  writeFileSync(join(foreign, 'cli.js'), foreignCli);
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  writeFileSync(join(foreign, 'cognito-lint.js'), readFileSync(join(REPO_ROOT, 'bundle', 'cognito-lint.js'), 'utf8').replace(sha(cli), sha(foreignCli)));
  assert.equal(runBundle(join(foreign, 'cognito-lint.js'), env, ['--version']).stdout, `${theirs}\n`);
  const planted = cacheFiles(cacheHome);

  // Our cache's name, holding the foreign cache and the foreign checksum (a restored CI cache, renamed).
  const ownName = join(cacheHome, 'cognito-lint', `cli-${sha(cli).slice(0, 16)}-${process.version}-${process.arch}.cache`);
  renameSync(planted.cache, ownName);
  renameSync(planted.sum, `${ownName}.sha256`);
  const run = runBundle(BINS.bundle, env, ['--version']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, `${ours}\n`, 'our code runs, not the cached foreign one');
  assertValidCache(cacheHome, 'the foreign cache is replaced by ours');

  // Without a checksum (a cache from before checksums, or a copied cache file alone): rebuilt too.
  const { cache, sum } = cacheFiles(cacheHome);
  copyFileSync(cache, `${cache}.copy`);
  writeFileSync(sum, '');
  assert.equal(runBundle(BINS.bundle, env, ['--version']).stdout, `${ours}\n`);
  assertValidCache(cacheHome, 'a cache without its checksum is rebuilt');
});

test('a missing home directory is not created: the run goes without a cache', () => {
  const parent = mkdtempSync(join(tmpdir(), 'cognito-lint-home-'));
  const home = join(parent, 'nonexistent', 'x');
  const run = runBundle(BINS.bundle, { HOME: home });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /"ruleId": "token-validity-range"/);
  assert.ok(!existsSync(join(parent, 'nonexistent')), 'HOME was not created');
  const xdg = join(parent, 'missing', 'cache');
  assert.equal(runBundle(BINS.bundle, { XDG_CACHE_HOME: xdg }).code, 0);
  assert.ok(!existsSync(join(parent, 'missing')), 'nor the parent of XDG_CACHE_HOME');
});
