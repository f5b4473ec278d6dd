import type { SqliteHandle } from './unit-of-work';

/** How long a writer waits for SQLite's lock held by another connection before giving up. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** SQLite's largest memory map on Linux; a file beyond it is read past the map. */
const SQLITE_MMAP_BYTES = 2_147_418_112;

/**
 * The page cache of a thread's own connection. Its writes read through the memory map and keep only
 * the pages they change here. A small cache is also a fast one: when a B-tree page splits, SQLite
 * parks a page under the number of its locking page (at 1 GB) for a moment, and every commit after
 * that walks the whole cache to drop pages beyond the file's end. At 64 MB that walk took a fifth of
 * the write thread's time under votes; at 2 MB, a thirtieth of that.
 */
const THREAD_CACHE_KIB = 2048;

/**
 * The main connection's page cache. A campaign with a million votes is hundreds of MB; the default
 * 2 MB cache turned every vote insert into a string of page reads when the main connection wrote them.
 */
const MAIN_CACHE_KIB = 65_536;

/** The settings every connection to the database file takes, the main one and the threads'; only the cache differs. */
export function configureSqliteConnection(db: { pragma(sql: string): unknown }, cacheKib = MAIN_CACHE_KIB): void {
  db.pragma('foreign_keys = ON');
  // WAL with NORMAL sync survives a process crash without losing committed transactions.
  db.pragma('synchronous = NORMAL');
  // A map of the whole file (up to the 2 GB SQLite allows) keeps the pages near beside the cache.
  db.pragma(`cache_size = -${cacheKib}`);
  db.pragma(`mmap_size = ${SQLITE_MMAP_BYTES}`);
  db.pragma('temp_store = MEMORY');
  // After the WAL starts over, a file grown under a burst of writes is cut back to this size. It is
  // above the size at which writers pause for a restart (sqlite-checkpoint-thread), so the WAL is
  // written over in place rather than grown again after each restart, which costs the disk more.
  db.pragma('journal_size_limit = 536870912');
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
  configureSqliteConnection(db, THREAD_CACHE_KIB);
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
