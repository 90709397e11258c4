// The editor snippets of docs/editors.md run for real: Neovim (headless) with editors/neovim/cognito-lint.lua
// starts `cognito-lint --lsp` (the sources' bin, through a `cognito-lint` on PATH) and shows its
// diagnostics. Skipped with the reason when nvim is not installed (.ci/run installs Debian's neovim).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { test } from 'node:test';
import { BIN, gitRepository } from './bin-helpers';
import { REPO_ROOT } from './golden';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const SNIPPET = join(REPO_ROOT, 'editors', 'neovim', 'cognito-lint.lua');

/** Opens `file` in headless Neovim with the snippet, waits for diagnostics, returns the filetype and `source code line` of each. */
function nvimDiagnostics(root: string, file: string): string[] {
  const bin = join(root, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'cognito-lint'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'cognito-lint'), 0o755);
  const out = join(root, '.diagnostics.txt');
  // 30 s is only a bound so that a server that never answers fails the test instead of hanging it.
  const collect = [
    'vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 100)',
    'local out = { vim.bo.filetype }',
    "for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(out, (d.source or '?') .. ' ' .. tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)) .. ' ' .. d.lnum) end",
    `vim.fn.writefile(out, ${JSON.stringify(out)})`,
  ].join('; ');
  const run = spawnSync('nvim', ['--headless', '-u', SNIPPET, '-c', `lua ${collect}`, '-c', 'qa!', file], {
    cwd: root,
    env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, XDG_STATE_HOME: join(root, '.state'), XDG_DATA_HOME: join(root, '.data') },
    timeout: 90_000,
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  return readFileSync(out, 'utf8').trim().split('\n');
}

test('docs/editors.md shows the Neovim and Helix files verbatim', () => {
  const docs = readFileSync(join(REPO_ROOT, 'docs', 'editors.md'), 'utf8');
  assert.ok(docs.includes('```lua\n' + readFileSync(SNIPPET, 'utf8') + '```'), 'the Neovim snippet in docs/editors.md is editors/neovim/cognito-lint.lua');
  assert.ok(docs.includes('```toml\n' + readFileSync(join(REPO_ROOT, 'editors', 'helix', 'languages.toml'), 'utf8') + '```'), 'the Helix snippet in docs/editors.md is editors/helix/languages.toml');
});

test('Neovim with the documented snippet shows the diagnostics of a YAML and a Terraform buffer', { skip: hasNvim ? false : 'nvim is not installed (apt-get install neovim)', timeout: 240_000 }, () => {
  const root = gitRepository({});
  copyFileSync(join(REPO_ROOT, 'examples', 'cloudformation', 'bad.yaml'), join(root, 'stack.yaml'));
  const yaml = nvimDiagnostics(root, 'stack.yaml');
  assert.equal(yaml[0], 'yaml');
  // `LEGACY` on line 27 of the example: Neovim counts lines from 0, as LSP does.
  assert.ok(yaml.includes('cognito-lint prevent-user-existence-errors 26'), yaml.join('\n'));
  const terraform = nvimDiagnostics(gitRepository({ 'main.tf': readFileSync(join(REPO_ROOT, 'examples', 'terraform', 'bad.tf'), 'utf8') }), 'main.tf');
  assert.equal(terraform[0], 'terraform');
  assert.ok(terraform.includes('cognito-lint prevent-user-existence-errors 24'), terraform.join('\n'));
});
