// A real Language Server Protocol client for the tests: the server runs as a child process
// (`cognito-lint --lsp`, the sources' bin unless told otherwise) and this side speaks JSON-RPC to it with
// vscode-languageserver-protocol, as an editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { after } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Diagnostic,
  type FileEvent,
  type Hover,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { BIN } from './bin-helpers';

export interface LspSession {
  connection: ProtocolConnection;
  child: ChildProcess;
  initialize: InitializeResult;
  /** Resolves with the dynamic registrations once the server has asked for some (client/registerCapability). */
  registrations(): Promise<Registration[]>;
  /** Resolves with the next diagnostics published for `uri` that satisfy `accept` (or that were published already and not yet taken). */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, text: string): void;
  close(uri: string): void;
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]>;
  hover(uri: string, line: number, character: number): Promise<Hover | null>;
  watchedFilesChanged(changes: FileEvent[]): void;
  /** shutdown, exit, and the server's exit code. */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  cwd: string;
  /** The workspace folder (default: cwd). */
  root?: string;
  initializationOptions?: Record<string, unknown>;
  bin?: string;
  /** Arguments after --lsp (an editor's transport flag, as vscode-languageclient adds `--stdio`). */
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** Servers still running when the test file ends (a test that failed before stop()): killed, so the file can end. */
const running = new Set<ChildProcess>();
after(() => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startLsp(options: StartOptions): Promise<LspSession> {
  const child = spawn(process.execPath, [options.bin ?? BIN, '--lsp', ...(options.extraArgs ?? [])], { cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  running.add(child);
  child.on('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const waiter = waiters.findIndex((candidate) => candidate.uri === params.uri && candidate.accept(params));
    if (waiter >= 0) waiters.splice(waiter, 1)[0]!.resolve(params);
    else published.push(params);
  });
  let registered: (registrations: Registration[]) => void = () => {};
  const registrations = new Promise<Registration[]>((resolve) => (registered = resolve));
  connection.onRequest(RegistrationRequest.type, (params) => {
    registered(params.registrations);
  });
  connection.listen();
  const root = options.root ?? options.cwd;
  const initialize = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'root' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true } } },
    ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    child,
    initialize,
    registrations: () => registrations,
    diagnostics: (uri, accept = () => true, timeoutMs = 20_000) => {
      const earlier = published.findIndex((params) => params.uri === uri && accept(params));
      if (earlier >= 0) return Promise.resolve(published.splice(earlier, 1)[0]!);
      return new Promise((resolve, reject) => {
        // A generous bound, only so a missing notification fails the test instead of hanging it.
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params)) });
      });
    },
    open: (uri, languageId, text, version = 1) => void connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } }),
    change: (uri, version, text) => void connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }),
    close: (uri) => void connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    codeActions: async (uri, range, diagnostics) => ((await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) ?? []) as CodeAction[],
    hover: (uri, line, character) => connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }),
    watchedFilesChanged: (changes) => void connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }),
    stop: async () => {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}
