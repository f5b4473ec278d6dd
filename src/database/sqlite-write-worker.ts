import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openThreadConnection } from './sqlite-connection';
import type { SqliteProcedure } from './sqlite-procedure';
import { commitEachInSavepoint } from './sqlite-write-batcher';
import { LOCK_OWNERS, ThreadLock } from './thread-lock';
import type { SqliteHandle } from './unit-of-work';
import type { WriteReply, WriteRequest, WriteThreadData } from './sqlite-write-thread';

/** Writes that arrived while the last batch committed share the next commit, up to this many. */
const MAX_BATCH = 256;

/**
 * The SQLite write thread: its own connection to the database file, taking writes from the main
 * thread and committing each batch once (every write in a savepoint of its own), so the commit, the
 * WAL and its checkpoints cost this thread's time, not the event loop's.
 */
const { path, lockBuffer } = workerData as WriteThreadData;
const port = parentPort!;
const db = openThreadConnection(path);
const lock = new ThreadLock(lockBuffer);
const procedures = new Map<string, SqliteProcedure<unknown, unknown>['run']>();

function procedureOf(request: WriteRequest): SqliteProcedure<unknown, unknown>['run'] {
  const key = `${request.file}#${request.name}`;
  let run = procedures.get(key);
  if (!run) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = (require(request.file) as Record<string, unknown>)[request.name];
    if (typeof exported !== 'function') throw new Error(`no procedure ${request.name} in ${request.file}`);
    run = exported as SqliteProcedure<unknown, unknown>['run'];
    procedures.set(key, run);
  }
  return run;
}

function commit(batch: WriteRequest[]): WriteReply[] {
  const works = batch.map((request) => (handle: SqliteHandle) => procedureOf(request)(handle, request.input));
  lock.acquireBlocking(LOCK_OWNERS.writeThread);
  try {
    const outcomes = commitEachInSavepoint(db, works);
    return batch.map((request, i) => {
      const outcome = outcomes[i]!;
      return outcome.ok ? { id: request.id, ok: true, value: outcome.value } : { id: request.id, ok: false, error: describe(outcome.error) };
    });
  } catch (error) {
    return batch.map((request) => ({ id: request.id, ok: false, error: describe(error) }));
  } finally {
    lock.release();
  }
}

/** Errors cross as plain data: the message, and SQLite's code for callers that tell constraints apart. */
function describe(error: unknown): { message: string; code?: string } {
  const { message, code } = error as { message?: unknown; code?: unknown };
  return { message: typeof message === 'string' ? message : String(error), ...(typeof code === 'string' ? { code } : {}) };
}

port.on('message', (first: WriteRequest | 'close') => {
  let closing = first === 'close';
  const batch: WriteRequest[] = closing ? [] : [first as WriteRequest];
  while (!closing && batch.length < MAX_BATCH) {
    const next = receiveMessageOnPort(port)?.message as WriteRequest | 'close' | undefined;
    if (next === undefined) break;
    if (next === 'close') closing = true;
    else batch.push(next);
  }
  if (batch.length > 0) port.postMessage(commit(batch));
  if (closing) {
    db.close();
    port.close();
  }
});
