#!/usr/bin/env node
// The floor every linter is measured against: walk the given directories and read every file, nothing
// else (no parsing). Skips .git and node_modules as cognito-lint does. Prints files and bytes read.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === '.git' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile()) {
      bytes += fs.readFileSync(full).length;
      files++;
    }
  }
};
for (const dir of process.argv.slice(2)) walk(dir);
process.stdout.write(`${files} files, ${bytes} bytes\n`);
