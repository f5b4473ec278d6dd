import type { Mutex } from 'async-mutex';
import type { EntityManager, FindManyOptions, FindOperator } from 'typeorm';
import { FixedClock } from '../../common/clock';
import type { UnitOfWork } from '../../database/unit-of-work';
import { packHashes } from './domain/gram-hashes';
import type { FingerprintChange } from './domain/near-duplicate-engine';
import type { IdeaFingerprint } from './idea-fingerprint.entity';
import { NearDuplicateIndex } from './near-duplicate-index.service';

/**
 * The version a proposal reports is what its transaction re-checks from: every fingerprint after it
 * is compared again there. So it must be exactly the last version sent to the index's thread with or
 * before that proposal, never one a later catch-up reached while the proposal's caller was resuming.
 */
describe('NearDuplicateIndex proposals under concurrent catch-ups', () => {
  it('reports the version each proposal reflects, while other checks move the index on', async () => {
    // A table to which one fingerprint is committed just before each catch-up reads it.
    const table: Array<Pick<IdeaFingerprint, 'ideaId' | 'version' | 'active' | 'hashes'>> = [];
    const manager = {
      find: (_entity: unknown, options: FindManyOptions<IdeaFingerprint>) => {
        const after = (options.where as { version: FindOperator<number> }).version.value;
        table.push({ ideaId: `i${table.length + 1}`, version: table.length + 1, active: true, hashes: Uint32Array.of(table.length) });
        return table.filter((row) => row.version > after);
      },
    } as unknown as EntityManager;
    const uow = { isSqlite: false, manager } as unknown as UnitOfWork;
    const index = new NearDuplicateIndex(uow, new FixedClock(new Date('2026-03-01T08:00:00Z')));

    // The thread as the index sees it: requests in the order posted, answered a little later.
    let sentUpTo = 0;
    const reflected: number[] = [];
    const answerLater = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 5));
    const sent = (changes: FingerprintChange[]) => (sentUpTo = Math.max(sentUpTo, ...changes.map((change) => change.version)));
    Object.assign(index, {
      engine: {
        apply: (_campaignId: string, changes: FingerprintChange[]) => answerLater(sent(changes)),
        propose: (_campaignId: string, changes: FingerprintChange[]) => {
          reflected.push(sent(changes));
          return answerLater({ finalists: [], ideas: sentUpTo });
        },
        drop: () => Promise.resolve(null),
      },
    });

    const query = { hashes: Uint32Array.of(1, 2, 3), similarThreshold: 0.4, ignoreId: null };
    const first = await index.propose('c1', query, manager);
    // Callers resume a moment after the catch-up lock lets them go, as a busy event loop has them do:
    // by then the next caller's catch-up has moved the index on.
    const campaign = (index as unknown as { campaigns: Map<string, { catchUpLock: Mutex }> }).campaigns.get('c1')!;
    const lock = campaign.catchUpLock;
    campaign.catchUpLock = {
      runExclusive: async <T>(work: () => Promise<T>) => {
        const result = await lock.runExclusive(work);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return result;
      },
    } as Mutex;
    const proposals = [first, ...(await Promise.all(Array.from({ length: 12 }, () => index.propose('c1', query, manager))))];
    expect(proposals.map((proposal) => proposal.seenVersion)).toEqual(reflected);
    expect(new Set(reflected).size).toBeGreaterThan(1);
  });
});

describe('NearDuplicateIndex catch-ups on SQLite', () => {
  interface RawDatabase {
    exec(sql: string): void;
    prepare(sql: string): { run(...params: unknown[]): unknown };
    close(): void;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Database = require('better-sqlite3') as new (path: string) => RawDatabase;

  it('takes the hashes of a fingerprint this instance wrote from memory, at that version only', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE "idea_fingerprints" ("ideaId" TEXT PRIMARY KEY, "campaignId" TEXT, "version" INTEGER, "active" INTEGER, "grams" TEXT, "hashes" TEXT, "submittedAt" TEXT, "updatedAt" TEXT)');
    const stored = Uint32Array.of(7, 8, 9);
    const write = (ideaId: string, version: number) =>
      db
        .prepare(`INSERT OR REPLACE INTO "idea_fingerprints" VALUES (?, 'c1', ?, 1, '[]', ?, '2026-03-01 08:00:00.000', '2026-03-01 08:00:00.000')`)
        .run(ideaId, version, packHashes(stored));
    const uow = { isSqlite: true, sqliteHandle: db } as unknown as UnitOfWork;
    const index = new NearDuplicateIndex(uow, new FixedClock(new Date('2026-03-01T08:00:00Z')));
    const sent: FingerprintChange[] = [];
    Object.assign(index, {
      engine: {
        propose: (_campaignId: string, changes: FingerprintChange[]) => (sent.push(...changes), Promise.resolve({ finalists: [], ideas: sent.length })),
        drop: () => Promise.resolve(null),
      },
    });
    const query = { hashes: Uint32Array.of(1), similarThreshold: 0.4, ignoreId: null };
    const written = Uint32Array.of(1, 2, 3);
    write('a', 1);
    write('b', 2);
    index.rememberWritten('a', 1, written);
    index.rememberWritten('b', 1, written);
    await index.propose('c1', query);
    expect(sent.map((change) => [change.ideaId, [...change.hashes]])).toEqual([
      ['a', [1, 2, 3]],
      ['b', [7, 8, 9]],
    ]);
    db.close();
  });
});
