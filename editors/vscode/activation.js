// @ts-check
// What the extension decides, apart from VS Code so that node:test can check it with a stubbed `vscode`:
// which documents the server gets, whether it runs in this workspace, and how it is started.
'use strict';
const path = require('node:path');

/** Terraform's own file names, which have no language in a VS Code without a Terraform extension. */
const TERRAFORM_PATTERN = '**/*.{tf,tofu,tf.json,tofu.json}';

/**
 * The documents the server lints: YAML, JSON and Terraform files, saved or not (the server lints the
 * buffer and reads the rest of a Terraform module from disk).
 * @type {Array<{ scheme: string, language?: string, pattern?: string }>}
 */
const DOCUMENT_SELECTOR = [
  ...['file', 'untitled'].flatMap((scheme) => ['yaml', 'json', 'jsonc', 'terraform'].map((language) => ({ scheme, language }))),
  { scheme: 'file', pattern: TERRAFORM_PATTERN },
];

/**
 * @param {{ get<T>(section: string, defaultValue: T): T }} configuration `workspace.getConfiguration('cognitoLint')`
 * @returns {boolean} whether the server runs: `cognitoLint.enable`, true unless a setting says false
 */
function isEnabled(configuration) {
  return configuration.get('enable', true) !== false;
}

/**
 * How the server starts: the `cognitoLint.path` executable with `--lsp`, or else the bundle shipped in the
 * extension (server/cognito-lint.js) run by VS Code's own Node.js.
 * @param {{ get<T>(section: string, defaultValue: T): T }} configuration
 * @param {string} extensionPath
 * @returns {{ command: string, args: string[] } | { module: string, args: string[] }}
 */
function serverCommand(configuration, extensionPath) {
  const executable = String(configuration.get('path', '') || '').trim();
  if (executable) return { command: executable, args: ['--lsp'] };
  return { module: path.join(extensionPath, 'server', 'cognito-lint.js'), args: ['--lsp'] };
}

module.exports = { DOCUMENT_SELECTOR, TERRAFORM_PATTERN, isEnabled, serverCommand };
