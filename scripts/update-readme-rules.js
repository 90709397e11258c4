#!/usr/bin/env node
// Rewrites the rules table in README.md from the rules' metadata (run after `npm run build`).
// test/readme.test.ts fails when the table is out of date.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function rulesTable() {
  const { loadAllRules } = require(path.join(__dirname, '..', 'dist', 'rules'));
  const rows = loadAllRules().map((rule) => `| [\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md) | ${rule.meta.category} | ${rule.meta.defaultSeverity} | ${rule.meta.description.replace(/\|/g, '\\|')} |`);
  return ['| Rule | Category | Severity | Checks |', '|---|---|---|---|', ...rows].join('\n');
}

function withTable(readme) {
  return readme.replace(/<!-- rules:start -->[\s\S]*<!-- rules:end -->/, `<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->`);
}

module.exports = { withTable };

if (require.main === module) {
  const file = path.join(__dirname, '..', 'README.md');
  fs.writeFileSync(file, withTable(fs.readFileSync(file, 'utf8')));
  console.log('README.md rules table updated');
}
