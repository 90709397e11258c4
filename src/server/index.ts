// `cognito-lint --lsp`: a Language Server over stdio (vscode-languageserver). The server's thread keeps
// the open buffers and answers the editor; a worker thread lints (src/server/lint-worker.ts), so a
// hostile buffer can slow its own diagnostics but never the connection. Modelled on vscode-eslint's
// server (one validation queued per document, code actions from the last validation) and tflint's
// langserver (the folder's other files from disk, the buffer from the editor).
// This file is also the lint worker's entry (workerData.role), so the bundle needs one file for both.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, workerData } from 'node:worker_threads';
import { LINT_WORKER_ROLE, LintWorkerClient, runLintWorker } from './lint-worker';
import { hoverMarkdown, type LintedEntry } from './diagnostics';
import { hasAnyExtension } from '../formats/dialect';
import { TERRAFORM_EXTENSIONS } from '../load/terraform-names';
import { TOOL_NAME, TOOL_VERSION } from '../meta';
import { CONFIG_FILE_NAMES } from '../config-file';

if (!isMainThread && (workerData as { role?: string } | null)?.role === LINT_WORKER_ROLE) runLintWorker();

export interface ServerSettings {
  /** Wait this long after a change before linting (ms); changes during a lint are coalesced into one more lint anyway. */
  debounceMs: number;
  /** A lint that takes longer is stopped and reported (ms). */
  lintTimeoutMs: number;
}

/**
 * Lint almost at once: a lint of a 1,000-line template takes about 10 ms of CPU (docs/PERFORMANCE.md,
 * "Language server"), and while one runs, further changes wait and are linted once when it ends, so fast
 * typing never queues up work. The short delay only merges the notifications of one burst (a paste, a
 * multi-cursor edit); with 20 ms the median from change to diagnostics was 33 ms, the p95 73 ms. The
 * evaluation budget ends a hostile buffer's lint in well under a second; the timeout is for what would
 * still go wrong.
 */
export const DEFAULT_SETTINGS: ServerSettings = { debounceMs: 5, lintTimeoutMs: 10_000 };
/**
 * The lint worker's heap: far above a real template's needs, far below what would hurt the machine. Its
 * young generation is kept small: with V8's default the server's memory after 5,300 edits was 137 MB,
 * with a 6 MB one 109 MB (124 MB after 20,000 edits), at the same CPU time per lint (docs/PERFORMANCE.md, "Language server").
 */
const WORKER_LIMITS = { maxHeapMb: 512, youngGenerationMb: 6 };

/** The languages the server is for, and the file names it lints whatever the language id. */
const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
const TERRAFORM_GLOB = `**/*.{${TERRAFORM_EXTENSIONS.join(',')}}`;

interface DocumentState {
  /** The lint in flight, if any; a change meanwhile sets `again`. */
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | undefined;
  /** The version the entries were computed for, and the entries (for code actions and hover). */
  version: number;
  entries: LintedEntry[];
}

/**
 * Serves the protocol on `input`/`output` until the client sends `exit`; resolves with the exit code
 * (0 after a `shutdown` request, 1 without one, as the protocol says).
 */
export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<number> {
  // Loaded here: the server's libraries are not part of a CLI run.
  const server = require('vscode-languageserver/node') as typeof import('vscode-languageserver/node');
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof import('vscode-languageserver-textdocument');
  // Streams, not readers: the library then ends the process when the editor closes its end of stdin.
  const connection = server.createConnection(server.ProposedFeatures.all, input, output);
  const documents = new server.TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  let settings = DEFAULT_SETTINGS;
  let worker = new LintWorkerClient({ entry: __filename, timeoutMs: settings.lintTimeoutMs, ...WORKER_LIMITS });
  let workspaceFolders: string[] = [];
  let shutdownReceived = false;
  let watchRegistration = false;

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as Partial<ServerSettings>;
    settings = {
      debounceMs: typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_SETTINGS.debounceMs,
      lintTimeoutMs: typeof options.lintTimeoutMs === 'number' && options.lintTimeoutMs > 0 ? options.lintTimeoutMs : DEFAULT_SETTINGS.lintTimeoutMs,
    };
    worker = new LintWorkerClient({ entry: __filename, timeoutMs: settings.lintTimeoutMs, ...WORKER_LIMITS });
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    watchRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: server.TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [server.CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: TOOL_NAME, version: TOOL_VERSION },
    };
  });

  connection.onInitialized(() => {
    // Config and Terraform files changed on disk (saved, switched branch) change what open buffers show.
    if (watchRegistration) void connection.client.register(server.DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_GLOB }, { globPattern: TERRAFORM_GLOB }] });
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changed = params.changes.map((change) => change.uri);
    if (changed.some((uri) => CONFIG_FILE_NAMES.includes(path.posix.basename(uri)))) {
      worker.reloadConfig();
      for (const document of documents.all()) schedule(document.uri, 0);
      return;
    }
    const directories = new Set(changed.filter((uri) => uri.startsWith('file:')).map((uri) => path.dirname(fileURLToPath(uri))));
    for (const document of documents.all()) {
      const file = filePathOf(document.uri, document.languageId);
      if (file && directories.has(path.dirname(file))) schedule(document.uri, 0);
    }
  });

  documents.onDidChangeContent(({ document }) => {
    schedule(document.uri, settings.debounceMs);
    // The other open files of a Terraform module read this buffer: their findings may change too.
    const file = filePathOf(document.uri, document.languageId);
    if (file && isTerraform(file)) {
      for (const other of documents.all()) {
        const otherFile = other.uri === document.uri ? undefined : filePathOf(other.uri, other.languageId);
        if (otherFile && isTerraform(otherFile) && path.dirname(otherFile) === path.dirname(file)) schedule(other.uri, settings.debounceMs);
      }
    }
  });

  documents.onDidClose(({ document }) => {
    const state = states.get(document.uri);
    if (state?.timer) clearTimeout(state.timer);
    states.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const state = states.get(params.textDocument.uri);
    if (!document || !state || state.version !== document.version) return [];
    const actions = [];
    for (const entry of state.entries) {
      if (!overlaps(entry.diagnostic.range, params.range)) continue;
      for (const action of entry.actions) {
        actions.push({
          title: action.title,
          kind: server.CodeActionKind.QuickFix,
          diagnostics: [entry.diagnostic],
          isPreferred: action.kind === 'fix',
          edit: { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: action.edits }] },
        });
      }
    }
    return actions;
  });

  connection.onHover((params) => {
    const state = states.get(params.textDocument.uri);
    const here = { start: params.position, end: params.position };
    const under = state?.entries.filter((entry) => overlaps(entry.diagnostic.range, here)) ?? [];
    if (under.length === 0) return null;
    return { contents: { kind: server.MarkupKind.Markdown, value: hoverMarkdown(under.map((entry) => entry.diagnostic)) } };
  });

  connection.onShutdown(async () => {
    shutdownReceived = true;
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer);
    await worker.dispose();
  });

  function schedule(uri: string, delayMs: number): void {
    let state = states.get(uri);
    if (!state) states.set(uri, (state = { running: false, again: false, timer: undefined, version: -1, entries: [] }));
    if (state.running) {
      state.again = true;
      return;
    }
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => void validate(uri), delayMs);
  }

  async function validate(uri: string): Promise<void> {
    const state = states.get(uri);
    const document = documents.get(uri);
    if (!state || !document || shutdownReceived) return;
    state.timer = undefined;
    const filePath = filePathOf(uri, document.languageId);
    if (!filePath) return;
    state.running = true;
    state.again = false;
    const version = document.version;
    let entries: LintedEntry[];
    try {
      entries = await worker.lint({ filePath, text: document.getText(), ...cwdOf(filePath), buffers: otherBuffers(uri, filePath) });
    } catch (error) {
      // Never a crash: the buffer gets one diagnostic that says why it has no others.
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      entries = [{ diagnostic: { range, severity: 1, source: TOOL_NAME, message: `${TOOL_NAME} could not lint this file: ${(error as Error).message}` }, actions: [] }];
    }
    state.running = false;
    if (!states.has(uri) || shutdownReceived) return;
    // A change came while linting: these findings are for an older text; lint the newest one instead.
    if (state.again || documents.get(uri)?.version !== version) {
      schedule(uri, 0);
      return;
    }
    state.version = version;
    state.entries = entries;
    await connection.sendDiagnostics({ uri, version, diagnostics: entries.map((entry) => entry.diagnostic) });
  }

  /** The workspace folder that holds the file: messages name files relative to it, as the CLI run there would. */
  function cwdOf(filePath: string): { cwd?: string } {
    const folder = workspaceFolders.filter((candidate) => filePath.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep)).sort((a, b) => b.length - a.length)[0];
    return folder ? { cwd: folder } : {};
  }

  /** Unsaved Terraform buffers: a Terraform buffer is evaluated with its module's other files as the editor has them. */
  function otherBuffers(uri: string, filePath: string): Array<[string, string]> {
    if (!isTerraform(filePath)) return [];
    const buffers: Array<[string, string]> = [];
    for (const other of documents.all()) {
      const otherFile = other.uri === uri ? undefined : filePathOf(other.uri, other.languageId);
      if (otherFile && isTerraform(otherFile)) buffers.push([otherFile, other.getText()]);
    }
    return buffers;
  }

  /** A `file:` document's path; an untitled buffer is linted as a file of its language in the first folder. */
  function filePathOf(uri: string, languageId: string): string | undefined {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
    const extension = UNTITLED_EXTENSIONS[languageId];
    if (!uri.startsWith('untitled:') || !extension) return undefined;
    const name = decodeURIComponent(uri.slice('untitled:'.length)).replace(/[^\w.-]/g, '_');
    return path.join(workspaceFolders[0] ?? process.cwd(), `${name}.${extension}`);
  }

  documents.listen(connection);
  return new Promise((resolve) => {
    connection.onExit(() => resolve(shutdownReceived ? 0 : 1));
    connection.listen();
  });
}

/** The extension an untitled buffer is linted with, by its language id. */
const UNTITLED_EXTENSIONS: Record<string, string> = { yaml: 'yaml', json: 'json', jsonc: 'json', terraform: 'tf', 'terraform-vars': 'tfvars', hcl: 'tf' };

function isTerraform(filePath: string): boolean {
  return hasAnyExtension(filePath, TERRAFORM_EXTENSIONS);
}

interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

/** Whether two ranges share a position (touching counts: a cursor at a finding's end is on it). */
function overlaps(a: LspRange, b: LspRange): boolean {
  const before = (x: LspRange['start'], y: LspRange['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
