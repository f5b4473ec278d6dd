import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { openTestDatabase } from '../../database/test-database.fixture';
import { UnitOfWork } from '../../database/unit-of-work';
import { Business } from '../businesses/business.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { DEFAULT_RULES } from '../campaigns/domain/campaign-rules';
import { rankKeyOf, VoteMode } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { User } from '../users/user.entity';
import { tallyDelta } from './domain/vote-values';
import { VoteMergeService } from './vote-merge.service';
import { Vote } from './vote.entity';

const NOW = new Date('2026-03-01T08:00:00.000Z');

describe('VoteMergeService', () => {
  let ds: DataSource;
  let drop: () => Promise<void>;
  let uow: UnitOfWork;
  let merges: VoteMergeService;
  beforeAll(async () => {
    ({ ds, drop } = await openTestDatabase('vm'));
    uow = new UnitOfWork(ds);
    merges = new VoteMergeService(uow);
  });
  afterAll(() => drop());

  async function user(): Promise<string> {
    const id = randomUUID();
    await ds.manager.insert(User, { id, displayName: 'Pengguna', email: `${id}@contoh.id`, phone: null, passwordHash: 'x', roles: ['user'], locale: 'id', createdAt: NOW });
    return id;
  }

  /** A campaign in `mode` with two ideas and the votes given as [voter, idea, value, valid]. */
  async function scenario(mode: VoteMode, votes: Array<[string, 'a' | 'b', number, boolean?]>, authors: { a: string; b: string }) {
    const owner = await user();
    const businessId = randomUUID();
    const campaignId = randomUUID();
    await ds.manager.insert(Business, { id: businessId, name: 'Usaha', sector: 'kuliner', scale: 'mikro', region: 'Bantul', description: null, communityId: null, createdAt: NOW });
    await ds.manager.insert(Campaign, {
      id: campaignId, businessId, kind: 'product', title: 'Sayembara', problemStatement: 'Masalah kemasan', category: 'kemasan', status: 'voting', visibility: 'public',
      submissionClosesAt: NOW, votingClosesAt: new Date(NOW.getTime() + 86400000), judgingClosesAt: new Date(NOW.getTime() + 2 * 86400000),
      rules: { ...DEFAULT_RULES, voteMode: mode }, incentives: { currency: 'IDR', prizes: [], points: { published: 10, shortlisted: 20, winner: 50 } },
      programId: null, cohortId: null, createdById: owner, votersCount: 0, ratingsCount: 0, ratingsSum: 0, ratingPriorMean: 3, ratingPriorWeight: 2, createdAt: NOW, updatedAt: NOW,
    });
    const ideas = { a: randomUUID(), b: randomUUID() };
    for (const key of ['a', 'b'] as const) {
      await ds.manager.insert(Idea, {
        id: ideas[key], campaignId, authorId: authors[key], title: key, description: key, tags: [], status: 'published', contentHash: randomUUID(), revision: 1,
        upCount: 0, downCount: 0, ratingCount: 0, ratingSum: 0, votersCount: 0, rankKey: 0, qualityReport: { duplicateOf: null, similar: [], violations: [] },
        duplicateOfId: null, statusReason: null, submittedAt: NOW, updatedAt: NOW,
      });
    }
    let ratingsCount = 0;
    let ratingsSum = 0;
    for (const [voterId, key, value, valid = true] of votes) {
      await ds.manager.insert(Vote, { ideaId: ideas[key], voterId, campaignId, value, valid, invalidReason: valid ? null : 'excluded', networkHash: 'n', deviceHash: 'd', createdAt: NOW, updatedAt: NOW });
      if (!valid) continue;
      const idea = await ds.manager.findOneByOrFail(Idea, { id: ideas[key] });
      const d = tallyDelta(mode, null, value);
      await ds.manager.update(Idea, { id: idea.id }, { upCount: idea.upCount + d.up, downCount: idea.downCount + d.down, ratingCount: idea.ratingCount + d.ratingCount, ratingSum: idea.ratingSum + d.ratingSum, votersCount: idea.votersCount + d.voters });
      ratingsCount += d.ratingCount;
      ratingsSum += d.ratingSum;
    }
    await ds.manager.update(Campaign, { id: campaignId }, { ratingsCount, ratingsSum });
    return { campaignId, ...ideas };
  }

  /** Every idea's stored counts equal its valid rows, and its rank key follows from them. */
  async function expectTalliesEqualRows(campaignId: string): Promise<void> {
    const campaign = await ds.manager.findOneByOrFail(Campaign, { id: campaignId });
    for (const idea of await ds.manager.findBy(Idea, { campaignId })) {
      const rows = await ds.manager.findBy(Vote, { ideaId: idea.id, valid: true });
      let expected = { upCount: 0, downCount: 0, ratingCount: 0, ratingSum: 0, votersCount: 0 };
      for (const row of rows) {
        const d = tallyDelta(campaign.rules.voteMode, null, row.value);
        expected = { upCount: expected.upCount + d.up, downCount: expected.downCount + d.down, ratingCount: expected.ratingCount + d.ratingCount, ratingSum: expected.ratingSum + d.ratingSum, votersCount: expected.votersCount + d.voters };
      }
      expect({ upCount: idea.upCount, downCount: idea.downCount, ratingCount: idea.ratingCount, ratingSum: idea.ratingSum, votersCount: idea.votersCount }).toEqual(expected);
      expect(idea.rankKey).toBeCloseTo(rankKeyOf(expected, voteContextOf(campaign)), 12);
    }
  }

  it('counts each of the duplicate’s voters once for the original, and none twice', async () => {
    const [authorA, authorB, both, onlyB, onlyA] = [await user(), await user(), await user(), await user(), await user()];
    const s = await scenario('up', [[both, 'a', 1], [onlyA, 'a', 1], [both, 'b', 1], [onlyB, 'b', 1], [authorA, 'b', 1]], { a: authorA, b: authorB });
    const outcome = await uow.run((m) => merges.mergeInto(m, { duplicateId: s.b, originalId: s.a, at: NOW }));
    expect(outcome).toMatchObject({ moved: 1, alreadyCounted: 1, selfVotes: 1, original: { upCount: 3, votersCount: 3 }, duplicate: { upCount: 0, votersCount: 0 } });
    await expectTalliesEqualRows(s.campaignId);
    expect((await ds.manager.findBy(Vote, { ideaId: s.b })).every((v) => !v.valid && v.invalidReason === `merged into ${s.a}`)).toBe(true);
  });

  it.each([
    ['updown', [1, -1, -1]],
    ['rating', [5, 2, 4]],
  ] as const)('moves %s votes with their values and keeps the campaign’s rating sums right', async (mode, values) => {
    const [authorA, authorB, v1, v2, v3] = [await user(), await user(), await user(), await user(), await user()];
    const s = await scenario(mode, [[v1, 'a', values[0]], [v1, 'b', values[1]], [v2, 'b', values[1]], [v3, 'b', values[2]]], { a: authorA, b: authorB });
    const outcome = await uow.run((m) => merges.mergeInto(m, { duplicateId: s.b, originalId: s.a, at: NOW }));
    expect(outcome.moved).toBe(2);
    await expectTalliesEqualRows(s.campaignId);
    const campaign = await ds.manager.findOneByOrFail(Campaign, { id: s.campaignId });
    const valid = await ds.manager.findBy(Vote, { campaignId: s.campaignId, valid: true });
    expect(campaign.ratingsCount).toBe(mode === 'rating' ? valid.length : 0);
    expect(campaign.ratingsSum).toBe(mode === 'rating' ? valid.reduce((sum, v) => sum + v.value, 0) : 0);
  });

  it('never revives a voter whose vote on the original was invalidated, and a second merge changes nothing', async () => {
    const [authorA, authorB, excluded, fresh] = [await user(), await user(), await user(), await user()];
    const s = await scenario('up', [[excluded, 'a', 1, false], [excluded, 'b', 1], [fresh, 'b', 1]], { a: authorA, b: authorB });
    const first = await uow.run((m) => merges.mergeInto(m, { duplicateId: s.b, originalId: s.a, at: NOW }));
    expect(first).toMatchObject({ moved: 1, alreadyCounted: 1 });
    const again = await uow.run((m) => merges.mergeInto(m, { duplicateId: s.b, originalId: s.a, at: NOW }));
    expect(again).toMatchObject({ moved: 0, alreadyCounted: 0, selfVotes: 0, original: first.original });
    await expectTalliesEqualRows(s.campaignId);
  });
});
