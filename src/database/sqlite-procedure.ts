import type { SqliteHandle } from './unit-of-work';

/**
 * A write that may run on the SQLite write thread. Functions cannot cross threads, so the thread
 * loads the procedure itself from the module that exports it, by file and export name; the input
 * and output cross as structured clones (plain objects, dates, numbers, strings).
 */
export interface SqliteProcedure<I, O> {
  readonly file: string;
  readonly name: string;
  readonly run: (db: SqliteHandle, input: I) => O;
}

/** Declares `run`, exported from `file` under `name`, as a procedure of the write thread. */
export function sqliteProcedure<I, O>(file: string, name: string, run: (db: SqliteHandle, input: I) => O): SqliteProcedure<I, O> {
  return { file, name, run };
}
