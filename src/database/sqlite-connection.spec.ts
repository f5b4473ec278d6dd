import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CHECKPOINT_OPTIONS } from './sqlite-checkpoint-thread';
import { configureSqliteConnection, openThreadConnection, SqliteThreadConnection } from './sqlite-connection';

describe('a database thread’s connection', () => {
  let dir: string;
  let db: SqliteThreadConnection;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sayembara-connection-'));
    db = openThreadConnection(join(dir, 'test.sqlite'));
    db.pragma('journal_mode = WAL');
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const setting = (name: string): number => Number((db as unknown as { pragma(sql: string, options: { simple: true }): unknown }).pragma(name, { simple: true }));

  it('keeps a small page cache and reads through a map of the whole file', () => {
    // A large cache made every commit after a page split walk all of it (docs/decisions.md).
    expect(setting('cache_size')).toBeGreaterThanOrEqual(-4096);
    expect(setting('cache_size')).toBeLessThan(0);
    expect(setting('mmap_size')).toBeGreaterThanOrEqual(2 ** 30);
  });

  it('keeps a smaller cache than the main connection, which serves the reads', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Database = require('better-sqlite3') as new (path: string) => SqliteThreadConnection & { pragma(sql: string, options: { simple: true }): unknown };
    const main = new Database(':memory:');
    configureSqliteConnection(main);
    expect(Number(main.pragma('cache_size', { simple: true }))).toBeLessThan(setting('cache_size'));
    main.close();
  });

  it('leaves checkpoints to the checkpoint thread', () => {
    expect(setting('wal_autocheckpoint')).toBe(0);
  });

  it('keeps a WAL file as large as the checkpoint thread lets it grow, so a restart writes over it in place', () => {
    const pageSize = setting('page_size');
    expect(setting('journal_size_limit')).toBeGreaterThan(DEFAULT_CHECKPOINT_OPTIONS.restartFrames * (pageSize + 24));
  });
});
