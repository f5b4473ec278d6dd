import { once } from 'node:events';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is the module `entry` (a path without its extension). Under
 * the test runner the modules are TypeScript, and the thread then compiles its entry the same way.
 */
export function startWorkerThread(entry: string, workerData: unknown): Worker {
  const file = `${entry}${extname(__filename)}`;
  return new Worker(file, { workerData, execArgv: file.endsWith('.ts') ? ['--require', 'ts-node/register/transpile-only'] : undefined });
}

/** Asks a worker thread to finish what it was sent and stop; resolves once it has. */
export async function stopWorkerThread(worker: Worker | null): Promise<void> {
  if (!worker) return;
  const exited = once(worker, 'exit');
  // Referenced again so the process waits for it, however idle it was.
  worker.ref();
  worker.postMessage('close');
  await exited;
}
