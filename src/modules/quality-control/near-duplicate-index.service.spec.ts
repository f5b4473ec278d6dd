import type { Mutex } from 'async-mutex';
import type { EntityManager, FindManyOptions, FindOperator } from 'typeorm';
import { FixedClock } from '../../common/clock';
import type { UnitOfWork } from '../../database/unit-of-work';
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
