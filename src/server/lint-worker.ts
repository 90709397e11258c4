// The lint worker: a thread that lints buffers, so that the server's thread keeps answering the editor
// whatever a buffer holds. A lint is synchronous and runs inside the evaluation budget; the server also
// ends a worker that takes too long or dies (a stack overflow, the heap limit) and starts another.
import { Worker, parentPort } from 'node:worker_threads';
import type { LintedEntry } from './diagnostics';
import type { LintDocumentRequest } from './document-linter';

export type ToWorker = { type: 'lint'; id: number; request: LintDocumentRequest } | { type: 'reload-config' };
export type FromWorker = { type: 'linted'; id: number; entries: LintedEntry[] } | { type: 'failed'; id: number; message: string };

/** What `workerData.role` says to the file a worker runs (the server's entry, itself in the bundle). */
export const LINT_WORKER_ROLE = 'cognito-lint-lint-worker';

/** The worker's side: lint each request in turn and answer. */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runLintWorker runs in a worker thread');
  // Loaded here, not at the top: the server's thread never loads the linter.
  const { DocumentLinter } = require('./document-linter') as typeof import('./document-linter');
  const linter = new DocumentLinter();
  // One lint at a time, in the order asked: a later change of a buffer is linted after an earlier one.
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'reload-config') {
      queue = queue.then(() => linter.reloadConfig());
      return;
    }
    queue = queue.then(async () => {
      let answer: FromWorker;
      try {
        answer = { type: 'linted', id: message.id, entries: await linter.lint(message.request) };
      } catch (error) {
        answer = { type: 'failed', id: message.id, message: error instanceof Error ? error.message : String(error) };
      }
      port.postMessage(answer);
    });
  });
}

export interface LintWorkerOptions {
  /** The file the worker runs: one that calls runLintWorker() when workerData.role is LINT_WORKER_ROLE. */
  entry: string;
  /** A lint that takes longer ends its worker (ms). */
  timeoutMs: number;
  /** The worker's heap limit (MB): a buffer that would take more ends the worker, not the server. */
  maxHeapMb: number;
  /** The worker's young generation (MB): V8's default lets it grow to tens of MB that an idle server keeps. */
  youngGenerationMb: number;
}

interface Pending {
  resolve: (entries: LintedEntry[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** The server's side: one worker, started on first use and again after it was ended. */
export class LintWorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly options: LintWorkerOptions) {}

  lint(request: LintDocumentRequest): Promise<LintedEntry[]> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // A timer per lint, started when it is asked: lints queue in the worker, so a long queue counts too.
      const timer = setTimeout(() => this.restart(new Error(`linting took longer than ${this.options.timeoutMs / 1000} s and was stopped`)), this.options.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ type: 'lint', id, request } satisfies ToWorker);
    });
  }

  reloadConfig(): void {
    this.worker?.postMessage({ type: 'reload-config' } satisfies ToWorker);
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the server is shutting down'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.entry, { workerData: { role: LINT_WORKER_ROLE }, resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb, maxYoungGenerationSizeMb: this.options.youngGenerationMb }, stdout: true, stderr: true });
    worker.on('message', (message: FromWorker) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.type === 'linted') pending.resolve(message.entries);
      else pending.reject(new Error(message.message));
    });
    worker.on('error', (error) => this.restart(error));
    worker.on('exit', () => {
      if (this.worker === worker) this.restart(new Error('the lint worker stopped'));
    });
    // The worker must not write to the server's stdout: that is the protocol's channel.
    worker.stdout.resume();
    worker.stderr.resume();
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /** Ends the worker and fails every lint it had; the next lint starts a new one. */
  private restart(reason: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(reason);
    void worker?.terminate();
  }

  private failAll(reason: Error): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(reason);
      this.pending.delete(id);
    }
  }
}
