import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Business, BusinessOwner, Community } from '../modules/businesses/business.entity';
import { Campaign, CampaignMember, CampaignTransition, CampaignVoter } from '../modules/campaigns/campaign.entity';
import { Idea, IdeaFeedback, IdeaRevision } from '../modules/ideas/idea.entity';
import { Award, CampaignResult, PointsBalance, PointsEntry } from '../modules/incentives/incentives.entities';
import { IdeaReview } from '../modules/jury/idea-review.entity';
import { IdeaContributor, IdeaFlag } from '../modules/moderation/idea-flag.entity';
import { Notification } from '../modules/notifications/notification.entity';
import { ContributorReputation } from '../modules/quality-control/contributor-reputation.entity';
import { CampaignFingerprintVersion, IdeaFingerprint } from '../modules/quality-control/idea-fingerprint.entity';
import { ModerationAudit } from '../modules/quality-control/moderation-audit.entity';
import { Cohort, CohortParticipant } from '../modules/training/cohort.entity';
import { Instrument, InstrumentResponse } from '../modules/training/instrument.entity';
import { Program, ProgramTrainer } from '../modules/training/program.entity';
import { User } from '../modules/users/user.entity';
import { Vote, VoteExclusion } from '../modules/votes/vote.entity';

/** Every entity of the service; modules register theirs here so app, tests and CLI share one list. */
export const ENTITIES = [User, RefreshToken, Community, Business, BusinessOwner, Campaign, CampaignTransition, CampaignMember, CampaignVoter, Idea, IdeaRevision, IdeaFeedback, Vote, IdeaFingerprint, CampaignFingerprintVersion, ContributorReputation, ModerationAudit, IdeaFlag, IdeaContributor, VoteExclusion, Notification, Program, ProgramTrainer, Cohort, CohortParticipant, Instrument, InstrumentResponse, IdeaReview, CampaignResult, Award, PointsEntry, PointsBalance];
