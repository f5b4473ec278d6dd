import { BeforeApplicationShutdown, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { SqliteCheckpointThread } from './sqlite-checkpoint-thread';
import type { SqliteProcedure } from './sqlite-procedure';
import { SqliteWriteBatcher } from './sqlite-write-batcher';
import { SqliteWriteThread } from './sqlite-write-thread';
import { ThreadLock } from './thread-lock';

/** How long a stopping service waits for queued writes at most. */
const SHUTDOWN_DRAIN_LIMIT_MS = 10_000;
const DRAIN_POLL_MS = 5;

/**
 * The only way to write. TypeORM's better-sqlite3 driver shares one connection for the whole process,
 * so two overlapping transactions collide ("cannot start a transaction within a transaction") and a
 * write outside a transaction would join whichever one is open. On SQLite every write therefore runs
 * one at a time behind a mutex; PostgreSQL keeps real concurrency with its pool. A database file also
 * gets a write thread for the hot paths and a checkpoint thread (docs/decisions.md, "Threads for
 * SQLite"); the main connection's write transactions then take the lock they share with them.
 */
@Injectable()
export class UnitOfWork implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly sqliteWriteLock: Mutex | null;
  private readonly threads: { lock: ThreadLock; writer: SqliteWriteThread; checkpointer: SqliteCheckpointThread } | null = null;
  private batcher: SqliteWriteBatcher | null = null;
  /** Writes started or queued on the main connection and not yet finished, waited for at shutdown. */
  private unfinished = 0;

  constructor(private readonly dataSource: DataSource) {
    const { type, database } = dataSource.options as { type: string; database?: unknown };
    this.sqliteWriteLock = type === 'better-sqlite3' ? new Mutex() : null;
    if (type === 'better-sqlite3' && typeof database === 'string' && database !== ':memory:') {
      const lock = new ThreadLock();
      this.threads = { lock, writer: new SqliteWriteThread(database, lock), checkpointer: new SqliteCheckpointThread(database, lock) };
    }
  }

  async onModuleInit(): Promise<void> {
    if (!this.threads) return;
    (this.sqliteHandle as SqliteHandle & { pragma(sql: string): unknown }).pragma('wal_autocheckpoint = 0');
    await this.threads.checkpointer.start();
  }

  get isSqlite(): boolean {
    return this.sqliteWriteLock !== null;
  }

  /** Runs `work` in one transaction; everything it writes commits together or not at all. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.tracked(() => this.transaction(work));
  }

  private transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqliteWriteLock) return this.dataSource.transaction(work);
    const threadLock = this.threads?.lock;
    return this.sqliteWriteLock.runExclusive(async () => {
      await threadLock?.acquire();
      try {
        return await this.dataSource.transaction(work);
      } finally {
        threadLock?.release();
      }
    });
  }

  /**
   * For hot paths on SQLite: a procedure of synchronous statements on a raw better-sqlite3 handle.
   * Writes arriving together share one commit; each is atomic on its own and answered after the
   * commit. On a database file they run on the write thread; in memory (tests) on the main
   * connection, behind the same lock as the TypeORM transactions (SqliteWriteBatcher).
   */
  runSqliteProcedure<I, O>(procedure: SqliteProcedure<I, O>, input: I): Promise<O> {
    if (!this.sqliteWriteLock) throw new Error('runSqliteProcedure is for SQLite only');
    if (this.threads) return this.threads.writer.run(procedure, input);
    if (!this.batcher) {
      const lock = this.sqliteWriteLock;
      this.batcher = new SqliteWriteBatcher(this.sqliteHandle, (flush) => lock.runExclusive(flush));
    }
    const batcher = this.batcher;
    return this.tracked(() => batcher.run((db) => procedure.run(db, input)));
  }

  private async tracked<T>(start: () => Promise<T>): Promise<T> {
    this.unfinished++;
    try {
      return await start();
    } finally {
      this.unfinished--;
    }
  }

  /**
   * Writes started or queued when the service is told to stop finish before the connection closes,
   * within a limit; the write thread finishes its own when it is closed.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + SHUTDOWN_DRAIN_LIMIT_MS;
    do await sleep(DRAIN_POLL_MS);
    while (this.unfinished > 0 && Date.now() < deadline);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.threads?.writer.close();
    await this.threads?.checkpointer.close();
  }

  /** The raw better-sqlite3 connection, for prepared reads on hot paths (SQLite only). */
  get sqliteHandle(): SqliteHandle {
    if (!this.sqliteWriteLock) throw new Error('sqliteHandle is for SQLite only');
    return (this.dataSource.driver as unknown as { databaseConnection: SqliteHandle }).databaseConnection;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

export interface SqliteStatement {
  run(...params: unknown[]): { changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

export interface SqliteHandle {
  prepare(sql: string): SqliteStatement;
  transaction<F extends () => unknown>(fn: F): () => ReturnType<F>;
}
