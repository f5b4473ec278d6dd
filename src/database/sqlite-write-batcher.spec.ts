import { Mutex } from 'async-mutex';
import { SqliteWriteBatcher } from './sqlite-write-batcher';
import type { SqliteHandle } from './unit-of-work';

interface RawDatabase extends SqliteHandle {
  exec(sql: string): void;
  readonly inTransaction: boolean;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string) => RawDatabase;

describe('SqliteWriteBatcher', () => {
  let db: RawDatabase;
  let commits: number;
  let batcher: SqliteWriteBatcher;
  const lock = new Mutex();

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE)');
    commits = 0;
    // Counts commits: only an outermost transaction commits; nested ones are savepoints.
    const counting: SqliteHandle = {
      prepare: (sql) => db.prepare(sql),
      transaction: <F extends () => unknown>(fn: F) => {
        const inner = db.transaction(fn);
        return () => {
          const outermost = !db.inTransaction;
          const result = inner();
          if (outermost) commits++;
          return result;
        };
      },
    };
    batcher = new SqliteWriteBatcher(counting, (flush) => lock.runExclusive(flush));
  });

  afterEach(() => db.close());

  const insert = (label: string) => (h: SqliteHandle) => h.prepare('INSERT INTO items (label) VALUES (?)').run(label).changes;
  const labels = () => (db.prepare('SELECT label FROM items ORDER BY id').all() as Array<{ label: string }>).map((r) => r.label);

  it('commits writes queued in the same turn together, each answered with its own result', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((label) => batcher.run(insert(label))));
    expect(results).toEqual([1, 1, 1, 1]);
    expect(labels()).toEqual(['a', 'b', 'c', 'd']);
    expect(commits).toBe(1);
  });

  it('rolls back only the write that failed; the others commit and the failure reaches its caller', async () => {
    const outcomes = await Promise.allSettled([batcher.run(insert('a')), batcher.run(insert('a')), batcher.run(insert('b'))]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(labels()).toEqual(['a', 'b']);
  });

  it('undoes every statement of a failed write, not just the last one', async () => {
    const twoThenFail = (h: SqliteHandle) => {
      h.prepare('INSERT INTO items (label) VALUES (?)').run('half-1');
      h.prepare('INSERT INTO items (label) VALUES (?)').run('half-2');
      throw new Error('changed my mind');
    };
    await expect(batcher.run(twoThenFail)).rejects.toThrow('changed my mind');
    await batcher.run(insert('kept'));
    expect(labels()).toEqual(['kept']);
  });

  it('answers nobody before the commit: a caller sees its row stored when its promise settles', async () => {
    const seen = await Promise.all(['x', 'y'].map((label) => batcher.run(insert(label)).then(() => ({ inTransaction: db.inTransaction, stored: labels().includes(label) }))));
    expect(seen).toEqual([{ inTransaction: false, stored: true }, { inTransaction: false, stored: true }]);
  });

  it('waits for a transaction holding the lock and keeps accepting writes meanwhile', async () => {
    let releaseHeld!: () => void;
    const held = lock.runExclusive(() => new Promise<void>((resolve) => (releaseHeld = resolve)));
    const pending = [batcher.run(insert('late-1'))];
    await new Promise((resolve) => setImmediate(resolve));
    pending.push(batcher.run(insert('late-2')));
    expect(labels()).toEqual([]);
    releaseHeld();
    await held;
    await Promise.all(pending);
    expect(labels()).toEqual(['late-1', 'late-2']);
  });

  it('writes queued by a caller after its answer go into a later batch and are not lost', async () => {
    const chained = await batcher.run(insert('first')).then(() => batcher.run(insert('second')));
    expect(chained).toBe(1);
    expect(labels()).toEqual(['first', 'second']);
    expect(commits).toBe(2);
  });
});
