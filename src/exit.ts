// Ending the process without the exit-time deadlock of nodejs/node#54918 (issue 15).
//
// When the event loop empties, Node waits for V8's background tasks (NodePlatform::DrainTasks); a
// concurrent TurboFan job that needs a garbage collection waits for the main thread, which is waiting
// for it, and the process never exits. process.exit() skips that wait but still joins the worker
// threads (NodePlatform::Shutdown), so a job caught mid-allocation hangs it too. The way out that
// holds: once every output has flushed, let V8 finish its in-flight optimization jobs while the main
// thread is parked (so a job's GC request can proceed), then exit at once.
// Measured by bench/no-hang.js (docs/PERFORMANCE.md, "Exit without hanging").
import v8 from 'node:v8';

/** Flushes stdout and stderr, waits for V8's optimization jobs, then exits with `code`. */
export function exitWhenFlushed(code: number, streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  void Promise.all(streams.map(flushed)).then(() => {
    finishOptimizationJobs();
    process.exit(code);
  });
}

/** Resolves once everything written to `stream` so far has been handed to the OS (or the stream failed). */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    try {
      // The callback of an empty write runs after every earlier write has completed, or with an error
      // (EPIPE, a destroyed stream): either way nothing more can be flushed.
      stream.write('', () => resolve());
    } catch {
      resolve();
    }
  });
}

/**
 * Waits for the concurrent optimization jobs V8 has in flight, with the main thread parked. This is
 * V8's own %FinalizeOptimization, reachable only with natives syntax; where a Node.js version lacks
 * it, the explicit exit alone remains (which removes most, not all, of the hangs).
 */
export function finishOptimizationJobs(): boolean {
  try {
    v8.setFlagsFromString('--allow-natives-syntax');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('%FinalizeOptimization()')();
    return true;
  } catch {
    return false;
  } finally {
    v8.setFlagsFromString('--no-allow-natives-syntax');
  }
}
