#!/usr/bin/env node
// Builds bundle/, the folder every entry point runs (the npm bin, the GitHub Action, the pre-commit
// hook): bin/cognito-lint.js and everything it requires from dist/ (run `npm run build` first) in one
// file, cli.js, and the language server (`--lsp`, dist/src/server/index.js) in another, server.js, which
// cli.js requires only for --lsp so that a lint run neither loads nor compiles it. cli.js is run by cognito-lint.js (scripts/bundle-loader.js: V8's code cache), with the two WebAssembly files it loads beside it (web-tree-sitter's runtime,
// found by web-tree-sitter from the bundle's own folder, and the vendored HCL grammar, found by
// src/parse/hcl.ts when COGNITO_LINT_BUNDLE is defined) and the licences of all it contains.
// The folder is committed, so the Action needs no install step. esbuild-wasm is pinned exactly: its
// output is deterministic, so `--check` (run by test/bundle.test.ts and .ci/run) can require the
// committed folder to equal a fresh build byte for byte.
// Usage: node scripts/bundle.js [--check]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild-wasm');

const root = path.join(__dirname, '..');
const OUT = path.join(root, 'bundle');
const ENTRY = 'bin/cognito-lint.js';
const BUNDLE = 'cli.js';
const SERVER_ENTRY = 'dist/src/server/index.js';
const SERVER_BUNDLE = 'server.js';
// What every entry point runs: scripts/bundle-loader.js, which runs cli.js through V8's code cache.
const LOADER = 'cognito-lint.js';
const REBUILD = 'npm run build && npm run bundle';

/**
 * The bundle takes from package.json only what src/meta.ts reads, so editing scripts or dependencies
 * does not change it.
 */
const packageFacts = {
  name: 'package-facts',
  setup(build) {
    const file = path.join(root, 'package.json');
    build.onLoad({ filter: /[\\/]package\.json$/ }, (args) => {
      if (args.path !== file) return undefined;
      const { name, version, homepage } = JSON.parse(fs.readFileSync(file, 'utf8'));
      return { contents: JSON.stringify({ name, version, homepage }), loader: 'json' };
    });
  },
};

/** The files of bundle/, by name, as a fresh build makes them. */
async function build() {
  const result = await esbuild.build({
    absWorkingDir: root, // paths in the output's comments are relative to it, so any clone builds the same bytes
    entryPoints: [
      { in: ENTRY, out: BUNDLE.replace(/\.js$/, '') },
      { in: SERVER_ENTRY, out: SERVER_BUNDLE.replace(/\.js$/, '') },
    ],
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // ES modules first: jsonc-parser's UMD main requires its own files through a parameter, which no
    // bundler can follow.
    mainFields: ['module', 'main'],
    define: { COGNITO_LINT_BUNDLE: 'true' },
    // Whitespace and syntax only: identifiers stay, so an internal error's stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none', // the licences go to LICENSES.txt, complete rather than as scattered comments
    plugins: [packageFacts],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const files = new Map();
  const output = (name) => Buffer.from(result.outputFiles.find((file) => path.basename(file.path) === name).contents);
  const bundle = output(BUNDLE);
  files.set(BUNDLE, bundle);
  files.set(SERVER_BUNDLE, output(SERVER_BUNDLE));
  const sha256 = require('node:crypto').createHash('sha256').update(bundle).digest('hex');
  files.set(LOADER, Buffer.from(fs.readFileSync(path.join(__dirname, 'bundle-loader.js'), 'utf8').replace('@@CLI_SHA256@@', sha256)));
  files.set('web-tree-sitter.wasm', fs.readFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm')));
  files.set('tree-sitter-terraform.wasm', fs.readFileSync(path.join(root, 'vendor', 'tree-sitter-hcl', 'tree-sitter-terraform.wasm')));
  files.set('LICENSES.txt', Buffer.from(licences(Object.keys(result.metafile.inputs))));
  return files;
}

/** The licence of every package the bundle contains, and of the vendored grammar. */
function licences(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const match = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (match) packages.set(match[1], path.join(root, 'node_modules', match[1]));
  }
  packages.set('tree-sitter-hcl (vendor/tree-sitter-hcl/tree-sitter-terraform.wasm)', path.join(root, 'vendor', 'tree-sitter-hcl'));
  const sections = [...packages].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, dir]) => {
    const file = fs.readdirSync(dir).find((entry) => /^licen[cs]e([-.].*)?$/i.test(entry));
    if (!file) throw new Error(`${name} has no licence file in ${dir}`);
    const pkgFile = path.join(dir, 'package.json');
    const version = fs.existsSync(pkgFile) ? `@${JSON.parse(fs.readFileSync(pkgFile, 'utf8')).version}` : '';
    return `${name}${version}\n${'-'.repeat(72)}\n${fs.readFileSync(path.join(dir, file), 'utf8').trim()}\n`;
  });
  const header = 'cognito-lint is Apache-2.0 (LICENSE). bundle/ also contains the following, under their own licences.\n';
  return [header, ...sections].join('\n');
}

async function main() {
  const files = await build();
  if (process.argv.includes('--check')) {
    const present = fs.existsSync(OUT) ? fs.readdirSync(OUT) : [];
    const stale = [...files].filter(([name, bytes]) => !present.includes(name) || !fs.readFileSync(path.join(OUT, name)).equals(bytes)).map(([name]) => name);
    const extra = present.filter((name) => !files.has(name));
    if (stale.length > 0 || extra.length > 0) {
      console.error(`bundle/ differs from a fresh build (stale: ${stale.join(', ') || 'none'}; not built: ${extra.join(', ') || 'none'}); run ${REBUILD} and commit it`);
      process.exitCode = 1;
    } else console.log(`bundle/ equals a fresh build (${[...files.keys()].join(', ')})`);
    return;
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT);
  for (const [name, bytes] of files) fs.writeFileSync(path.join(OUT, name), bytes, { mode: name === LOADER ? 0o755 : 0o644 });
  console.log(`wrote bundle/: ${[...files].map(([name, bytes]) => `${name} (${Math.round(bytes.length / 1024)} KB)`).join(', ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
