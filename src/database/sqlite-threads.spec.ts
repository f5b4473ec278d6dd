import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointThread } from './sqlite-checkpoint-thread';
import { configureSqliteConnection } from './sqlite-connection';
import { INSERT_ITEM, INSERT_TWO_THEN_FAIL, STOP_THREAD } from './sqlite-write-thread.fixture';
import { SqliteWriteThread } from './sqlite-write-thread';
import { ThreadLock } from './thread-lock';

interface RawDatabase {
  exec(sql: string): void;
  pragma(sql: string): unknown;
  prepare(sql: string): { get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string) => RawDatabase;

// The threads compile their TypeScript entry on start under the test runner: allow for it.
jest.setTimeout(30_000);

describe('SQLite write and checkpoint threads', () => {
  let dir: string;
  let path: string;
  let main: RawDatabase;
  let lock: ThreadLock;
  let writer: SqliteWriteThread;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sayembara-threads-'));
    path = join(dir, 'test.sqlite');
    main = new Database(path);
    main.pragma('journal_mode = WAL');
    configureSqliteConnection(main);
    main.pragma('wal_autocheckpoint = 0');
    main.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE, payload TEXT)');
    lock = new ThreadLock();
    writer = new SqliteWriteThread(path, lock);
  });

  afterEach(async () => {
    await writer.close();
    main.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const labels = () => (main.prepare('SELECT label FROM items ORDER BY id').all() as Array<{ label: string }>).map((r) => r.label);

  it('commits every write sent together and answers each after its commit', async () => {
    const sent = Array.from({ length: 300 }, (_, i) => `item-${i}`);
    const results = await Promise.all(sent.map((label) => writer.run(INSERT_ITEM, { label })));
    expect(results).toEqual(sent.map(() => 1));
    expect(labels()).toEqual(sent);
  });

  it('rolls back a failed write alone, with its error and SQLite code reaching its caller', async () => {
    const outcomes = await Promise.allSettled([
      writer.run(INSERT_ITEM, { label: 'a' }),
      writer.run(INSERT_ITEM, { label: 'a' }),
      writer.run(INSERT_TWO_THEN_FAIL, { label: 'half' }),
      writer.run(INSERT_ITEM, { label: 'b' }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused on purpose', code: 'FIXTURE_REFUSED' });
    expect(labels()).toEqual(['a', 'b']);
  });

  it('writes nothing while the main thread holds the lock, and goes on once it is released', async () => {
    await writer.run(INSERT_ITEM, { label: 'warm-up' });
    await lock.acquire();
    let done = false;
    const pending = writer.run(INSERT_ITEM, { label: 'waits' }).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(done).toBe(false);
    expect(labels()).toEqual(['warm-up']);
    lock.release();
    await pending;
    expect(labels()).toEqual(['warm-up', 'waits']);
  });

  it('tells the callers of a thread that died nothing was stored, frees the lock it held and starts anew', async () => {
    const outcomes = await Promise.allSettled([writer.run(INSERT_ITEM, { label: 'with-the-crash' }), writer.run(STOP_THREAD, { label: 'crash' })]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(labels()).toEqual([]);
    await expect(writer.run(INSERT_ITEM, { label: 'after' })).resolves.toBe(1);
    expect(labels()).toEqual(['after']);
    await lock.acquire();
    lock.release();
  });

  it('finishes every write sent before close', async () => {
    const pending = Array.from({ length: 50 }, (_, i) => writer.run(INSERT_ITEM, { label: `late-${i}` }));
    await writer.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(50);
    expect(labels()).toHaveLength(50);
  });

  it('keeps the WAL short under a steady stream of writes, copying it back into the database file', async () => {
    const checkpointer = new SqliteCheckpointThread(path, lock, { intervalMs: 5, restartFrames: 64 });
    await checkpointer.start();
    try {
      const payload = 'x'.repeat(3000); // about one page a row
      // Bursts back to back, so the WAL is never idle long enough to start over by itself.
      for (let burst = 0; burst < 160; burst++) {
        await Promise.all(Array.from({ length: 25 }, (_, i) => writer.run(INSERT_ITEM, { label: `row-${burst}-${i}`, payload })));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      // 4,000 rows of ~3 KB went through the WAL: had it never started over, it would hold about 17 MB.
      // The bound leaves room for a late first restart: on a busy machine the thread's passes come late.
      expect(statSync(`${path}-wal`).size).toBeLessThan(8 * 1024 * 1024);
      expect(statSync(path).size).toBeGreaterThan(8 * 1024 * 1024);
      expect((main.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n).toBe(4000);
    } finally {
      await checkpointer.close();
    }
  });
});

describe('ThreadLock on the main thread', () => {
  it('lets one holder in at a time, the next as soon as it is released', async () => {
    const lock = new ThreadLock();
    await lock.acquire();
    let second = false;
    const waiting = lock.acquire().then(() => (second = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second).toBe(false);
    lock.release();
    await waiting;
    expect(second).toBe(true);
    lock.release();
  });
});
