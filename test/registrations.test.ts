// What lists the rules is generated from the rules (scripts/generate-registrations.js): the registry at
// build time, and the committed copies (config schema, README table), which must not go stale.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { RULE_IDS, loadAllRules, loadRule } from '../rules';
import type { Rule } from '../src/rule';
import { REPO_ROOT } from './golden';

interface Generator {
  CONFIG_SCHEMA_FILE: string;
  README_FILE: string;
  REGENERATE: string;
  configSchema(rules: readonly Rule[]): object;
  withRulesTable(readme: string, rules: readonly Rule[]): string;
  json(value: unknown): string;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generator = require(join(REPO_ROOT, 'scripts', 'generate-registrations.js')) as Generator;
const rules = loadAllRules();

test('the rule catalog is the files in rules/, one rule per file named by its id', () => {
  const files = readdirSync(join(REPO_ROOT, 'rules')).filter((name) => name.endsWith('.ts') && name !== 'index.ts');
  assert.deepEqual(RULE_IDS, files.map((name) => name.slice(0, -'.ts'.length)).sort(), 'the rule registry is stale; run npm run build');
  for (const id of RULE_IDS) assert.equal(loadRule(id).meta.id, id);
});

test('schemas/cognito-lint-config.json is generated from the rules', () => {
  const committed = readFileSync(generator.CONFIG_SCHEMA_FILE, 'utf8');
  assert.equal(committed, generator.json(generator.configSchema(rules)), `schemas/cognito-lint-config.json is stale; run ${generator.REGENERATE}`);
});

test('the README rule table is generated from the rules', () => {
  const readme = readFileSync(generator.README_FILE, 'utf8');
  assert.equal(readme, generator.withRulesTable(readme, rules), `the README rule table is stale; run ${generator.REGENERATE}`);
});

test('the config schema lets an editor validate rule ids, severities and each rule options', () => {
  const schema = JSON.parse(readFileSync(generator.CONFIG_SCHEMA_FILE, 'utf8')) as object;
  const validate = new Ajv({ strict: true, strictTuples: false }).compile(schema);
  const valid = (rules: Record<string, unknown>): boolean => validate({ rules, overrides: [{ files: 'prod/**', rules }] });
  assert.ok(valid({ 'token-lifetime-policy': ['warning', { maxAccessToken: '1h' }], 'no-writable-privileged-attributes': ['error', { patterns: ['role'] }] }));
  assert.ok(valid({ schema: 'error', 'no-implicit-flow': ['off'] }));
  assert.ok(!valid({ 'token-lifetime-policy': ['warning', { maxAccessToken: 60 }] }), 'an option of the wrong type');
  assert.ok(!valid({ 'token-lifetime-policy': ['warning', { maxAccessTokn: '1h' }] }), 'an unknown option');
  assert.ok(!valid({ 'token-lifetime-policy': ['warning', { maxAccessToken: '1 hour' }] }), 'an option not matching its pattern');
  assert.ok(!valid({ schema: ['error', { maxAccessToken: '1h' }] }), 'options for a rule that takes none');
  assert.ok(!valid({ 'no-implicit-flw': 'error' }), 'an unknown rule');
  assert.ok(!valid({ 'no-implicit-flow': 'warn' }), 'an unknown severity');
});
