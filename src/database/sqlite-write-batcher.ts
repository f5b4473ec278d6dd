import type { SqliteHandle } from './unit-of-work';

/** How many queued writes share one commit at most, so one flush never holds the loop for long. */
const MAX_BATCH = 128;

interface QueuedWrite {
  work: (db: SqliteHandle) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for SQLite hot paths. Writes that arrive in the same turn of the event loop run one
 * after another inside one transaction, each in a savepoint of its own: a write that throws rolls
 * back alone and rejects its caller, the others commit together. Callers are answered only after
 * the COMMIT, so an acknowledged write is never lost; what the batch saves is the per-transaction
 * cost (the commit and the WAL bookkeeping) that otherwise dominates a small write.
 */
export class SqliteWriteBatcher {
  private queue: QueuedWrite[] = [];
  private scheduled = false;

  /**
   * @param db the raw connection
   * @param exclusive runs the flush while no other transaction may be open on the connection
   */
  constructor(
    private readonly db: SqliteHandle,
    private readonly exclusive: (flush: () => void) => Promise<void>,
  ) {}

  run<T>(work: (db: SqliteHandle) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate runs after the I/O callbacks of this turn: every request parsed now joins.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      await this.exclusive(() => {
        while (this.queue.length > 0) this.flush(this.queue.splice(0, MAX_BATCH));
      });
    } finally {
      this.scheduled = false;
    }
    // Writes queued while the lock was awaited were taken by the loop above; later ones schedule anew.
    if (this.queue.length > 0) {
      this.scheduled = true;
      setImmediate(() => void this.drain());
    }
  }

  private flush(batch: QueuedWrite[]): void {
    let outcomes: WriteOutcome[];
    try {
      outcomes = commitEachInSavepoint(this.db, batch.map((write) => write.work));
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, so nobody is told it was.
      for (const write of batch) write.reject(error);
      return;
    }
    batch.forEach((write, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }
}

export type WriteOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs the writes one after another in one transaction, each in a savepoint of its own: a write that
 * throws rolls back alone and its error becomes its outcome. Throws only if the commit fails, when
 * nothing of the batch is stored.
 */
export function commitEachInSavepoint(db: SqliteHandle, works: ReadonlyArray<(db: SqliteHandle) => unknown>): WriteOutcome[] {
  const outcomes: WriteOutcome[] = [];
  db.transaction(() => {
    for (const work of works) {
      try {
        // A nested transaction function is a savepoint: a throw undoes this write only.
        outcomes.push({ ok: true, value: db.transaction(() => work(db))() });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    }
  })();
  return outcomes;
}
