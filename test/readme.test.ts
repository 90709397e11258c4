// The README is checked, not trusted: its commands exist (its rule table: registrations.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './golden';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

test('README starts with the install-and-lint command and the test command', () => {
  const head = readme.split('\n').slice(0, 20).join('\n');
  assert.match(head, /npm ci && npm run lint:examples/);
  assert.match(head, /npm test/);
  const scripts = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.ok(scripts['lint:examples'] && scripts.test);
});

test('README documents every CLI flag', async () => {
  const { runCli } = await import('./cli-helpers');
  const help = (await runCli(['--help'])).stdout;
  for (const flag of help.match(/--[a-z-]+/g) ?? []) assert.ok(readme.includes(flag), `README does not mention ${flag}`);
});
