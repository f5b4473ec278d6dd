import type { SqliteHandle } from '../../database/unit-of-work';
import { hashGrams } from './domain/gram-hashes';
import { activeGramsOf, activeGramsWrittenAfter, fingerprintsAfter, NO_HASHES, rememberWrittenGrams } from './sqlite-fingerprints';

interface RawDatabase extends SqliteHandle {
  exec(sql: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string) => RawDatabase;

describe('stored fingerprints read on SQLite', () => {
  let db: RawDatabase;
  const write = (ideaId: string, version: number, grams: string[], active = 1) =>
    db
      .prepare(
        `INSERT INTO "idea_fingerprints" ("ideaId", "campaignId", "version", "active", "grams", "submittedAt", "updatedAt") VALUES (?, 'c', ?, ?, ?, '2026-03-01 08:00:00.000', '2026-03-01 08:00:00.000')
         ON CONFLICT ("ideaId") DO UPDATE SET "version" = excluded."version", "active" = excluded."active", "grams" = excluded."grams"`,
      )
      .run(ideaId, version, active, JSON.stringify(grams));

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE "idea_fingerprints" ("ideaId" TEXT PRIMARY KEY, "campaignId" TEXT, "version" INTEGER, "active" INTEGER, "grams" TEXT, "submittedAt" TEXT, "updatedAt" TEXT)');
  });
  afterEach(() => db.close());

  it('reads the grams of the version stored now, after a revision rewrote them', () => {
    write('a', 1, ['kopi ', 'opi b']);
    write('b', 2, ['teh m']);
    expect(activeGramsWrittenAfter(db, 'c', 0).map((idea) => [idea.id, [...idea.grams]])).toEqual([
      ['a', ['kopi ', 'opi b']],
      ['b', ['teh m']],
    ]);
    write('a', 3, ['gula ', 'ula a']);
    expect([...activeGramsOf(db, 'c', ['a'])[0]!.grams]).toEqual(['gula ', 'ula a']);
    expect(fingerprintsAfter(db, 'c', 2, 10)).toEqual([{ ideaId: 'a', version: 3, active: true, hashes: hashGrams(['gula ', 'ula a']) }]);
    expect(activeGramsWrittenAfter(db, 'c', 2).map((idea) => idea.id)).toEqual(['a']);
  });

  it('leaves out deactivated fingerprints, yet reports their change to an index', () => {
    write('a', 1, ['kopi ']);
    write('a', 2, ['kopi '], 0);
    expect(activeGramsOf(db, 'c', ['a'])).toEqual([]);
    expect(fingerprintsAfter(db, 'c', 1, 10)).toEqual([{ ideaId: 'a', version: 2, active: false, hashes: NO_HASHES }]);
  });

  it('gives the hashes with the grams, and takes a version this process wrote from memory', () => {
    write('a', 1, ['kopi ', 'opi b']);
    expect(activeGramsWrittenAfter(db, 'c', 0)[0]!.hashes).toEqual(hashGrams(['kopi ', 'opi b']));
    const made = ['teh m'];
    const hashes = hashGrams(made);
    write('b', 2, made);
    rememberWrittenGrams(db, 'b', 2, JSON.stringify(made), hashes);
    const [read] = fingerprintsAfter(db, 'c', 1, 10);
    expect(read).toEqual({ ideaId: 'b', version: 2, active: true, hashes });
    expect(read!.hashes).toBe(hashes);
    expect(activeGramsWrittenAfter(db, 'c', 1)[0]!.hashes).toBe(hashes);
    expect([...activeGramsOf(db, 'c', ['b'])[0]!.grams]).toEqual(made);
    // A revision is another version: it is read as stored, not taken for the one remembered.
    write('b', 3, ['gula ']);
    expect(fingerprintsAfter(db, 'c', 2, 10)).toEqual([{ ideaId: 'b', version: 3, active: true, hashes: hashGrams(['gula ']) }]);
    expect([...activeGramsOf(db, 'c', ['b'])[0]!.grams]).toEqual(['gula ']);
  });

  it('ends a catch-up page at a version rewritten between its listing and the read of its grams', () => {
    write('a', 1, ['kopi ']);
    write('b', 2, ['teh m']);
    write('c', 3, ['gula ']);
    // The same file seen through a handle whose read of b's grams comes just after a revision of b commits.
    const racing: SqliteHandle = {
      transaction: (fn) => db.transaction(fn),
      prepare: (sql) => {
        const statement = db.prepare(sql);
        if (!sql.startsWith('SELECT "grams"')) return statement;
        return {
          ...statement,
          run: (...params: unknown[]) => statement.run(...params),
          all: (...params: unknown[]) => statement.all(...params),
          get: (...params: unknown[]) => {
            if (params[0] === 'b' && params[1] === 2) write('b', 4, ['teh h']);
            return statement.get(...params);
          },
        };
      },
    };
    expect(fingerprintsAfter(racing, 'c', 0, 10).map((change) => [change.ideaId, change.version])).toEqual([['a', 1]]);
    // The next catch-up goes on from version 1 and meets b at its new version.
    expect(fingerprintsAfter(racing, 'c', 1, 10)).toEqual([
      { ideaId: 'c', version: 3, active: true, hashes: hashGrams(['gula ']) },
      { ideaId: 'b', version: 4, active: true, hashes: hashGrams(['teh h']) },
    ]);
  });
});
