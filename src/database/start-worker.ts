import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorkerThread } from '../common/threads/worker-thread';

/** Starts the database worker thread whose entry is `name` in this folder. */
export function startDatabaseWorker(name: string, workerData: unknown): Worker {
  return startWorkerThread(join(__dirname, name), workerData);
}
