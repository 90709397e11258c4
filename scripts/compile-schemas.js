#!/usr/bin/env node
// Build step: compiles every schemas/*.json (the config schema as generated from the rules) to one
// standalone validator module (dist/schemas/validators.js), so a lint run loads plain functions instead
// of compiling schemas at every start.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { builtRules, configSchema, json } = require('./generate-registrations');

const root = path.join(__dirname, '..');
const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: false }, unicodeRegExp: true, allowUnionTypes: true, strictTuples: false });
addFormats(ajv);
// The config schema is generated from the rules, so the build never compiles a stale committed copy.
const generated = { 'cognito-lint-config': configSchema(builtRules()) };
const schemas = {};
for (const name of fs.readdirSync(path.join(root, 'schemas')).sort()) {
  if (!name.endsWith('.json')) continue;
  const id = name.replace(/\.json$/, '');
  schemas[id] = generated[id] ?? JSON.parse(fs.readFileSync(path.join(root, 'schemas', name), 'utf8'));
  ajv.addSchema(schemas[id]);
}
const validatorIds = Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, schema.$id]));
const outDir = path.join(root, 'dist', 'schemas');
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'validators.js'), standaloneCode(ajv, validatorIds));
// The schemas themselves travel with the build: rules read member names from them for suggestions.
for (const [id, schema] of Object.entries(schemas)) fs.writeFileSync(path.join(outDir, `${id}.json`), json(schema));
console.log(`compiled ${Object.keys(validatorIds).length} schemas to ${path.relative(process.cwd(), path.join(outDir, 'validators.js'))}`);
