import type { SqliteHandle } from '../../database/unit-of-work';
import { hashGrams, packHashes } from './domain/gram-hashes';
import { activeGramsOf, activeGramsWrittenAfter, fingerprintsAfter, NO_HASHES, rememberNewFingerprint } from './sqlite-fingerprints';

interface RawDatabase extends SqliteHandle {
  exec(sql: string): void;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3') as new (path: string) => RawDatabase;

describe('stored fingerprints read on SQLite', () => {
  let db: RawDatabase;
  /** A fingerprint as the service writes it; `stored` overrides what goes into the two columns. */
  const write = (ideaId: string, version: number, grams: string[], active = 1, stored: { grams?: string; hashes?: Uint32Array } = {}) =>
    db
      .prepare(
        `INSERT INTO "idea_fingerprints" ("ideaId", "campaignId", "version", "active", "grams", "hashes", "submittedAt", "updatedAt")
         VALUES (?, 'c', ?, ?, ?, ?, '2026-03-01 08:00:00.000', '2026-03-01 08:00:00.000')
         ON CONFLICT ("ideaId") DO UPDATE SET "version" = excluded."version", "active" = excluded."active", "grams" = excluded."grams", "hashes" = excluded."hashes"`,
      )
      .run(ideaId, version, active, stored.grams ?? JSON.stringify(grams), packHashes(stored.hashes ?? hashGrams(grams)));
  /** The same file through a handle that calls `beforeGet` just before each `get` of a statement starting with `prefix`. */
  const intercepting = (prefix: string, beforeGet: (params: unknown[]) => void) =>
    ({
      transaction: (fn: () => unknown) => db.transaction(fn),
      prepare: (sql: string) => {
        const statement = db.prepare(sql);
        if (!sql.startsWith(prefix)) return statement;
        return {
          ...statement,
          run: (...params: unknown[]) => statement.run(...params),
          all: (...params: unknown[]) => statement.all(...params),
          get: (...params: unknown[]) => {
            beforeGet(params);
            return statement.get(...params);
          },
        };
      },
    }) as unknown as SqliteHandle;
  /** One that counts the reads of the grams column and can act just before one. */
  const watched = (beforeGramsRead: (params: unknown[]) => void = () => undefined) => {
    const handle = intercepting('SELECT "grams"', (params) => {
      handle.gramsReads++;
      beforeGramsRead(params);
    }) as SqliteHandle & { gramsReads: number };
    handle.gramsReads = 0;
    return handle;
  };

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec('CREATE TABLE "idea_fingerprints" ("ideaId" TEXT PRIMARY KEY, "campaignId" TEXT, "version" INTEGER, "active" INTEGER, "grams" TEXT, "hashes" TEXT, "submittedAt" TEXT, "updatedAt" TEXT)');
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

  it('catches an index up on the stored hashes, never on the grams', () => {
    const stored = hashGrams(['lain ']);
    write('a', 1, ['kopi ', 'opi b'], 1, { grams: 'not read', hashes: stored });
    const handle = watched();
    expect(fingerprintsAfter(handle, 'c', 0, 10)).toEqual([{ ideaId: 'a', version: 1, active: true, hashes: stored }]);
    expect(handle.gramsReads).toBe(0);
  });

  it('catches up on hashes the caller knows for that version without reading them, and reads any other', () => {
    const known = hashGrams(['kopi ']);
    write('a', 1, ['kopi '], 1, { hashes: hashGrams(['lain ']) });
    write('b', 2, ['teh m']);
    const hashReads: unknown[][] = [];
    const handle = intercepting('SELECT "hashes"', (params) => hashReads.push(params));
    const changes = fingerprintsAfter(handle, 'c', 0, 10, (ideaId, version) => (ideaId === 'a' && version === 1 ? known : ideaId === 'b' && version === 9 ? known : undefined));
    expect(changes).toEqual([
      { ideaId: 'a', version: 1, active: true, hashes: known },
      { ideaId: 'b', version: 2, active: true, hashes: hashGrams(['teh m']) },
    ]);
    expect(hashReads).toEqual([['b', 2]]);
  });

  it('leaves out a version rewritten between the read of the versions and the read of its hashes', () => {
    write('a', 1, ['kopi ']);
    write('b', 2, ['teh m']);
    const handle = intercepting('SELECT "hashes"', (params) => {
      if (params[0] === 'a') write('a', 3, ['gula ']);
    });
    expect(fingerprintsAfter(handle, 'c', 0, 10).map((change) => [change.ideaId, change.version])).toEqual([['b', 2]]);
    expect(fingerprintsAfter(db, 'c', 2, 10)).toEqual([{ ideaId: 'a', version: 3, active: true, hashes: hashGrams(['gula ']) }]);
  });

  it('gives the ideas written meanwhile with their hashes, and parses their grams only when asked', () => {
    write('a', 1, ['kopi ', 'opi b']);
    write('b', 2, [], 1, { grams: 'not json', hashes: hashGrams(['teh m']) });
    const [a, b] = activeGramsWrittenAfter(db, 'c', 0);
    expect(a!.hashes).toEqual(hashGrams(['kopi ', 'opi b']));
    expect(b!.hashes).toEqual(hashGrams(['teh m']));
    expect(() => b!.grams).toThrow(SyntaxError);
    expect([...a!.grams]).toEqual(['kopi ', 'opi b']);
  });

  it('takes the hashes of a new idea this connection wrote from memory, and reads any other version', () => {
    const made = hashGrams(['teh m']);
    write('b', 2, ['teh m']);
    rememberNewFingerprint(db, 'b', { version: 2, hashes: made, submittedAt: Date.UTC(2026, 2, 1, 8), reservation: null });
    const [remembered] = activeGramsWrittenAfter(db, 'c', 1);
    expect(remembered!.hashes).toBe(made);
    expect(remembered!.submittedAt).toBe(Date.UTC(2026, 2, 1, 8));
    expect([...remembered!.grams]).toEqual(['teh m']);
    // A memory of a version the table does not hold (its write rolled back, or rewritten since) is never used.
    write('b', 3, ['gula ']);
    const [stored] = activeGramsWrittenAfter(db, 'c', 1);
    expect(stored!.hashes).toEqual(hashGrams(['gula ']));
    expect([...stored!.grams]).toEqual(['gula ']);
    // Memory is per connection.
    const other = new Database(':memory:');
    expect(() => rememberNewFingerprint(other, 'b', { version: 3, hashes: made, submittedAt: 0, reservation: null })).not.toThrow();
    expect(activeGramsWrittenAfter(db, 'c', 1)[0]!.hashes).toEqual(hashGrams(['gula ']));
    other.close();
  });

  it('leaves out a new idea it wrote that the assessment compared already as a reserved idea, and nothing else', () => {
    const noted = (ideaId: string, version: number, epoch: string, number: number) =>
      rememberNewFingerprint(db, ideaId, { version, hashes: hashGrams(['teh m']), submittedAt: 0, reservation: { epoch, number } });
    for (const [id, version] of [['a', 1], ['b', 2], ['c', 3], ['d', 5], ['e', 6]] as const) write(id, version, ['teh m']);
    noted('a', 1, 'e/1', 1);
    noted('b', 2, 'e/1', 5);
    noted('c', 3, 'e/2', 2);
    // Covered, but the stored row is a later version than the one written here: a revision's.
    noted('d', 4, 'e/1', 2);
    const coverage = { epoch: 'e/1', from: 1, to: 3 };
    expect(activeGramsWrittenAfter(db, 'c', 0, coverage).map((idea) => idea.id)).toEqual(['b', 'c', 'd', 'e']);
    expect(activeGramsWrittenAfter(db, 'c', 0).map((idea) => idea.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it("reads a finalist's grams once per version, and again after a revision", () => {
    write('a', 1, ['kopi ']);
    const handle = watched();
    expect([...activeGramsOf(handle, 'c', ['a'])[0]!.grams]).toEqual(['kopi ']);
    expect([...activeGramsOf(handle, 'c', ['a', 'a'])[0]!.grams]).toEqual(['kopi ']);
    expect(handle.gramsReads).toBe(1);
    write('a', 2, ['gula ']);
    expect([...activeGramsOf(handle, 'c', ['a'])[0]!.grams]).toEqual(['gula ']);
    expect(handle.gramsReads).toBe(2);
  });

  it('leaves out a finalist rewritten between the read of its version and the read of its grams', () => {
    write('a', 1, ['kopi ']);
    write('b', 2, ['teh m']);
    // A revision of b commits just before its grams at version 2 are read.
    const racing = watched((params) => {
      if (params[0] === 'b' && params[1] === 2) write('b', 3, ['teh h']);
    });
    expect(activeGramsOf(racing, 'c', ['a', 'b']).map((idea) => idea.id)).toEqual(['a']);
    expect([...activeGramsOf(racing, 'c', ['b'])[0]!.grams]).toEqual(['teh h']);
  });
});
