import { Injectable } from '@nestjs/common';
import { defineErrors, DomainError } from '../../common/errors/domain-error';
import { DomainEvents } from '../../common/events/domain-events';
import { UnitOfWork } from '../../database/unit-of-work';
import { In } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service';
import { User } from '../users/user.entity';
import { buildIntegrityReport, IntegrityReport, VoteEvent } from '../votes/domain/vote-integrity';
import { Vote } from '../votes/vote.entity';
import { VoteInvalidationService } from '../votes/vote-invalidation.service';

export const IntegrityErrors = defineErrors({
  INTEGRITY_VOTERS_INVALID: { status: 400, id: 'voterIds: sebagian pemilih tidak pernah memberi suara di sayembara ini.', en: 'voterIds: some of these voters never voted in this campaign.' },
});

/**
 * The owner's view of suspicious voting (ALGORITHMS.md §3): bursts, fresh accounts, shared devices and
 * networks. Suspicious votes keep counting until the owner excludes their voters.
 */
@Injectable()
export class IntegrityService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly campaigns: CampaignsService,
    private readonly invalidation: VoteInvalidationService,
    private readonly events: DomainEvents,
  ) {}

  async report(campaignId: string, ownerId: string): Promise<IntegrityReport & { campaignId: string; votes: number }> {
    await this.campaigns.accessAsOwner(campaignId, ownerId);
    const votes = await this.uow.manager.find(Vote, { where: { campaignId, valid: true } });
    const voters = votes.length ? await this.uow.manager.find(User, { where: { id: In([...new Set(votes.map((v) => v.voterId))]) }, select: { id: true, createdAt: true } }) : [];
    const createdAt = new Map(voters.map((u) => [u.id, u.createdAt.getTime()]));
    const events: VoteEvent[] = votes.map((v) => ({
      voteId: `${v.ideaId}:${v.voterId}`,
      ideaId: v.ideaId,
      voterId: v.voterId,
      at: v.createdAt.getTime(),
      voterCreatedAt: createdAt.get(v.voterId) ?? 0,
      deviceHash: v.deviceHash,
      networkHash: v.networkHash,
    }));
    return { campaignId, votes: votes.length, ...buildIntegrityReport(events) };
  }

  /** Idempotent: excluding a voter twice leaves one exclusion and invalidates nothing more. */
  async exclude(campaignId: string, ownerId: string, voterIds: string[], reason: string): Promise<{ invalidated: number; ideas: string[] }> {
    const campaign = await this.campaigns.accessAsOwner(campaignId, ownerId);
    const { notVoters, ...result } = await this.invalidation.excludeVoters(campaignId, [...new Set(voterIds)], reason, ownerId);
    if (notVoters.length > 0) throw new DomainError(IntegrityErrors.INTEGRITY_VOTERS_INVALID, {}, { field: 'voterIds', notVoters });
    for (const ideaId of result.ideas) this.events.emit('idea.updated', { campaignId: campaign.id, ideaId, status: 'published', title: '' });
    return result;
  }
}
