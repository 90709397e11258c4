#!/usr/bin/env node
'use strict';
// bundle/cognito-lint.js: runs bundle/cli.js (the single-file bundle of bin/cognito-lint.js) through V8's
// code cache, as Node.js 22's module.enableCompileCache() does. Compiling the 1.2 MB bundle and the
// functions a run needs is most of cognito-lint's start-up (docs/PERFORMANCE.md, "Cold start"); with
// the cache a fresh process skips it. Node.js 20 has no built-in cache, so this file keeps one:
// - per user, in $XDG_CACHE_HOME/cognito-lint or ~/.cache/cognito-lint (a directory only its owner can
//   write, so no other account can plant code in it), one file per cognito-lint and Node.js version;
// - V8 checks the cache against the source and its flags and ignores one that does not match; a cache
//   that cannot be read or written is skipped without a word: the run is the same, only slower;
// - COGNITO_LINT_NO_COMPILE_CACHE=1 (or Node's NODE_DISABLE_COMPILE_CACHE=1) turns it off.
// Copied verbatim by scripts/bundle.js; not compiled.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const CLI = path.join(__dirname, 'cli.js');
// The SHA-256 of cli.js, written in by scripts/bundle.js: names the cache, because V8 checks only the
// source's length against it.
const CLI_SHA256 = 'c458b5546bd6bdd4c6b4f9073642fc33f25d0a114f04f9574fd85b7082f07593';
// cli.js also runs on its own (`node bundle/cli.js`, no cache); its #! line becomes a comment here.
const source = fs.readFileSync(CLI, 'utf8').replace(/^#!/, '//');
const cacheFile = compileCacheFile();
let cachedData;
if (cacheFile) {
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined; // first run, or no cache
  }
}

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
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const owner = fs.statSync(dir);
    if (typeof process.getuid === 'function' && (owner.uid !== process.getuid() || (owner.mode & 0o022) !== 0)) return undefined;
    return path.join(dir, `cli-${CLI_SHA256.slice(0, 16)}-${process.version}-${process.arch}.cache`);
  } catch {
    return undefined;
  }
}

/** Writes the code cache whole or not at all (a temporary file renamed over it). */
function writeCache(file, compiled) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, compiled.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, file);
    removeStaleCaches(path.dirname(file), path.basename(file));
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/** Caches of other builds unused for a week go (other versions installed side by side keep theirs). */
function removeStaleCaches(dir, keep) {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const name of fs.readdirSync(dir)) {
    if (name === keep || !/^cli-.*\.cache$/.test(name)) continue;
    const file = path.join(dir, name);
    const { atimeMs, mtimeMs } = fs.statSync(file);
    if (atimeMs < weekAgo && mtimeMs < weekAgo) fs.rmSync(file, { force: true });
  }
}
