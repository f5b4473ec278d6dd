import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsDateString, IsOptional, IsUUID } from 'class-validator';
import { ListOf, Text } from '../../../common/validation/decorators';
import type { ImprovementAction } from '../../evaluation/domain/improvement-actions.types';
import type { Cohort, CohortParticipant } from '../cohort.entity';

export class CreateCohortDto {
  @ApiProperty({ example: 'Angkatan 1 — Bantul' }) @Text(1, 120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) endsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') previousCohortId?: string;
}

export class NextCohortDto {
  @ApiProperty({ example: 'Angkatan 2 — Bantul' }) @Text(1, 120) name!: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) endsAt?: string;
}

export class EnrolDto {
  @ApiProperty({ type: [String] })
  @ListOf(500)
  @ArrayMinSize(1, { context: { min: 1 } })
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds!: string[];
}

export class NameBusinessDto {
  @ApiProperty({ description: 'A business the participant owns' }) @IsUUID('all') businessId!: string;
}

export class FeedbackCampaignDto {
  @ApiProperty() @IsUUID('all') campaignId!: string;
}

export class CohortResponse {
  @ApiProperty() id!: string;
  @ApiProperty() programId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) startsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endsAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) previousCohortId!: string | null;
  @ApiProperty({ nullable: true, type: String }) feedbackCampaignId!: string | null;
  @ApiProperty({ description: 'The previous cohort’s improvement actions this cohort carries (trainers and admins only)' })
  improvementActions!: ImprovementAction[];
  @ApiProperty() createdAt!: string;

  /** Actions quote participants' comments and name weak items: participants get an empty list. */
  static from(cohort: Cohort, showActions = true): CohortResponse {
    const { id, programId, name, previousCohortId, feedbackCampaignId } = cohort;
    const improvementActions = showActions ? cohort.improvementActions : [];
    return {
      id,
      programId,
      name,
      startsAt: cohort.startsAt?.toISOString() ?? null,
      endsAt: cohort.endsAt?.toISOString() ?? null,
      previousCohortId,
      feedbackCampaignId,
      improvementActions,
      createdAt: cohort.createdAt.toISOString(),
    };
  }
}

export class ParticipantResponse {
  @ApiProperty() userId!: string;
  @ApiProperty({ nullable: true, type: String }) businessId!: string | null;
  @ApiProperty() enrolledAt!: string;

  static from(row: CohortParticipant): ParticipantResponse {
    return { userId: row.userId, businessId: row.businessId, enrolledAt: row.enrolledAt.toISOString() };
  }
}

export class EnrolmentResponse {
  @ApiProperty() cohortId!: string;
  @ApiProperty({ type: [String], description: 'Users enrolled by this request' }) added!: string[];
  @ApiProperty({ type: [String], description: 'Users already enrolled, left as they were' }) alreadyEnrolled!: string[];
  @ApiProperty() participantCount!: number;
}
