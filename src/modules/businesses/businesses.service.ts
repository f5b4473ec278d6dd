import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors/domain-error';
import { newId } from '../../common/ids';
import { UnitOfWork } from '../../database/unit-of-work';
import { UsersService } from '../users/users.service';
import { Business, BusinessOwner } from './business.entity';
import { BusinessErrors } from './businesses.errors';
import { BusinessResponse, CreateBusinessDto } from './dto/business.dto';

@Injectable()
export class BusinessesService {
  constructor(private readonly uow: UnitOfWork, private readonly users: UsersService, private readonly clock: Clock) {}

  /** The creator becomes the first owner. */
  async create(ownerId: string, input: CreateBusinessDto): Promise<BusinessResponse> {
    const now = this.clock.now();
    const business = Object.assign(new Business(), { id: newId(), description: null, communityId: null, ...input, createdAt: now });
    await this.uow.run(async (manager) => {
      await manager.insert(Business, business);
      await manager.insert(BusinessOwner, { businessId: business.id, userId: ownerId, createdAt: now });
    });
    await this.users.grantRole(ownerId, 'owner');
    return BusinessResponse.from(business, [ownerId]);
  }

  async get(id: string): Promise<BusinessResponse> {
    const business = await this.uow.manager.findOneBy(Business, { id });
    if (!business) throw new DomainError(BusinessErrors.BUSINESS_NOT_FOUND);
    return BusinessResponse.from(business, await this.ownerIds(id));
  }

  async addOwner(callerId: string, businessId: string, userId: string): Promise<BusinessResponse> {
    await this.assertOwner(callerId, businessId);
    await this.users.getById(userId);
    await this.uow.run(async (manager) => {
      if (await manager.existsBy(BusinessOwner, { businessId, userId })) throw new DomainError(BusinessErrors.BUSINESS_OWNER_CONFLICT);
      await manager.insert(BusinessOwner, { businessId, userId, createdAt: this.clock.now() });
    });
    await this.users.grantRole(userId, 'owner');
    return this.get(businessId);
  }

  async ownerIds(businessId: string): Promise<string[]> {
    const owners = await this.uow.manager.find(BusinessOwner, { where: { businessId }, order: { createdAt: 'ASC' } });
    return owners.map((owner) => owner.userId);
  }

  async isOwner(userId: string | undefined, businessId: string): Promise<boolean> {
    if (!userId) return false;
    return this.uow.manager.existsBy(BusinessOwner, { businessId, userId });
  }

  /** 404 when the business does not exist, 403 when it does but the caller does not own it. */
  async assertOwner(userId: string, businessId: string): Promise<void> {
    if (await this.isOwner(userId, businessId)) return;
    if (!(await this.uow.manager.existsBy(Business, { id: businessId }))) throw new DomainError(BusinessErrors.BUSINESS_NOT_FOUND);
    throw new DomainError(BusinessErrors.BUSINESS_FORBIDDEN);
  }

  async businessesOwnedBy(userId: string): Promise<string[]> {
    const rows = await this.uow.manager.find(BusinessOwner, { where: { userId } });
    return rows.map((row) => row.businessId);
  }

  /**
   * Puts a business in a community when `admit` accepts it: the business is read and written in one
   * transaction, so the check sees the membership it changes. `admit` throws to refuse.
   */
  async joinCommunity<T>(businessId: string, communityId: string, admit: (business: Business) => T): Promise<T> {
    return this.uow.run(async (manager) => {
      const business = await manager.findOneBy(Business, { id: businessId });
      if (!business) throw new DomainError(BusinessErrors.BUSINESS_NOT_FOUND);
      const admitted = admit(business);
      await manager.update(Business, { id: businessId }, { communityId });
      return admitted;
    });
  }

  /** Takes a business out of a community; false when it was not a member. */
  async leaveCommunity(businessId: string, communityId: string): Promise<boolean> {
    const result = await this.uow.run((manager) => manager.update(Business, { id: businessId, communityId }, { communityId: null }));
    return (result.affected ?? 0) > 0;
  }

  async listInCommunity(communityId: string): Promise<Business[]> {
    return this.uow.manager.find(Business, { where: { communityId } });
  }

  async countInCommunity(communityId: string): Promise<number> {
    return this.uow.manager.countBy(Business, { communityId });
  }
}
