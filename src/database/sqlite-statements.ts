import type { SqliteHandle, SqliteStatement } from './unit-of-work';

// Used on the SQLite write thread as well as in the service: imports types only.

/** SQLite keeps TypeORM's date format (UTC, `YYYY-MM-DD HH:MM:SS.sss`), so raw and TypeORM paths read each other's rows. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** A date as stored by `sqliteDate` (or by TypeORM) read back. */
export function readSqliteDate(value: string): Date {
  return new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * Statements prepared once per connection: a procedure runs them on every call, and preparing costs
 * more than running. Returns the statements of `db`, keyed as `sql` is.
 */
export function preparedStatements<K extends string>(sql: Record<K, string>): (db: SqliteHandle) => Record<K, SqliteStatement> {
  const byConnection = new WeakMap<SqliteHandle, Record<K, SqliteStatement>>();
  return (db) => {
    let statements = byConnection.get(db);
    if (!statements) {
      statements = Object.fromEntries(Object.entries<string>(sql).map(([key, text]) => [key, db.prepare(text)])) as Record<K, SqliteStatement>;
      byConnection.set(db, statements);
    }
    return statements;
  };
}
