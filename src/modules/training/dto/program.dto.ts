import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, Matches, ValidateNested } from 'class-validator';
import { IntRange, ListOf, OneOf, Text } from '../../../common/validation/decorators';
import { KEY_PATTERN, PROGRAM_PHASES, type ProgramPhase, type ProgramTopic } from '../domain/training.types';
import type { Program } from '../program.entity';

export class TopicDto {
  @ApiProperty({ example: 'pembukuan' }) @Matches(KEY_PATTERN) key!: string;
  @ApiProperty({ example: 'Pembukuan sederhana' }) @Text(1, 120) title!: string;
}

export class CreateProgramDto {
  @ApiProperty({ example: 'Pemasaran digital untuk UMKM kuliner' }) @Text(3, 160) title!: string;
  @ApiPropertyOptional() @IsOptional() @Text(0, 4000) description?: string;
  /** May be empty when the topics will come from the needs campaign. */
  @ApiProperty({ type: [TopicDto] }) @ListOf(30) @ValidateNested({ each: true }) @Type(() => TopicDto) topics!: TopicDto[];
  @ApiPropertyOptional() @IsOptional() @IsUUID('all') needsCampaignId?: string;
}

export class AddTrainerDto {
  @ApiProperty() @IsUUID('all') userId!: string;
}

export class ChangePhaseDto {
  @ApiProperty({ enum: PROGRAM_PHASES }) @OneOf(PROGRAM_PHASES) phase!: ProgramPhase;
}

export class TopicsFromNeedsDto {
  @ApiPropertyOptional({ default: 5, description: 'How many of the top-voted needs become topics' }) @IsOptional() @IntRange(1, 20) limit?: number;
}

export class ProgramResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [TopicDto] }) topics!: ProgramTopic[];
  @ApiProperty({ enum: PROGRAM_PHASES, isArray: true }) phases!: readonly ProgramPhase[];
  @ApiProperty({ enum: PROGRAM_PHASES }) phase!: ProgramPhase;
  @ApiProperty({ nullable: true, type: String }) needsCampaignId!: string | null;
  @ApiProperty({ type: [String] }) trainerIds!: string[];
  @ApiProperty() createdAt!: string;

  static from(program: Program, trainerIds: string[]): ProgramResponse {
    const { id, title, description, topics, phase, needsCampaignId } = program;
    return { id, title, description, topics, phases: PROGRAM_PHASES, phase, needsCampaignId, trainerIds, createdAt: program.createdAt.toISOString() };
  }
}
