import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { Community } from '../businesses/business.entity';
import { BusinessesService } from '../businesses/businesses.service';
import { CommunityErrors } from './communities.errors';
import { duplicateRegion, matchRegion } from './domain/region-match';
import { CommunityResponse, CreateCommunityDto, MembershipResponse } from './dto/community.dto';

/**
 * Communities group businesses by region for their coordinator (PRODUCT.md "community coordinator").
 * Membership is the business's `communityId`, written through BusinessesService.
 */
@Injectable()
export class CommunitiesService {
  constructor(private readonly uow: UnitOfWork, private readonly businesses: BusinessesService, private readonly clock: Clock) {}

  /** The creator becomes the coordinator. */
  async create(callerId: string, input: CreateCommunityDto): Promise<CommunityResponse> {
    const regions = input.regions.map((region) => region.trim().replace(/\s+/g, ' '));
    const duplicate = duplicateRegion(regions);
    if (duplicate !== null) throw new DomainError(CommunityErrors.COMMUNITY_REGIONS_INVALID, { region: duplicate });
    const community = Object.assign(new Community(), { id: newId(), name: input.name.trim(), regions, coordinatorId: callerId, createdAt: this.clock.now() });
    await this.uow.run((manager) => manager.insert(Community, community));
    return CommunityResponse.from(community, 0);
  }

  /** Name and regions are not private: an owner needs them to decide to join. */
  async get(id: string): Promise<CommunityResponse> {
    const community = await this.load(id);
    return CommunityResponse.from(community, await this.businesses.countInCommunity(id));
  }

  async load(id: string): Promise<Community> {
    const community = await this.uow.manager.findOneBy(Community, { id });
    if (!community) throw new DomainError(CommunityErrors.COMMUNITY_NOT_FOUND);
    return community;
  }

  async asCoordinator(id: string, callerId: string): Promise<Community> {
    const community = await this.load(id);
    if (community.coordinatorId !== callerId) throw new DomainError(CommunityErrors.COMMUNITY_FORBIDDEN);
    return community;
  }

  /**
   * A business joins by the decision of one of its owners (its data will show in the coordinator's
   * analytics, so the owner consents, not the coordinator). Its region must be one of the community's.
   */
  async join(callerId: string, id: string, businessId: string): Promise<MembershipResponse> {
    const community = await this.load(id);
    await this.businesses.assertOwner(callerId, businessId);
    const region = await this.businesses.joinCommunity(businessId, id, (business) => {
      if (business.communityId && business.communityId !== id) throw new DomainError(CommunityErrors.COMMUNITY_MEMBERSHIP_CONFLICT);
      const match = matchRegion(business.region, community.regions);
      if (match === null) throw new DomainError(CommunityErrors.COMMUNITY_REGION_INVALID, { region: business.region, regions: community.regions.join(', ') });
      return match;
    });
    return { communityId: id, businessId, region };
  }

  /** An owner may take their business out; the coordinator may remove a business that does not belong. */
  async leave(callerId: string, id: string, businessId: string): Promise<void> {
    const community = await this.load(id);
    const isOwner = await this.businesses.isOwner(callerId, businessId);
    if (!isOwner && community.coordinatorId !== callerId) throw new DomainError(CommunityErrors.COMMUNITY_MEMBER_FORBIDDEN);
    if (!(await this.businesses.leaveCommunity(businessId, id))) throw new DomainError(CommunityErrors.COMMUNITY_NOT_MEMBER_CONFLICT);
  }
}
