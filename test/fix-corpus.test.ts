// The "Done when" for --fix, over copies of examples/ and of the shared corpus: after --fix a
// second lint shows no finding of the fixed rules except those resting on a default (and a Terraform
// plan's, which is generated: the configuration it was planned from is what to fix), no new parse error,
// every comment line still present, and a second --fix changes no byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from './cli-helpers';
import { REPO_ROOT } from './golden';
import { CORPUS, FORMATS, LAID_OUT, layOut } from './corpus-layout';
import { prepareParsers } from '../src/load-file';

interface Result {
  ruleId: string;
  file: string;
  line: number;
  message: string;
  fixType?: string;
}

function filesUnder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') walk(path);
      } else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const commentLines = (text: string): string[] => text.split(/\r?\n/).filter((line) => /^\s*(#|\/\/)/.test(line));

async function results(root: string): Promise<Result[]> {
  return (JSON.parse((await runCli(['.', '-f', 'json', '--fail-on', 'none'], root)).stdout) as { results: Result[] }).results;
}

/** Runs the checks on a tree; returns how many fixes the first --fix applied (for the notes). */
async function fixTree(root: string): Promise<number> {
  const before = filesUnder(root);
  const parseErrors = (list: Result[]): string[] => list.filter((r) => r.ruleId === 'parse-error').map((r) => r.file).sort();
  const errorsBefore = parseErrors(await results(root));
  const fix = await runCli(['--fix', '--fix-type', 'all', '.', '--fail-on', 'none'], root);
  const applied = Number(/applied (\d+) fix/.exec(fix.stderr)?.[1]);
  assert.doesNotMatch(fix.stderr, /dropped/, 'no fix was dropped');
  const after = filesUnder(root);
  const remaining = await results(root);
  assert.deepEqual(parseErrors(remaining), errorsBefore, 'no new parse error');
  const unfixed = remaining.filter((r) => r.fixType !== undefined && !/default of/.test(r.message) && !/\.plan\.json$/.test(r.file));
  assert.deepEqual(unfixed.map((r) => `${r.file}:${r.line} ${r.ruleId}`), [], 'every safe finding fixed, except those resting on defaults');
  for (const [file, text] of before) {
    const kept = commentLines(after.get(file)!);
    for (const line of commentLines(text)) assert.ok(kept.includes(line), `${file}: comment line kept: ${line}`);
  }
  await runCli(['--fix', '--fix-type', 'all', '.', '--fail-on', 'none'], root);
  assert.deepEqual(filesUnder(root), after, 'a second --fix changes no byte');
  return applied;
}

test('--fix alone over a copy of examples/ applies fixes only: every remediation\'s finding remains', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-fix-only-examples-'));
  mkdirSync(join(root, '.git'));
  cpSync(join(REPO_ROOT, 'examples'), join(root, 'examples'), { recursive: true });
  await prepareParsers([join(root, 'examples', 'terraform', 'bad.tf')]);
  const remediations = (list: Result[]): string[] => list.filter((r) => r.fixType === 'remediation').map((r) => `${r.file} ${r.ruleId} ${r.message}`).sort();
  const before = await results(root);
  const fix = await runCli(['--fix', '.', '--fail-on', 'none'], root);
  assert.match(fix.stderr, /applied [1-9]\d* fix/);
  assert.match(fix.stderr, /\d+ remediations not applied: they change what the application does; --fix-type remediation applies them/);
  const after = await results(root);
  assert.ok(remediations(before).length > 0);
  assert.deepEqual(remediations(after), remediations(before));
  assert.equal(after.filter((r) => r.fixType === 'fix').length < before.filter((r) => r.fixType === 'fix').length, true, 'fixes were applied');
});

test('--fix over a copy of examples/', async () => {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-fix-examples-'));
  mkdirSync(join(root, '.git'));
  cpSync(join(REPO_ROOT, 'examples'), join(root, 'examples'), { recursive: true });
  await prepareParsers([join(root, 'examples', 'terraform', 'bad.tf')]);
  assert.ok((await fixTree(root)) > 0);
});

test('--fix over a copy of the shared corpus', { skip: existsSync(CORPUS) ? false : `corpus not found at ${CORPUS}` }, async () => {
  const flat = mkdtempSync(join(tmpdir(), 'cognito-lint-fix-corpus-'));
  mkdirSync(join(flat, '.git'));
  for (const format of FORMATS.filter((name) => !LAID_OUT.has(name))) cpSync(join(CORPUS, format), join(flat, format), { recursive: true });
  const laidOut = layOut();
  await prepareParsers([...laidOut.corpusName.keys()].map((file) => join(laidOut.root, file)));
  const applied = (await fixTree(flat)) + (await fixTree(laidOut.root));
  assert.ok(applied > 0);
});
