import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { IdeaCounts, rankKeyOf } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { countsOf, withVoteChange } from './domain/vote-values';
import { Vote } from './vote.entity';

export interface VoteMergeInput {
  duplicateId: string;
  originalId: string;
  at: Date;
}

export interface VoteMergeOutcome {
  /** Voters of the duplicate who are now counted for the original. */
  moved: number;
  /** Voters who already had a vote on the original (valid or not): nothing is added for them. */
  alreadyCounted: number;
  /** The original's author voted for the duplicate: a vote on one's own idea never counts. */
  selfVotes: number;
  original: IdeaCounts;
  duplicate: IdeaCounts;
}

const INSERT_CHUNK = 500;

/**
 * A moderator's duplicate decision (ALGORITHMS.md §2): the duplicate's voters who had not voted for
 * the original are counted for it, one vote each, never two, and the duplicate's votes stop counting.
 * The duplicate's rows are kept, invalid with the reason, like any vote that no longer counts. Runs in
 * the caller's transaction so the votes, both tallies and the decision commit together.
 */
@Injectable()
export class VoteMergeService {
  constructor(private readonly uow: UnitOfWork) {}

  async mergeInto(manager: EntityManager, input: VoteMergeInput): Promise<VoteMergeOutcome> {
    const { original, duplicate } = await this.lockPair(manager, input.originalId, input.duplicateId);
    if (original.campaignId !== duplicate.campaignId) throw new Error('votes merge only within one campaign');
    const campaign = await manager.findOneByOrFail(Campaign, { id: original.campaignId });
    const context = voteContextOf(campaign);
    const mode = context.voteMode;
    const moving = await manager.find(Vote, { where: { ideaId: duplicate.id, valid: true } });
    const onOriginal = new Set((await manager.find(Vote, { select: { voterId: true }, where: { ideaId: original.id } })).map((v) => v.voterId));

    let originalCounts = countsOf(original);
    let duplicateCounts = countsOf(duplicate);
    const inserts: Vote[] = [];
    let alreadyCounted = 0;
    let selfVotes = 0;
    for (const vote of moving) {
      duplicateCounts = withVoteChange(duplicateCounts, mode, vote.value, null);
      if (vote.voterId === original.authorId) selfVotes += 1;
      else if (onOriginal.has(vote.voterId)) alreadyCounted += 1;
      else {
        originalCounts = withVoteChange(originalCounts, mode, null, vote.value);
        // The vote keeps its time and hashed origin: the integrity report reads them on the original now.
        inserts.push(Object.assign(new Vote(), { ...vote, ideaId: original.id, valid: true, invalidReason: null, updatedAt: input.at }));
      }
    }
    if (moving.length > 0) {
      await manager.update(Vote, { ideaId: duplicate.id, valid: true }, { valid: false, invalidReason: `merged into ${original.id}`, updatedAt: input.at });
    }
    for (let i = 0; i < inserts.length; i += INSERT_CHUNK) await manager.insert(Vote, inserts.slice(i, i + INSERT_CHUNK));
    await manager.update(Idea, { id: original.id }, { ...originalCounts, rankKey: rankKeyOf(originalCounts, context) });
    await manager.update(Idea, { id: duplicate.id }, { ...duplicateCounts, rankKey: rankKeyOf(duplicateCounts, context) });
    await this.moveCampaignRatings(manager, campaign.id, original, duplicate, originalCounts, duplicateCounts);
    return { moved: inserts.length, alreadyCounted, selfVotes, original: originalCounts, duplicate: duplicateCounts };
  }

  /** Both ideas' rows locked in id order (PostgreSQL), so concurrent votes on either wait for the merge. */
  private async lockPair(manager: EntityManager, originalId: string, duplicateId: string): Promise<{ original: Idea; duplicate: Idea }> {
    const ids = [originalId, duplicateId].sort();
    const rows: Idea[] = [];
    for (const id of ids) {
      const row = this.uow.isSqlite
        ? await manager.findOneBy(Idea, { id })
        : await manager.findOne(Idea, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new Error(`idea ${id} vanished`);
      rows.push(row);
    }
    const byId = new Map(rows.map((row) => [row.id, row]));
    return { original: byId.get(originalId)!, duplicate: byId.get(duplicateId)! };
  }

  /** The campaign's rating sums (the Bayesian prior's C) follow the ratings that stopped or started counting. */
  private async moveCampaignRatings(manager: EntityManager, campaignId: string, original: Idea, duplicate: Idea, originalAfter: IdeaCounts, duplicateAfter: IdeaCounts): Promise<void> {
    const count = originalAfter.ratingCount - original.ratingCount + (duplicateAfter.ratingCount - duplicate.ratingCount);
    const sum = originalAfter.ratingSum - original.ratingSum + (duplicateAfter.ratingSum - duplicate.ratingSum);
    if (count !== 0) await manager.increment(Campaign, { id: campaignId }, 'ratingsCount', count);
    if (sum !== 0) await manager.increment(Campaign, { id: campaignId }, 'ratingsSum', sum);
  }
}
