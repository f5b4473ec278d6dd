import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { CampaignsService } from '../campaigns/campaigns.service';
import { CohortRoomAccess } from './cohort-room-access';
import { campaignRoom, cohortRoom, ownersRoom, parseRoom, RoomName } from './domain/room-name';
import type { RoomError } from './live-events';

export type RoomGrant = { ok: true; rooms: string[] } | { ok: false; error: RoomError };

/**
 * Who may listen where, decided by the same services as HTTP: a campaign room as the campaign is
 * visible to the caller (anyone for a public one; owners and members for a private or draft one), with
 * the owners' room added for its owners; a cohort room for its trainers only, never anonymously.
 */
@Injectable()
export class RoomAccessService {
  private readonly logger = new Logger(RoomAccessService.name);

  constructor(
    private readonly campaigns: CampaignsService,
    private readonly cohorts: CohortRoomAccess,
  ) {}

  async grant(name: unknown, userId: string | undefined): Promise<RoomGrant> {
    const room = parseRoom(name);
    if (!room) return { ok: false, error: 'ROOM_INVALID' };
    try {
      const rooms = await this.roomsFor(room, userId);
      return rooms ? { ok: true, rooms } : { ok: false, error: 'ROOM_FORBIDDEN' };
    } catch (error) {
      // A campaign the caller may not see is a 404 in HTTP: here the same refusal as a forbidden one.
      if (error instanceof DomainError) return { ok: false, error: 'ROOM_FORBIDDEN' };
      this.logger.warn(`could not authorise ${room.kind}:${room.id}: ${(error as Error).message}`);
      return { ok: false, error: 'ROOM_UNAVAILABLE' };
    }
  }

  private async roomsFor(room: RoomName, userId: string | undefined): Promise<string[] | null> {
    if (room.kind === 'campaign') {
      const { isOwner } = await this.campaigns.access(room.id, userId);
      return isOwner ? [campaignRoom(room.id), ownersRoom(room.id)] : [campaignRoom(room.id)];
    }
    if (!userId) return null;
    return (await this.cohorts.mayJoin(room.id, userId)) ? [cohortRoom(room.id)] : null;
  }
}
