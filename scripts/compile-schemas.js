#!/usr/bin/env node
// Build step: compiles the JSON Schemas to standalone validator modules, so a lint run loads plain
// functions instead of compiling schemas at every start:
// - the API schemas, schemas/*.json, to dist/schemas/validators.js (the schema rule loads it);
// - the config schema, generated from the rules (scripts/generate-registrations.js), to
//   dist/schemas/config-validator.js, loaded only when there is a config file. It comes second: the
//   rules it is generated from load validators.js.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv').default;
const addFormats = require('ajv-formats').default;
const standaloneCode = require('ajv/dist/standalone').default;
const { CONFIG_SCHEMA_FILE, builtRules, configSchema, json } = require('./generate-registrations');

const root = path.join(__dirname, '..');
const outDir = path.join(root, 'dist', 'schemas');

/** Compiles `{name: schema}` to `module`, exporting one validator per name, and copies the schemas beside it. */
function compile(schemas, module) {
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: false }, unicodeRegExp: true, allowUnionTypes: true, strictTuples: false });
  addFormats(ajv);
  for (const schema of Object.values(schemas)) ajv.addSchema(schema);
  const ids = Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, schema.$id]));
  fs.writeFileSync(path.join(outDir, module), standaloneCode(ajv, ids));
  // The schemas themselves travel with the build: rules read member names from them for suggestions.
  for (const [name, schema] of Object.entries(schemas)) fs.writeFileSync(path.join(outDir, `${name}.json`), json(schema));
  console.log(`compiled ${Object.keys(ids).join(', ')} to ${path.relative(process.cwd(), path.join(outDir, module))}`);
}

fs.mkdirSync(outDir, { recursive: true });
const api = {};
for (const name of fs.readdirSync(path.join(root, 'schemas')).sort()) {
  // The committed config schema is a copy for editors; the build compiles it from the rules.
  if (!name.endsWith('.json') || name === path.basename(CONFIG_SCHEMA_FILE)) continue;
  api[name.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(root, 'schemas', name), 'utf8'));
}
compile(api, 'validators.js');
compile({ 'cognito-lint-config': configSchema(builtRules()) }, 'config-validator.js');
