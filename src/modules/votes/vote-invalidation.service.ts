import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { UnitOfWork } from '../../database/unit-of-work';
import { Campaign } from '../campaigns/campaign.entity';
import { lockCampaignGate } from '../campaigns/campaign-gate-lock';
import { rankKeyOf } from '../ideas/domain/idea-score';
import { Idea } from '../ideas/idea.entity';
import { voteContextOf } from '../ideas/ideas.service';
import { countsOf, withVoteChange } from './domain/vote-values';
import { Vote, VoteExclusion } from './vote.entity';

/**
 * Marks votes invalid, never deletes them: the rows stay with their reason, and the tallies of the
 * ideas they counted for drop in the same transaction, so rankings use valid votes only.
 */
@Injectable()
export class VoteInvalidationService {
  constructor(private readonly uow: UnitOfWork, private readonly clock: Clock) {}

  /**
   * Excludes voters from a campaign: their votes so far become invalid, and the exclusion is stored
   * so every later vote of theirs there is recorded invalid too. Voters who never voted in the
   * campaign are refused (`notVoters`), and then nothing changes.
   */
  async excludeVoters(campaignId: string, voterIds: string[], reason: string, excludedById: string): Promise<{ invalidated: number; ideas: string[]; notVoters: string[] }> {
    return this.uow.run(async (manager) => {
      // Votes under way finish first, so their rows are found below; a later one reads the exclusion.
      await lockCampaignGate(manager, campaignId, 'exclusive');
      const campaign = await manager.findOneByOrFail(Campaign, { id: campaignId });
      const cast = await manager.find(Vote, { where: { campaignId, voterId: In(voterIds) } });
      const voted = new Set(cast.map((v) => v.voterId));
      const notVoters = voterIds.filter((id) => !voted.has(id));
      if (notVoters.length > 0) return { invalidated: 0, ideas: [], notVoters };
      const now = this.clock.now();
      const exclusions = [...voted].map((voterId) => ({ campaignId, voterId, reason, excludedById, createdAt: now }));
      await manager.createQueryBuilder().insert().into(VoteExclusion).values(exclusions).orIgnore().execute();
      const votes = cast.filter((v) => v.valid);
      if (votes.length === 0) return { invalidated: 0, ideas: [], notVoters };
      for (const vote of votes) await manager.update(Vote, { ideaId: vote.ideaId, voterId: vote.voterId }, { valid: false, invalidReason: reason, updatedAt: now });
      const ideas = [...new Set(votes.map((v) => v.ideaId))];
      for (const ideaId of ideas) await this.dropFromTally(manager, campaign, ideaId, votes.filter((v) => v.ideaId === ideaId));
      return { invalidated: votes.length, ideas, notVoters };
    });
  }

  private async dropFromTally(manager: EntityManager, campaign: Campaign, ideaId: string, votes: Vote[]): Promise<void> {
    const mode = campaign.rules.voteMode;
    const lock = this.uow.isSqlite ? {} : { lock: { mode: 'pessimistic_write' as const } };
    const idea = await manager.findOneOrFail(Idea, { where: { id: ideaId }, ...lock });
    const counts = votes.reduce((tally, vote) => withVoteChange(tally, mode, vote.value, null), countsOf(idea));
    await manager.update(Idea, { id: ideaId }, { ...counts, rankKey: rankKeyOf(counts, voteContextOf(campaign)) });
    if (mode === 'rating') {
      await manager.decrement(Campaign, { id: campaign.id }, 'ratingsCount', idea.ratingCount - counts.ratingCount);
      await manager.decrement(Campaign, { id: campaign.id }, 'ratingsSum', idea.ratingSum - counts.ratingSum);
    }
  }
}
