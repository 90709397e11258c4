-- cognito-lint as a language server in Neovim: copy this file to ~/.config/nvim/plugin/cognito-lint.lua
-- (or paste it into init.lua). It starts `cognito-lint --lsp` for YAML, JSON and Terraform buffers, one
-- server per repository, and Neovim shows its diagnostics; `vim.lsp.buf.code_action()` offers the fixes
-- and `vim.lsp.buf.hover()` the rule's page. Needs `cognito-lint` on PATH (npm install -g cognito-lint,
-- or change `cmd` to e.g. { 'npx', 'cognito-lint', '--lsp' }).
local function repository_root(buffer)
  local directory = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buffer), ':p:h')
  local git = vim.fn.finddir('.git', directory .. ';')
  if git == '' then git = vim.fn.findfile('.git', directory .. ';') end
  return git ~= '' and vim.fn.fnamemodify(git, ':p:h:h') or directory
end

local clients = {} -- Neovim 0.7 has no vim.lsp.start: one client per root, attached to each buffer

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'yaml', 'json', 'jsonc', 'terraform', 'hcl' },
  callback = function(event)
    local config = { name = 'cognito-lint', cmd = { 'cognito-lint', '--lsp' }, root_dir = repository_root(event.buf) }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = event.buf })
    else
      clients[config.root_dir] = clients[config.root_dir] or vim.lsp.start_client(config)
      vim.lsp.buf_attach_client(event.buf, clients[config.root_dir])
    end
  end,
})
