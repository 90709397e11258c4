// The VS Code extension's activation logic (editors/vscode), run without VS Code: VS Code cannot be
// downloaded here, so `vscode` and `vscode-languageclient/node` are stubbed with what the extension uses
// of them, and the test checks what it asks of them: which documents, the off setting, the server command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from './golden';

const EXTENSION_DIR = join(REPO_ROOT, 'editors', 'vscode');

interface StartedClient {
  id: string;
  serverOptions: Record<string, unknown>;
  clientOptions: { documentSelector: Array<{ scheme: string; language?: string; pattern?: string }> };
  started: boolean;
  stopped: boolean;
}

/** The extension loaded against stubs; `settings` is what workspace.getConfiguration('cognitoLint') returns. */
function loadExtension(settings: Record<string, unknown>) {
  const clients: StartedClient[] = [];
  const listeners: Array<(event: { affectsConfiguration: (section: string) => boolean }) => void> = [];
  const vscode = {
    workspace: {
      getConfiguration: (section: string) => {
        assert.equal(section, 'cognitoLint');
        return { get: <T>(name: string, fallback: T): T => (name in settings ? (settings[name] as T) : fallback) };
      },
      onDidChangeConfiguration: (listener: (typeof listeners)[number]) => {
        listeners.push(listener);
        return { dispose: () => {} };
      },
    },
  };
  class LanguageClient {
    readonly state: StartedClient;
    constructor(id: string, _name: string, serverOptions: Record<string, unknown>, clientOptions: StartedClient['clientOptions']) {
      this.state = { id, serverOptions, clientOptions, started: false, stopped: false };
      clients.push(this.state);
    }
    async start(): Promise<void> {
      this.state.started = true;
    }
    async stop(): Promise<void> {
      this.state.stopped = true;
    }
  }
  const languageClient = { LanguageClient, TransportKind: { stdio: 0, ipc: 1 } };
  const moduleWithLoad = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const load = moduleWithLoad._load;
  moduleWithLoad._load = (request, parent, isMain) => (request === 'vscode' ? vscode : request === 'vscode-languageclient/node' ? languageClient : load(request, parent, isMain));
  try {
    for (const file of ['extension.js', 'activation.js']) delete require.cache[join(EXTENSION_DIR, file)];
    const extension = require(join(EXTENSION_DIR, 'extension.js')) as { activate: (context: unknown) => Promise<void>; deactivate: () => Promise<void> };
    const context = { extensionPath: '/extensions/cognito-lint', subscriptions: [] as unknown[] };
    const changeSettings = async (changed: Record<string, unknown>): Promise<void> => {
      Object.assign(settings, changed);
      for (const listener of listeners) listener({ affectsConfiguration: (section) => section === 'cognitoLint' });
      // refresh() is async: let its stop and start run.
      await new Promise((resolve) => setImmediate(resolve));
    };
    return { extension, context, clients, changeSettings };
  } finally {
    moduleWithLoad._load = load;
  }
}

test('activation starts the bundled server for YAML, JSON and Terraform files', async () => {
  const { extension, context, clients } = loadExtension({});
  await extension.activate(context);
  assert.equal(clients.length, 1);
  const client = clients[0]!;
  assert.ok(client.started);
  assert.deepEqual(client.serverOptions, { module: join('/extensions/cognito-lint', 'server', 'cognito-lint.js'), args: ['--lsp'], transport: 0 });
  const languages = new Set(client.clientOptions.documentSelector.map((selector) => selector.language).filter(Boolean));
  assert.deepEqual([...languages].sort(), ['json', 'jsonc', 'terraform', 'yaml']);
  // Terraform files have no language id without a Terraform extension: matched by name too.
  assert.ok(client.clientOptions.documentSelector.some((selector) => selector.pattern === '**/*.{tf,tofu,tf.json,tofu.json}'));
  await extension.deactivate();
  assert.ok(client.stopped);
});

test('cognitoLint.enable false starts nothing, and turning it on or off starts or stops the server', async () => {
  const { extension, context, clients, changeSettings } = loadExtension({ enable: false });
  await extension.activate(context);
  assert.equal(clients.length, 0);
  await changeSettings({ enable: true });
  assert.equal(clients.length, 1);
  assert.ok(clients[0]!.started);
  await changeSettings({ enable: false });
  assert.ok(clients[0]!.stopped);
  assert.equal(clients.length, 1);
});

test('cognitoLint.path runs that executable with --lsp, and a new path restarts the server', async () => {
  const { extension, context, clients, changeSettings } = loadExtension({ path: '/opt/bin/cognito-lint' });
  await extension.activate(context);
  assert.deepEqual(clients[0]!.serverOptions, { command: '/opt/bin/cognito-lint', args: ['--lsp'], transport: 0 });
  await changeSettings({ path: './node_modules/.bin/cognito-lint' });
  assert.ok(clients[0]!.stopped);
  assert.deepEqual(clients[1]!.serverOptions, { command: './node_modules/.bin/cognito-lint', args: ['--lsp'], transport: 0 });
  await extension.deactivate();
});

test('the manifest activates on the same languages and declares both settings', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'package.json'), 'utf8')) as {
    main: string;
    activationEvents: string[];
    contributes: { configuration: { properties: Record<string, { type: string; default: unknown; scope: string }> } };
    dependencies: Record<string, string>;
  };
  assert.equal(manifest.main, './extension.js');
  for (const language of ['yaml', 'json', 'jsonc', 'terraform']) assert.ok(manifest.activationEvents.includes(`onLanguage:${language}`), language);
  const properties = manifest.contributes.configuration.properties;
  assert.deepEqual(properties['cognitoLint.enable'], { ...properties['cognitoLint.enable'], type: 'boolean', default: true, scope: 'resource' });
  assert.equal(properties['cognitoLint.path']!.type, 'string');
  assert.ok(manifest.dependencies['vscode-languageclient']);
});
