import type { Worker } from 'node:worker_threads';
import { ThreadRequests } from '../common/threads/thread-requests';
import { stopWorkerThread } from '../common/threads/worker-thread';
import type { SqliteProcedure } from './sqlite-procedure';
import { startDatabaseWorker } from './start-worker';
import { LOCK_OWNERS, type ThreadLock } from './thread-lock';

export interface WriteThreadData {
  path: string;
  lockBuffer: SharedArrayBuffer;
}

export interface WriteRequest {
  id: number;
  file: string;
  name: string;
  input: unknown;
}

export type WriteReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { message: string; code?: string } };

/**
 * The main thread's side of the SQLite write thread: sends it procedures to run and answers each
 * caller once its batch has committed. The thread starts on the first write and restarts after a
 * failure; `lock` keeps it from writing while the main connection has a write transaction open.
 */
export class SqliteWriteThread {
  private worker: Worker | null = null;
  private readonly requests = new ThreadRequests();

  constructor(
    private readonly databasePath: string,
    private readonly lock: ThreadLock,
  ) {}

  run<I, O>(procedure: SqliteProcedure<I, O>, input: I): Promise<O> {
    const worker = this.worker ?? this.start();
    return this.requests.send<O>(worker, (id) => {
      const request: WriteRequest = { id, file: procedure.file, name: procedure.name, input };
      worker.postMessage(request);
    });
  }

  /** Lets the thread finish every write sent so far, then stops it. */
  async close(): Promise<void> {
    await stopWorkerThread(this.worker);
  }

  private start(): Worker {
    const data: WriteThreadData = { path: this.databasePath, lockBuffer: this.lock.buffer };
    const worker = startDatabaseWorker('sqlite-write-worker', data);
    worker.on('message', (replies: WriteReply[]) => {
      for (const reply of replies) this.settle(reply);
    });
    worker.on('error', (error) => this.stopped(worker, error));
    worker.on('exit', () => this.stopped(worker, new Error('the SQLite write thread stopped')));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WriteReply): void {
    this.requests.answer(this.worker, reply.id, reply.ok ? { ok: true, value: reply.value } : { ok: false, error: errorOf(reply.error) });
  }

  private stopped(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    // A thread that died inside a commit never released the lock; nothing it held was committed.
    this.lock.releaseAbandoned(LOCK_OWNERS.writeThread);
    this.requests.failAll(error);
  }
}

/** A failed write's error as its caller sees it: the message, and SQLite's code for telling constraints apart. */
function errorOf({ message, code }: { message: string; code?: string }): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}
