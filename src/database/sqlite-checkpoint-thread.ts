import { Logger } from '@nestjs/common';
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { stopWorkerThread } from '../common/threads/worker-thread';
import { startDatabaseWorker } from './start-worker';
import { LOCK_OWNERS, type ThreadLock } from './thread-lock';

export interface CheckpointOptions {
  /** How often the thread copies what the WAL holds back into the database file. */
  intervalMs: number;
  /** Past this many frames writers pause for the last few, so the WAL starts over from its beginning. */
  restartFrames: number;
}

export interface CheckpointThreadData extends CheckpointOptions {
  path: string;
  lockBuffer: SharedArrayBuffer;
}

/**
 * Measured in bench/. Each pause costs writers 30–50 ms (mostly the two fsyncs of its checkpoint), so
 * the WAL is let grow to about 256 MB before one: under a stream of votes that is a pause every two
 * seconds instead of one or two a second, and the vote's p99 fell by about a fifth. A pass every
 * 200 ms rather than 50 copies a page changed by many votes (the campaign's row, the ends of indexes)
 * once instead of four times: a third less checkpointing per vote.
 */
export const DEFAULT_CHECKPOINT_OPTIONS: CheckpointOptions = { intervalMs: 200, restartFrames: 64_000 };

/** After a failure the thread is started again, at most this often. */
const RESTART_DELAY_MS = 1000;

/**
 * Keeps the checkpoint thread running beside a database file (sqlite-checkpoint-worker): while it
 * runs, no connection checkpoints on its own, so commits never wait on an fsync.
 */
export class SqliteCheckpointThread {
  private readonly logger = new Logger('SqliteCheckpointThread');
  private worker: Worker | null = null;
  private closing = false;

  constructor(
    private readonly databasePath: string,
    private readonly lock: ThreadLock,
    private readonly options: CheckpointOptions = DEFAULT_CHECKPOINT_OPTIONS,
  ) {}

  /** Resolves once the thread is checkpointing. */
  start(): Promise<void> {
    const data: CheckpointThreadData = { path: this.databasePath, lockBuffer: this.lock.buffer, ...this.options };
    const worker = startDatabaseWorker('sqlite-checkpoint-worker', data);
    // Kept referenced until it runs, so a process waiting on nothing else cannot end meanwhile; after
    // that it must not keep the process alive by itself.
    const started = once(worker, 'message').then(() => void worker.unref());
    worker.on('error', (error) => this.logger.error(`checkpoint thread failed: ${error.message}`));
    worker.on('exit', () => {
      if (this.worker !== worker || this.closing) return;
      this.worker = null;
      this.lock.releaseAbandoned(LOCK_OWNERS.checkpointThread);
      setTimeout(() => this.closing || void this.start(), RESTART_DELAY_MS).unref();
    });
    this.worker = worker;
    return started;
  }

  /** Copies what is left into the database file, then stops. */
  async close(): Promise<void> {
    this.closing = true;
    await stopWorkerThread(this.worker);
  }
}
