import type { SqliteHandle } from './unit-of-work';

/** How long a writer waits for SQLite's lock held by another connection before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** The settings every connection to the database file takes, the main one and the write thread's. */
export function configureSqliteConnection(db: { pragma(sql: string): unknown }): void {
  db.pragma('foreign_keys = ON');
  // WAL with NORMAL sync survives a process crash without losing committed transactions.
  db.pragma('synchronous = NORMAL');
  // A campaign with a million votes is hundreds of MB; the default 2 MB page cache turned every
  // vote insert into a string of page reads. 64 MB of cache and a memory map keep the hot pages near.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('temp_store = MEMORY');
  // After the WAL starts over, a file grown under a burst of writes is cut back to this size.
  db.pragma('journal_size_limit = 134217728');
}

export interface SqliteThreadConnection extends SqliteHandle {
  pragma(sql: string): unknown;
  close(): void;
}

/**
 * A database thread's own connection to the file: the shared settings, and no checkpoints of its own;
 * the checkpoint thread copies the WAL back, so commits never wait on an fsync.
 */
export function openThreadConnection(path: string): SqliteThreadConnection {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as new (path: string, options: { timeout: number }) => SqliteThreadConnection;
  const db = new Database(path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  configureSqliteConnection(db);
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
