import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager } from 'typeorm';
import { SqliteWriteBatcher } from './sqlite-write-batcher';

/**
 * The only way to write. TypeORM's better-sqlite3 driver shares one connection for the whole process,
 * so two overlapping transactions collide ("cannot start a transaction within a transaction") and a
 * write outside a transaction would join whichever one is open. On SQLite every write therefore runs
 * one at a time behind a mutex; PostgreSQL keeps real concurrency with its pool.
 */
@Injectable()
export class UnitOfWork {
  private readonly sqliteWriteLock: Mutex | null;
  private batcher: SqliteWriteBatcher | null = null;

  constructor(private readonly dataSource: DataSource) {
    this.sqliteWriteLock = dataSource.options.type === 'better-sqlite3' ? new Mutex() : null;
  }

  get isSqlite(): boolean {
    return this.sqliteWriteLock !== null;
  }

  /** Runs `work` in one transaction; everything it writes commits together or not at all. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqliteWriteLock) return this.dataSource.transaction(work);
    return this.sqliteWriteLock.runExclusive(() => this.dataSource.transaction(work));
  }

  /**
   * For hot paths on SQLite: runs synchronous statements on the raw better-sqlite3 handle, still
   * behind the same lock so no TypeORM transaction can be open meanwhile. Writes arriving together
   * share one commit (SqliteWriteBatcher); each is atomic on its own and answered after the commit.
   */
  runSqliteNative<T>(work: (db: SqliteHandle) => T): Promise<T> {
    if (!this.sqliteWriteLock) throw new Error('runSqliteNative is for SQLite only');
    if (!this.batcher) {
      const lock = this.sqliteWriteLock;
      this.batcher = new SqliteWriteBatcher(this.sqliteHandle, (flush) => lock.runExclusive(flush));
    }
    return this.batcher.run(work);
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
