import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, IsUUID } from 'class-validator';
import { ListOf, Text } from '../../../common/validation/decorators';
import type { Community } from '../../businesses/business.entity';

export class CreateCommunityDto {
  @ApiProperty({ example: 'Paguyuban UMKM Kabupaten Bantul' }) @Text(2, 160) name!: string;
  @ApiProperty({ type: [String], example: ['Bantul', 'Sewon', 'Kasihan'] })
  @ListOf(100)
  @ArrayMinSize(1, { context: { min: 1 } })
  @Text(1, 120, true)
  regions!: string[];
}

export class JoinCommunityDto {
  @ApiProperty() @IsUUID('all') businessId!: string;
}

export class CommunityResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) regions!: string[];
  @ApiProperty() coordinatorId!: string;
  @ApiProperty() businessCount!: number;
  @ApiProperty() createdAt!: string;

  static from(community: Community, businessCount: number): CommunityResponse {
    const { id, name, regions, coordinatorId } = community;
    return { id, name, regions, coordinatorId, businessCount, createdAt: community.createdAt.toISOString() };
  }
}

export class MembershipResponse {
  @ApiProperty() communityId!: string;
  @ApiProperty() businessId!: string;
  @ApiProperty() region!: string;
}
