import { once } from 'node:events';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry is `name` in this folder. Under the test runner these modules
 * are TypeScript, and the thread then compiles its entry the same way.
 */
export function startDatabaseWorker(name: string, workerData: unknown): Worker {
  const entry = join(__dirname, `${name}${extname(__filename)}`);
  return new Worker(entry, { workerData, execArgv: entry.endsWith('.ts') ? ['--require', 'ts-node/register/transpile-only'] : undefined });
}

/** Asks a database thread to finish what it was sent and stop; resolves once it has. */
export async function stopDatabaseWorker(worker: Worker | null): Promise<void> {
  if (!worker) return;
  const exited = once(worker, 'exit');
  // Referenced again so the process waits for it, however idle it was.
  worker.ref();
  worker.postMessage('close');
  await exited;
}
