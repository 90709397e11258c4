#!/usr/bin/env node
// Everything that lists the rules is derived from the rules themselves, so a new rule needs only its
// file rules/<id>.ts (file name = id):
// - the rule-id list, from the file names in rules/ (dist/rules/ids.json, read by rules/index.ts);
// - the config schema: the rule-id enum and, per rule, `severity` or `[severity, <the rule's
//   optionsSchema>]`, so editors validate options (compile-schemas.js compiles configSchema() for the CLI);
// - the README rule table, between <!-- rules:start --> and <!-- rules:end -->.
// `npm run build` runs this after tsc and writes the id list. `npm run generate` (this with --write)
// also rewrites the committed copies, schemas/cognito-lint-config.json and README.md;
// test/registrations.test.ts fails when they are stale.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const CONFIG_SCHEMA_FILE = path.join(root, 'schemas', 'cognito-lint-config.json');
const README_FILE = path.join(root, 'README.md');
const REGENERATE = 'npm run generate';

/** Rule ids, sorted: every rules/*.ts but the catalog module itself. */
function ruleIds() {
  return fs
    .readdirSync(path.join(root, 'rules'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -'.ts'.length))
    .sort();
}

/** The compiled rules, in id order (needs `tsc` and the id list written first). */
function builtRules() {
  const { loadAllRules } = require(path.join(dist, 'rules'));
  return loadAllRules();
}

function configSchema(rules) {
  const { PRESETS, SEVERITIES } = require(path.join(dist, 'src', 'config'));
  const severity = { $ref: '#/definitions/severity' };
  const setting = (items) => ({ oneOf: [severity, { type: 'array', minItems: 1, items, additionalItems: false }] });
  // Rules without options share one definition: a copy per rule makes the compiled validator nearly 3 times bigger.
  const ruleSetting = ({ meta }) =>
    meta.optionsSchema ? { description: meta.description, ...setting([severity, meta.optionsSchema]) } : { description: meta.description, $ref: '#/definitions/setting' };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://cognito-lint.dev/schemas/cognito-lint-config.json',
    title: 'cognito-lint configuration (.cognito-lint.yaml / .cognito-lint.json)',
    $comment: `Generated from the rules by scripts/generate-registrations.js (${REGENERATE}); do not edit.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: { type: 'string', enum: PRESETS, description: 'Preset the rules start from (default recommended).' },
      rules: { $ref: '#/definitions/rules' },
      ignores: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Globs (relative to this file) of files never linted.' },
      overrides: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: {
              oneOf: [
                { type: 'string', minLength: 1 },
                { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
              ],
              description: 'Globs (relative to this file) the rules apply to.',
            },
            rules: { $ref: '#/definitions/rules' },
          },
        },
      },
    },
    definitions: {
      severity: { type: 'string', enum: SEVERITIES, description: SEVERITIES.join(', ') },
      setting: setting([severity]),
      rules: {
        type: 'object',
        description: 'Rule severities, and options: id: severity or [severity, {options}].',
        propertyNames: { enum: rules.map((rule) => rule.meta.id) },
        properties: Object.fromEntries(rules.map((rule) => [rule.meta.id, ruleSetting(rule)])),
      },
    },
  };
}

const TABLE = /<!-- rules:start -->[\s\S]*<!-- rules:end -->/;

function withRulesTable(readme, rules) {
  if (!TABLE.test(readme)) throw new Error('README.md has no <!-- rules:start --> ... <!-- rules:end --> markers');
  const rows = rules.map(({ meta }) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${meta.category} | ${meta.defaultSeverity} | ${meta.description.replace(/\|/g, '\\|')} |`);
  const table = ['| Rule | Category | Severity | Checks |', '|---|---|---|---|', ...rows].join('\n');
  return readme.replace(TABLE, `<!-- rules:start -->\n${table}\n<!-- rules:end -->`);
}

const json = (value) => JSON.stringify(value, null, 2) + '\n';

module.exports = { CONFIG_SCHEMA_FILE, README_FILE, REGENERATE, ruleIds, builtRules, configSchema, withRulesTable, json };

if (require.main === module) {
  fs.writeFileSync(path.join(dist, 'rules', 'ids.json'), json(ruleIds()));
  if (process.argv.includes('--write')) {
    const rules = builtRules();
    fs.writeFileSync(CONFIG_SCHEMA_FILE, json(configSchema(rules)));
    fs.writeFileSync(README_FILE, withRulesTable(fs.readFileSync(README_FILE, 'utf8'), rules));
    console.log(`wrote ${path.relative(process.cwd(), CONFIG_SCHEMA_FILE)} and ${path.relative(process.cwd(), README_FILE)}`);
  }
}
