// The loaders' door to the disk: related files go through read.ts's policy, and what fails it is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../src/workspace';

test('a related file: text within the limit, BOM dropped; too large, binary, missing or a directory is absent', () => {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-workspace-'));
  mkdirSync(join(root, '.git'));
  mkdirSync(join(root, 'sub'));
  writeFileSync(join(root, 'a.tf'), '\ufefflocals {}\n');
  writeFileSync(join(root, 'big.tf'), 'x'.repeat(2048));
  writeFileSync(join(root, 'binary.tf'), 'locals {}\n\0');
  const workspace = new Workspace(1024);
  assert.equal(workspace.read(join(root, 'a.tf')), 'locals {}\n');
  assert.equal(workspace.read(join(root, 'big.tf')), undefined);
  assert.equal(new Workspace(4096).read(join(root, 'big.tf'))?.length, 2048);
  assert.equal(workspace.read(join(root, 'binary.tf')), undefined);
  assert.equal(workspace.read(join(root, 'missing.tf')), undefined);
  assert.equal(workspace.read(join(root, 'sub')), undefined);
  // Kept while unchanged, read again once its size changes.
  writeFileSync(join(root, 'a.tf'), 'locals { a = 1 }\n');
  assert.equal(workspace.read(join(root, 'a.tf')), 'locals { a = 1 }\n');

  assert.deepEqual(workspace.list(root).sort(), ['.git', 'a.tf', 'big.tf', 'binary.tf', 'sub']);
  assert.deepEqual(workspace.list(join(root, 'missing')), []);
  assert.equal(workspace.repositoryRoot(join(root, 'sub')), root);
});
