import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query';
import { IntRange, ListOf, OneOf, Text } from '../../../common/validation/decorators';
import { CAMPAIGN_KINDS, CampaignKind, MODERATION_MODES, ModerationMode, VOTE_MODES, VoteMode } from '../domain/campaign-rules';
import { CAMPAIGN_STATUSES, CampaignStatus } from '../domain/lifecycle';
import { MEMBER_ROLES, MemberRole } from '../campaign.entity';

export class CriterionDto {
  @ApiProperty({ example: 'novelty' }) @Text(1, 40) key!: string;
  @ApiProperty({ example: 0.25 }) @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0, { context: { min: 0 } }) @Max(1, { context: { max: 1 } }) weight!: number;
}

class LengthRangeDto {
  @ApiProperty() @IntRange(0, 10000) min!: number;
  @ApiProperty() @IntRange(1, 10000) max!: number;
}

export class RulesDto {
  @ApiPropertyOptional({ enum: MODERATION_MODES }) @IsOptional() @OneOf(MODERATION_MODES) moderation?: ModerationMode;
  @ApiPropertyOptional({ default: 3 }) @IsOptional() @IntRange(1, 100) maxIdeasPerContributor?: number;
  @ApiPropertyOptional({ enum: VOTE_MODES }) @IsOptional() @OneOf(VOTE_MODES) voteMode?: VoteMode;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0, { context: { min: 0 } }) @Max(1, { context: { max: 1 } }) crowdWeight?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0, { context: { min: 0 } }) @Max(1, { context: { max: 1 } }) juryWeight?: number;
  @ApiPropertyOptional({ type: [CriterionDto] }) @IsOptional() @ListOf(20) @ValidateNested({ each: true }) @Type(() => CriterionDto) criteria?: CriterionDto[];
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => LengthRangeDto) titleLength?: LengthRangeDto;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => LengthRangeDto) descriptionLength?: LengthRangeDto;
  @ApiPropertyOptional() @IsOptional() @IntRange(0, 20) maxLinks?: number;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ListOf(200) @Text(1, 60, true) blockedTerms?: string[];
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1, { context: { min: 0.1 } }) @Max(1, { context: { max: 1 } }) duplicateThreshold?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.1, { context: { min: 0.1 } }) @Max(1, { context: { max: 1 } }) similarThreshold?: number;
  @ApiPropertyOptional() @IsOptional() @IsNumber() @Min(0.5, { context: { min: 0.5 } }) @Max(100, { context: { max: 100 } }) flagHideThreshold?: number;
}

export class PrizeDto {
  @ApiProperty() @IntRange(1, 100) rank!: number;
  /** Whole rupiah. */
  @ApiProperty() @IntRange(0, 10_000_000_000) amount!: number;
}

class PointsDto {
  @ApiPropertyOptional() @IsOptional() @IntRange(0, 10000) published?: number;
  @ApiPropertyOptional() @IsOptional() @IntRange(0, 10000) shortlisted?: number;
  @ApiPropertyOptional() @IsOptional() @IntRange(0, 10000) winner?: number;
}

export class IncentivesDto {
  @ApiPropertyOptional({ enum: ['IDR'] }) @IsOptional() @IsIn(['IDR'], { context: { allowed: 'IDR' } }) currency?: 'IDR';
  @ApiPropertyOptional({ type: [PrizeDto] }) @IsOptional() @ListOf(20) @ValidateNested({ each: true }) @Type(() => PrizeDto) prizes?: PrizeDto[];
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => PointsDto) points?: PointsDto;
}

export class CreateCampaignDto {
  @ApiProperty() @IsUUID('all') businessId!: string;
  @ApiProperty({ enum: CAMPAIGN_KINDS }) @OneOf(CAMPAIGN_KINDS) kind!: CampaignKind;
  @ApiProperty({ example: 'Kemasan baru keripik pisang' }) @Text(5, 120) title!: string;
  @ApiProperty() @Text(20, 4000) problemStatement!: string;
  @ApiProperty({ example: 'kemasan' }) @Text(2, 60) category!: string;
  @ApiProperty() @IsDateString({ strict: true }) submissionClosesAt!: string;
  @ApiProperty() @IsDateString({ strict: true }) votingClosesAt!: string;
  @ApiPropertyOptional({ description: 'Defaults to 7 days after voting closes' }) @IsOptional() @IsDateString({ strict: true }) judgingClosesAt?: string;
  @ApiPropertyOptional({ enum: ['public', 'private'] }) @IsOptional() @OneOf(['public', 'private']) visibility?: 'public' | 'private';
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => RulesDto) rules?: RulesDto;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => IncentivesDto) incentives?: IncentivesDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') programId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') cohortId?: string;
}

export class UpdateCampaignDto {
  @ApiPropertyOptional() @IsOptional() @Text(5, 120) title?: string;
  @ApiPropertyOptional() @IsOptional() @Text(20, 4000) problemStatement?: string;
  @ApiPropertyOptional() @IsOptional() @Text(2, 60) category?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) submissionClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) votingClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) judgingClosesAt?: string;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => RulesDto) rules?: RulesDto;
  @ApiPropertyOptional() @IsOptional() @ValidateNested() @Type(() => IncentivesDto) incentives?: IncentivesDto;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) @OneOf(CAMPAIGN_STATUSES) status!: CampaignStatus;
}

export class AddMemberDto {
  @ApiProperty() @IsUUID('all') userId!: string;
  @ApiProperty({ enum: MEMBER_ROLES }) @OneOf(MEMBER_ROLES) role!: MemberRole;
}

export class ListCampaignsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CAMPAIGN_STATUSES }) @IsOptional() @OneOf(CAMPAIGN_STATUSES) status?: CampaignStatus;
  @ApiPropertyOptional({ enum: CAMPAIGN_KINDS }) @IsOptional() @OneOf(CAMPAIGN_KINDS) kind?: CampaignKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') businessId?: string;
}
