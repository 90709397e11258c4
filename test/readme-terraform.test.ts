// The README's Terraform example gives exactly the output the README shows next to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './golden';
import { runCli } from './cli-helpers';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

function example(name: string): string {
  const match = new RegExp(`<!-- example: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  assert.ok(match, `README has the ${name} example`);
  return match[1]!;
}

test('README Terraform example output is what the CLI prints', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-readme-tf-'));
  writeFileSync(join(root, 'main.tf'), example('terraform'));
  const run = await runCli(['main.tf'], root);
  assert.equal(run.code, 1);
  assert.equal(run.stdout, example('terraform-output'));
});
