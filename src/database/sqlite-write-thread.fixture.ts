import { sqliteProcedure } from './sqlite-procedure';
import type { SqliteHandle } from './unit-of-work';

// Procedures for the write-thread specs: the thread loads them from this file by name.

export function insertItem(db: SqliteHandle, input: { label: string; payload?: string }): number {
  return db.prepare('INSERT INTO items (label, payload) VALUES (?, ?)').run(input.label, input.payload ?? null).changes;
}

/** Two rows, then a failure: neither row may stay. */
export function insertTwoThenFail(db: SqliteHandle, input: { label: string }): never {
  db.prepare('INSERT INTO items (label) VALUES (?)').run(`${input.label}-1`);
  db.prepare('INSERT INTO items (label) VALUES (?)').run(`${input.label}-2`);
  throw Object.assign(new Error('refused on purpose'), { code: 'FIXTURE_REFUSED' });
}

export const INSERT_ITEM = sqliteProcedure(__filename, 'insertItem', insertItem);
export const INSERT_TWO_THEN_FAIL = sqliteProcedure(__filename, 'insertTwoThenFail', insertTwoThenFail);

/** Ends the thread in the middle of its commit, as a crash would. */
export function stopThread(db: SqliteHandle, input: { label: string }): never {
  db.prepare('INSERT INTO items (label) VALUES (?)').run(input.label);
  process.exit(1);
}

export const STOP_THREAD = sqliteProcedure(__filename, 'stopThread', stopThread);
