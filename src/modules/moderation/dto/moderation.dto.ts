import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OneOf, Text } from '../../../common/validation/decorators';
import { MODERATION_DECISIONS, ModerationDecision } from '../domain/moderation-transitions';
import { FLAG_REASONS, FlagReason } from '../idea-flag.entity';

/** Which decision needs which field is checked by the service, which names the field in its 400. */
export class ModerationDecisionDto {
  @ApiProperty({ enum: MODERATION_DECISIONS }) @OneOf(MODERATION_DECISIONS) decision!: ModerationDecision;
  @ApiPropertyOptional({ description: 'Required for reject: the contributor reads it' }) @IsOptional() @Text(1, 1000) reason?: string;
  @ApiPropertyOptional({ description: 'Required for duplicate: the earlier idea of the same campaign' }) @IsOptional() @IsUUID('all') duplicateOfId?: string;
}

export class FlagDto {
  @ApiProperty({ enum: FLAG_REASONS }) @OneOf(FLAG_REASONS) reason!: FlagReason;
  @ApiPropertyOptional() @IsOptional() @Text(1, 500) note?: string;
}
