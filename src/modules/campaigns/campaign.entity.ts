import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DateColumn, DoubleColumn, JsonColumn } from '../../database/json-column';
import type { CampaignIncentives, CampaignKind, CampaignRules } from './domain/campaign-rules';
import type { CampaignStatus } from './domain/lifecycle';

@Entity('campaigns')
export class Campaign {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) businessId!: string;
  @Column('varchar', { length: 16 }) kind!: CampaignKind;
  @Column('text') title!: string;
  @Column('text') problemStatement!: string;
  @Column('text') category!: string;
  @Column('varchar', { length: 16 }) status!: CampaignStatus;
  @Column('varchar', { length: 16, default: 'public' }) visibility!: 'public' | 'private';
  @DateColumn() submissionClosesAt!: Date;
  @DateColumn() votingClosesAt!: Date;
  @DateColumn() judgingClosesAt!: Date;
  @JsonColumn() rules!: CampaignRules;
  @JsonColumn() incentives!: CampaignIncentives;
  @Column('varchar', { length: 36, nullable: true }) programId!: string | null;
  @Column('varchar', { length: 36, nullable: true }) cohortId!: string | null;
  @Column('varchar', { length: 36 }) createdById!: string;
  /** Distinct people who have voted here: the n of Wilson's bound in up-vote campaigns. */
  @Column('integer', { default: 0 }) votersCount!: number;
  @Column('integer', { default: 0 }) ratingsCount!: number;
  @DoubleColumn() ratingsSum!: number;
  /** The Bayesian prior (C, m) of rating campaigns, refreshed in the background, not per vote. */
  @DoubleColumn() ratingPriorMean!: number;
  @DoubleColumn() ratingPriorWeight!: number;
  @DateColumn() createdAt!: Date;
  @DateColumn() updatedAt!: Date;
}

@Entity('campaign_transitions')
export class CampaignTransition {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 36 }) campaignId!: string;
  @Column('varchar', { length: 16 }) fromStatus!: CampaignStatus;
  @Column('varchar', { length: 16 }) toStatus!: CampaignStatus;
  /** Null when a deadline made the move. */
  @Column('varchar', { length: 36, nullable: true }) actorId!: string | null;
  @Column('varchar', { length: 16 }) cause!: 'owner' | 'deadline';
  @DateColumn() at!: Date;
}

export const MEMBER_ROLES = ['jury', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Jury members and, for private campaigns, the invited members who may see and take part. */
@Entity('campaign_members')
export class CampaignMember {
  @PrimaryColumn('varchar', { length: 36 }) campaignId!: string;
  @PrimaryColumn('varchar', { length: 36 }) userId!: string;
  @PrimaryColumn('varchar', { length: 16 }) role!: MemberRole;
  @DateColumn() createdAt!: Date;
}

/** One row per person who voted in a campaign, so the distinct-voter count never needs a COUNT. */
@Entity('campaign_voters')
export class CampaignVoter {
  @PrimaryColumn('varchar', { length: 36 }) campaignId!: string;
  @PrimaryColumn('varchar', { length: 36 }) voterId!: string;
  @DateColumn() firstVotedAt!: Date;
}
