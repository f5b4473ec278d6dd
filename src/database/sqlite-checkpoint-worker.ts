import { closeSync, fsyncSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { openThreadConnection } from './sqlite-connection';
import type { CheckpointThreadData } from './sqlite-checkpoint-thread';
import { LOCK_OWNERS, ThreadLock } from './thread-lock';

/**
 * The checkpoint thread: copies committed pages from the WAL into the database file, with the
 * fsyncs that come with it, so no writer waits on the disk. SQLite lets a checkpoint run beside a
 * writer; the WAL can start over only once a checkpoint has caught up with every frame, which under
 * a steady stream of writes happens only if writers pause for the few frames still left.
 */
const { path, lockBuffer, intervalMs, restartFrames } = workerData as CheckpointThreadData;
const port = parentPort!;
const db = openThreadConnection(path);
const lock = new ThreadLock(lockBuffer);

function checkpoint(): { log: number; checkpointed: number } {
  const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return row!;
}

/** Pushes the files' written pages to the disk, so a checkpoint right after has little left to sync. */
function flushFiles(): void {
  for (const file of [`${path}-wal`, path]) {
    const fd = openSync(file, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

let oversized = false;

function pass(): void {
  const { log } = checkpoint();
  if (log < restartFrames) {
    oversized = false;
    return;
  }
  // A pass that caught up lets the next write start the WAL over, unless a write began meanwhile:
  // writers are paused only when the WAL is still long at the next pass.
  if (!oversized) {
    oversized = true;
    return;
  }
  oversized = false;
  flushFiles();
  lock.acquireBlocking(LOCK_OWNERS.checkpointThread);
  try {
    checkpoint();
  } finally {
    lock.release();
  }
}

const timer = setInterval(pass, intervalMs);
port.postMessage('started');

port.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  port.close();
});
