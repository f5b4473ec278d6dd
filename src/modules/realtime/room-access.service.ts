import { Injectable } from '@nestjs/common';
import { CampaignsService } from '../campaigns/campaigns.service';
import { TrainingAccessService } from '../training/training-access.service';

export interface RoomGrant {
  /** Rooms to join: the public one and, for owners and trainers, their private companion. */
  rooms: string[];
}

const ROOM = /^(campaign|cohort):([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

export function ownersRoom(campaignId: string): string {
  return `campaign:${campaignId}:owners`;
}

/** Who may listen where: campaign rooms as the campaign is visible, cohort rooms for its trainers. */
@Injectable()
export class RoomAccessService {
  constructor(private readonly campaigns: CampaignsService, private readonly training: TrainingAccessService) {}

  async grant(room: string, userId: string | undefined): Promise<RoomGrant | null> {
    const match = ROOM.exec(room.toLowerCase());
    if (!match) return null;
    const [, kind, id] = match as unknown as [string, 'campaign' | 'cohort', string];
    try {
      if (kind === 'campaign') {
        const { isOwner } = await this.campaigns.access(id, userId);
        return { rooms: isOwner ? [`campaign:${id}`, ownersRoom(id)] : [`campaign:${id}`] };
      }
      if (!userId) return null;
      await this.training.cohortAsTrainer(id, userId);
      return { rooms: [`cohort:${id}`] };
    } catch {
      return null;
    }
  }
}
