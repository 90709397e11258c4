// @ts-check
// The VS Code extension: a thin client of `cognito-lint --lsp` (vscode-languageclient). It starts the
// server when `cognitoLint.enable` is on for the workspace, and stops or restarts it when the settings change.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');
const { DOCUMENT_SELECTOR, isEnabled, serverCommand } = require('./activation');

/** @type {import('vscode-languageclient/node').LanguageClient | undefined} */
let client;
/** The command the running client was started with, to restart it when `cognitoLint.path` changes. */
let startedWith = '';

/** @param {import('vscode').ExtensionContext} context */
async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cognitoLint')) void refresh(context);
    }),
  );
  await refresh(context);
}

/** Starts, stops or restarts the client so that it matches the settings. */
async function refresh(context) {
  const configuration = vscode.workspace.getConfiguration('cognitoLint');
  const wanted = isEnabled(configuration) ? serverCommand(configuration, context.extensionPath) : undefined;
  const key = wanted ? JSON.stringify(wanted) : '';
  if (client && key === startedWith) return;
  await deactivate();
  if (!wanted) return;
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = 'module' in wanted ? { module: wanted.module, args: wanted.args, transport: TransportKind.stdio } : { command: wanted.command, args: wanted.args, transport: TransportKind.stdio };
  client = new LanguageClient('cognitoLint', 'cognito-lint', serverOptions, { documentSelector: DOCUMENT_SELECTOR });
  startedWith = key;
  await client.start();
}

async function deactivate() {
  const running = client;
  client = undefined;
  startedWith = '';
  if (running) await running.stop();
}

module.exports = { activate, deactivate };
