#!/usr/bin/env node
'use strict';
// bundle/cognito-lint.js: runs bundle/cli.js (the single-file bundle of bin/cognito-lint.js) through V8's
// code cache, as Node.js 22's module.enableCompileCache() does. Compiling the 1.2 MB bundle and the
// functions a run needs is most of cognito-lint's start-up (docs/PERFORMANCE.md, "Cold start"); with
// the cache a fresh process skips it. Node.js 20 has no built-in cache, so this file keeps one:
// - per user, in $XDG_CACHE_HOME/cognito-lint or ~/.cache/cognito-lint (a directory only its owner can
//   write, so no other account can plant code in it), one file per cognito-lint and Node.js version;
//   a missing home directory is never created (no cache then);
// - V8 checks only the source's length and its flags, and runs whatever a damaged cache says (crashes
//   with random flips, another cli.js's code with a foreign one). So a SHA-256 of the cache bytes and
//   of the cli.js they were compiled from is kept beside them (`<cache>.sha256`) and checked before V8
//   sees them: a cache that does not match is deleted and written again, never run
//   (docs/design/writes.md);
// - both files are written whole or not at all (a temporary file renamed over them); a cache that
//   cannot be read or written is skipped without a word: the run is the same, only slower;
// - COGNITO_LINT_NO_COMPILE_CACHE=1 (or Node's NODE_DISABLE_COMPILE_CACHE=1) turns it off.
// Copied verbatim by scripts/bundle.js; not compiled.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const CLI = path.join(__dirname, 'cli.js');
// The SHA-256 of cli.js, written in by scripts/bundle.js: names the cache and goes into its checksum,
// because V8 checks only the source's length against it.
const CLI_SHA256 = '56316468e9e6fc20086c757be6a6c144a37f9d6b9a18d0897cfb46e1a62533f8';
// cli.js also runs on its own (`node bundle/cli.js`, no cache); its #! line becomes a comment here.
const source = fs.readFileSync(CLI, 'utf8').replace(/^#!/, '//');
const cacheFile = compileCacheFile();
const cachedData = cacheFile ? verifiedCache(cacheFile) : undefined;

const script = new vm.Script(Module.wrap(source), { filename: CLI, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // Written at exit, so that the functions this run compiled are in it too (the CLI always ends with
  // process.exit, which runs 'exit' listeners).
  process.once('exit', () => writeCache(cacheFile, script));
}

const cli = new Module(CLI, module);
cli.filename = CLI;
cli.paths = Module._nodeModulePaths(__dirname);
const requireFromCli = Object.assign((id) => cli.require(id), {
  resolve: (request, options) => Module._resolveFilename(request, cli, false, options),
  main: require.main,
  cache: require.cache,
});
script.runInThisContext()(cli.exports, requireFromCli, cli, CLI, __dirname);

/** The cache file for this bundle and this Node.js, or undefined when the cache is off or has no home. */
function compileCacheFile() {
  if (process.env.COGNITO_LINT_NO_COMPILE_CACHE || process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
    if (!path.isAbsolute(base)) return undefined;
    const dir = path.join(base, 'cognito-lint');
    // One level at a time, never recursively: a home directory that does not exist stays so.
    makeDirectory(base);
    makeDirectory(dir);
    const owner = fs.statSync(dir);
    if (typeof process.getuid === 'function' && (owner.uid !== process.getuid() || (owner.mode & 0o022) !== 0)) return undefined;
    return path.join(dir, `cli-${CLI_SHA256.slice(0, 16)}-${process.version}-${process.arch}.cache`);
  } catch {
    return undefined;
  }
}

function makeDirectory(dir) {
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
  }
}

/** What the checksum file holds: the SHA-256 of cli.js's own hash and the cache bytes (a cache of another cli.js fails it). */
function checksum(bytes) {
  return `${require('node:crypto').createHash('sha256').update(CLI_SHA256).update(bytes).digest('hex')}\n`;
}

/** The cache bytes when their checksum matches; otherwise the pair is deleted (and written again at exit). */
function verifiedCache(file) {
  let bytes;
  let sum;
  try {
    bytes = fs.readFileSync(file);
    sum = fs.readFileSync(`${file}.sha256`, 'latin1');
  } catch {
    if (bytes === undefined) return undefined; // first run
  }
  if (sum === checksum(bytes)) return bytes;
  try {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.sha256`, { force: true });
  } catch {
    // Left for the write at exit to replace.
  }
  return undefined;
}

/** Writes the code cache and then its checksum, each whole or not at all (a temporary file renamed over it). */
function writeCache(file, compiled) {
  try {
    const bytes = compiled.createCachedData();
    writeWhole(file, bytes);
    writeWhole(`${file}.sha256`, checksum(bytes));
    removeStaleCaches(path.dirname(file), path.basename(file));
  } catch {
    // No cache this time: the next run compiles again.
  }
}

function writeWhole(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    // Exclusive create: a leftover or planted file at the temporary name is not written through.
    const fd = fs.openSync(temporary, 'wx', 0o600);
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Caches of other builds (and their checksums, and temporary files left by a killed run) unused for a week go. */
function removeStaleCaches(dir, keep) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (name === keep || name === `${keep}.sha256` || !/^cli-.*\.cache(\.sha256)?(\.\d+\.tmp)?$/.test(name)) continue;
    const file = path.join(dir, name);
    const { atimeMs, mtimeMs } = fs.statSync(file);
    if (atimeMs < weekAgo && mtimeMs < weekAgo) fs.rmSync(file, { force: true });
  }
}
