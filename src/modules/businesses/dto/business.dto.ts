import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OneOf, Text } from '../../../common/validation/decorators';
import { Business, Scale, SCALES, Sector, SECTORS } from '../business.entity';

export class CreateBusinessDto {
  @ApiProperty({ example: 'Keripik Pisang Bu Sari' }) @Text(2, 120) name!: string;
  @ApiProperty({ enum: SECTORS }) @OneOf(SECTORS) sector!: Sector;
  @ApiProperty({ enum: SCALES }) @OneOf(SCALES) scale!: Scale;
  @ApiProperty({ example: 'Kecamatan Bantul' }) @Text(2, 120) region!: string;
  @ApiPropertyOptional() @IsOptional() @Text(0, 2000) description?: string;
}

export class AddOwnerDto {
  @ApiProperty() @IsUUID('all') userId!: string;
}

export class BusinessResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SECTORS }) sector!: Sector;
  @ApiProperty({ enum: SCALES }) scale!: Scale;
  @ApiProperty() region!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ nullable: true, type: String }) communityId!: string | null;
  @ApiProperty({ type: [String] }) ownerIds!: string[];
  @ApiProperty() createdAt!: string;

  static from(business: Business, ownerIds: string[]): BusinessResponse {
    const { id, name, sector, scale, region, description, communityId } = business;
    return { id, name, sector, scale, region, description, communityId, ownerIds, createdAt: business.createdAt.toISOString() };
  }
}
