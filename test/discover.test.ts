import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { discover } from '../src/discover';
import { mayHoldClient } from '../src/load-file';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'cognito-lint-discover-'));
  mkdirSync(join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

test('directories: data extensions only, .gitignore respected, node_modules/.git/.terraform skipped, sorted', () => {
  const root = tree({
    '.gitignore': 'build/\n*.generated.yaml\n',
    'b.yaml': '',
    'a/template.json': '',
    'a/stack.template': '',
    'a/notes.md': '',
    'a/.gitignore': 'local.yml\n',
    'a/local.yml': '',
    'build/out.json': '',
    'x.generated.yaml': '',
    'node_modules/pkg/template.yaml': '',
    '.terraform/modules/x.json': '',
    'serverless.yml': '',
    'infra/main.tf': '',
    '.terraform/modules/m/main.tf': '',
  });
  assert.deepEqual(discover(['.'], root).map((c) => c.displayPath), ['a/stack.template', 'a/template.json', 'b.yaml', 'infra/main.tf', 'serverless.yml']);
});

test('explicit files are always read, even ignored or with another extension; globs work', () => {
  const root = tree({ '.gitignore': 'ignored.yaml\n', 'ignored.yaml': '', 'request.txt': '', 'stacks/one.yaml': '', 'stacks/two.yml': '' });
  const found = discover(['ignored.yaml', 'request.txt', 'stacks/*.yaml'], root);
  assert.deepEqual(found.map((c) => [c.displayPath, c.explicit]), [['ignored.yaml', true], ['request.txt', true], ['stacks/one.yaml', false]]);
});

test('a path that does not exist is a usage error', () => {
  const root = tree({});
  assert.throws(() => discover(['missing.yaml'], root), /no such file or directory: missing\.yaml/);
});

test('a symlink loop does not hang the walk', () => {
  const root = tree({ 'a/t.yaml': '' });
  symlinkSync(join(root, 'a'), join(root, 'a', 'loop'));
  assert.deepEqual(discover(['.'], root).map((c) => c.displayPath), ['a/t.yaml']);
});

test('the cheap pre-parse test keeps files that name a client and drops the rest', () => {
  assert.equal(mayHoldClient('Type: AWS::Cognito::UserPoolClient', 't.yaml'), true);
  assert.equal(mayHoldClient('{"UserPoolId": "x"}', 'request.json'), true);
  assert.equal(mayHoldClient('apiVersion: apps/v1\nkind: Deployment\n', 'deploy.yaml'), false);
  // Terraform: the resource type (HCL and plan JSON), or a module call that may reach one.
  assert.equal(mayHoldClient('resource "aws_cognito_user_pool_client" "web" {}', 'main.tf'), true);
  assert.equal(mayHoldClient('resource "awscc_cognito_user_pool_client" "web" {}', 'main.tf'), true);
  assert.equal(mayHoldClient('# the network module\nresource "aws_s3_bucket" "b" {}', 'main.tf'), false);
  assert.equal(mayHoldClient('resource "aws_s3_bucket" "b" {}', 'main.tf'), false);
  // The module-call test is Terraform's alone: tsconfig.json and package.json have a "module" member.
  assert.equal(mayHoldClient('{\n  "compilerOptions": {\n    "module": "commonjs"\n  }\n}', 'tsconfig.json'), false);
  assert.equal(mayHoldClient('{"name": "x", "module": "dist/index.mjs"}', 'package.json'), false);
  assert.equal(mayHoldClient('module "auth" {\n  source = "../modules/auth"\n}', 'notes.yaml'), false);
});

test('a Terraform module call passes the pre-parse test only when it may reach a client', () => {
  const client = 'resource "aws_cognito_user_pool_client" "web" {}\n';
  const call = (source: string): string => `module "m" {\n  source = "${source}"\n}\n`;
  const root = tree({
    'modules/auth/main.tf': client,
    'modules/network/main.tf': 'resource "aws_vpc" "v" {}\n',
    'modules/outer/main.tf': call('../auth'),
    'modules/loop/main.tf': call('../loop'),
    'init/.terraform/modules/modules.json': '{"Modules": []}',
  });
  const file = (name: string): string => join(root, name);
  assert.equal(mayHoldClient(call('./modules/auth'), file('main.tf')), true, 'a relative source whose directory holds a client');
  assert.equal(mayHoldClient(call('./modules/outer'), file('main.tf')), true, 'through a module that calls one');
  assert.equal(mayHoldClient(`{"module": {"m": {"source": "./modules/auth"}}}`, file('main.tf.json')), true, 'JSON syntax');
  assert.equal(mayHoldClient(call('./modules/network'), file('main.tf')), false, 'a module without a client');
  assert.equal(mayHoldClient(call('./modules/loop'), file('main.tf')), false, 'a module that calls itself');
  assert.equal(mayHoldClient(call('./missing'), file('main.tf')), false, 'a directory that does not exist');
  // As the loader: a module outside the repository is not read, whatever it holds.
  const outside = mkdtempSync(join(tmpdir(), 'cognito-lint-outside-'));
  writeFileSync(join(outside, 'main.tf'), client);
  assert.equal(mayHoldClient(call(relative(root, outside)), file('main.tf')), false, 'a source outside the repository');
  // A registry or git source reaches files only once `terraform init` has downloaded them beside the root module.
  assert.equal(mayHoldClient(call('terraform-aws-modules/vpc/aws'), file('main.tofu')), false);
  assert.equal(mayHoldClient(call('terraform-aws-modules/vpc/aws'), file('init/main.tofu')), true);
});
