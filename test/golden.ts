// A tiny golden-file helper (node:test has no snapshots on Node 20): compares text with a file under
// test/golden/, or rewrites the file when UPDATE_GOLDEN=1.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..');
const GOLDEN_DIR = join(REPO_ROOT, 'test', 'golden');

export function assertGolden(name: string, actual: string): void {
  const file = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) assert.fail(`golden file test/golden/${name} is missing; run npm run test:update`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from test/golden/${name}; run npm run test:update if the change is intended`);
}
