#!/usr/bin/env node
// Refreshes vendor/tree-sitter-hcl/ from the npm package @tree-sitter-grammars/tree-sitter-hcl: its
// Terraform grammar compiled to WebAssembly, and its licence. The package itself is not a dependency:
// it ships native prebuilds and an install script (node-gyp-build) that cognito-lint never uses.
// `npm pack` downloads the tarball without installing it, so no script of the package runs.
// Usage: node scripts/vendor-hcl-grammar.js [version]   (default: the version in vendor/tree-sitter-hcl/VERSION)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');

const PACKAGE = '@tree-sitter-grammars/tree-sitter-hcl';
const TARGET = path.join(__dirname, '..', 'vendor', 'tree-sitter-hcl');
const FILES = ['tree-sitter-terraform.wasm', 'LICENSE'];

const version = process.argv[2] ?? fs.readFileSync(path.join(TARGET, 'VERSION'), 'utf8').trim();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-hcl-'));
const tarball = execFileSync('npm', ['pack', `${PACKAGE}@${version}`, '--ignore-scripts', '--silent', '--pack-destination', work], { encoding: 'utf8' }).trim().split('\n').pop();
execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, ...FILES.map((file) => `package/${file}`)]);
fs.mkdirSync(TARGET, { recursive: true });
for (const file of FILES) fs.copyFileSync(path.join(work, 'package', file), path.join(TARGET, file));
fs.writeFileSync(path.join(TARGET, 'VERSION'), `${version}\n`);
fs.rmSync(work, { recursive: true, force: true });
const sha256 = crypto.createHash('sha256').update(fs.readFileSync(path.join(TARGET, FILES[0]))).digest('hex');
console.log(`vendored ${PACKAGE}@${version}: ${FILES.join(', ')} (sha256 of the grammar ${sha256})`);
