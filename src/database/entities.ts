import { RefreshToken } from '../modules/auth/refresh-token.entity';
import { Business, BusinessOwner, Community } from '../modules/businesses/business.entity';
import { Campaign, CampaignMember, CampaignTransition, CampaignVoter } from '../modules/campaigns/campaign.entity';
import { Idea, IdeaFeedback, IdeaRevision } from '../modules/ideas/idea.entity';
import { User } from '../modules/users/user.entity';
import { Vote } from '../modules/votes/vote.entity';

/** Every entity of the service; modules register theirs here so app, tests and CLI share one list. */
export const ENTITIES = [User, RefreshToken, Community, Business, BusinessOwner, Campaign, CampaignTransition, CampaignMember, CampaignVoter, Idea, IdeaRevision, IdeaFeedback, Vote];
