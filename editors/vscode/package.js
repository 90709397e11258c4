#!/usr/bin/env node
// Packages the extension into cognito-lint-<version>.vsix with @vscode/vsce: the repository's bundle/
// (built by `npm run bundle` at the root) goes in as server/, the licence beside it. Run through the
// root's `npm run package:vscode`, which builds the bundle and installs this folder's dependencies first.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const here = __dirname;
const root = path.join(here, '..', '..');
const bundle = path.join(root, 'bundle');
for (const name of ['cognito-lint.js', 'cli.js', 'server.js']) {
  if (!fs.existsSync(path.join(bundle, name))) throw new Error(`bundle/${name} is missing: run "npm run build && npm run bundle" at the repository root first`);
}
fs.rmSync(path.join(here, 'server'), { recursive: true, force: true });
fs.cpSync(bundle, path.join(here, 'server'), { recursive: true });
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(here, 'LICENSE'));
const { version } = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const vsix = path.join(here, `cognito-lint-${version}.vsix`);
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--out', vsix], { cwd: here, stdio: 'inherit' });
console.log(`wrote ${path.relative(root, vsix)}`);
