const STATE = 0;
const MAIN_WAITING = 1;
const FREE = 0;
/** How long the write thread yields to a waiting main thread before taking the lock anyway. */
const YIELD_LIMIT_MS = 50;

/** Who holds the lock is what its state cell holds, so a thread that died holding it can be told apart. */
export const LOCK_OWNERS = { mainThread: 1, writeThread: 2, checkpointThread: 3 } as const;
export type LockOwner = (typeof LOCK_OWNERS)[keyof typeof LOCK_OWNERS];

/**
 * A lock in shared memory between the main thread and the SQLite write thread, so their write
 * transactions never interleave on the database: a deferred transaction that read before another
 * connection committed could not write afterwards. The main thread waits without blocking its event
 * loop; the write thread blocks, and steps aside while the main thread is waiting so a stream of
 * votes cannot starve the other writes.
 */
export class ThreadLock {
  private readonly cells: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.cells = new Int32Array(buffer);
  }

  /** For the main thread. */
  async acquire(): Promise<void> {
    Atomics.add(this.cells, MAIN_WAITING, 1);
    try {
      for (;;) {
        const holder = Atomics.compareExchange(this.cells, STATE, FREE, LOCK_OWNERS.mainThread);
        if (holder === FREE) return;
        const wait = Atomics.waitAsync(this.cells, STATE, holder);
        if (wait.async) await wait.value;
      }
    } finally {
      Atomics.sub(this.cells, MAIN_WAITING, 1);
    }
  }

  /** For a database thread: blocks it until the lock is free and no main-thread writer is waiting. */
  acquireBlocking(owner: LockOwner): void {
    const deadline = Date.now() + YIELD_LIMIT_MS;
    for (;;) {
      const waiting = Atomics.load(this.cells, MAIN_WAITING);
      if (waiting > 0 && Date.now() < deadline) {
        Atomics.wait(this.cells, MAIN_WAITING, waiting, 1);
        continue;
      }
      const holder = Atomics.compareExchange(this.cells, STATE, FREE, owner);
      if (holder === FREE) return;
      Atomics.wait(this.cells, STATE, holder, YIELD_LIMIT_MS);
    }
  }

  release(): void {
    Atomics.store(this.cells, STATE, FREE);
    Atomics.notify(this.cells, STATE);
  }

  /** Frees the lock if a thread that has stopped still held it; a live holder's lock is left alone. */
  releaseAbandoned(owner: LockOwner): void {
    if (Atomics.compareExchange(this.cells, STATE, owner, FREE) === owner) Atomics.notify(this.cells, STATE);
  }
}
