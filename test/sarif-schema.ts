// Validates SARIF against the official SARIF 2.1.0 schema (vendored: vendor/sarif-schema/README.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { REPO_ROOT } from './golden';

const schemaPath = join(REPO_ROOT, 'vendor', 'sarif-schema', 'sarif-2.1.0.json');
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

export function assertValidSarif(text: string): Sarif.Log {
  const log = JSON.parse(text) as Sarif.Log;
  const valid = validateSarif(log);
  assert.ok(valid, `SARIF does not validate: ${JSON.stringify(validateSarif.errors, null, 2)}`);
  return log;
}
