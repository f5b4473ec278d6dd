import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsDateString, IsNumber, IsOptional, Matches, Max, Min, registerDecorator, ValidateNested } from 'class-validator';
import { codePointLength, ListOf, OneOf, Text } from '../../../common/validation/decorators';
import type { KpiDirection } from '../../evaluation/domain/kpi-change';
import type { VisibleItem } from '../domain/item-visibility';
import {
  INSTRUMENT_KINDS,
  ITEM_TYPES,
  KEY_PATTERN,
  KPI_DIRECTIONS,
  KPI_TIMEPOINTS,
  SURVEY_LEVELS,
  type AnswerInput,
  type InstrumentKind,
  type ItemType,
  type KpiTimepoint,
  type SurveyItemLevel,
} from '../domain/training.types';
import type { Instrument, InstrumentResponse } from '../instrument.entity';

export class InstrumentItemDto {
  @ApiProperty({ example: 'q1' }) @Matches(KEY_PATTERN) key!: string;
  @ApiPropertyOptional({ description: 'A program topic key (test items)' }) @IsOptional() @Matches(KEY_PATTERN) topic?: string;
  @ApiProperty() @Text(1, 1000) prompt!: string;
  @ApiProperty({ enum: ITEM_TYPES }) @OneOf(ITEM_TYPES) type!: ItemType;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ListOf(12) @Text(1, 200, true) choices?: string[];
  @ApiPropertyOptional({ description: 'One of choices (test items)' }) @IsOptional() @Text(1, 200) correct?: string;
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01, { context: { min: 0.01 } })
  @Max(1000, { context: { max: 1000 } })
  points?: number;
  @ApiPropertyOptional({ enum: SURVEY_LEVELS }) @IsOptional() @OneOf(SURVEY_LEVELS) level?: SurveyItemLevel;
  @ApiPropertyOptional({ example: 'Rp/bulan' }) @IsOptional() @Text(1, 40) unit?: string;
  @ApiPropertyOptional({ enum: KPI_DIRECTIONS }) @IsOptional() @OneOf(KPI_DIRECTIONS) direction?: KpiDirection;
}

export class CreateInstrumentDto {
  @ApiProperty({ enum: INSTRUMENT_KINDS }) @OneOf(INSTRUMENT_KINDS) kind!: InstrumentKind;
  @ApiProperty({ example: 'Pra-tes pembukuan' }) @Text(1, 200) title!: string;
  @ApiPropertyOptional({ enum: KPI_TIMEPOINTS, description: 'Required for kpi' }) @IsOptional() @OneOf(KPI_TIMEPOINTS) timepoint?: KpiTimepoint;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) opensAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) closesAt?: string;
  @ApiProperty({ type: [InstrumentItemDto] })
  @ListOf(200)
  @ArrayMinSize(1, { context: { min: 1 } })
  @ValidateNested({ each: true })
  @Type(() => InstrumentItemDto)
  items!: InstrumentItemDto[];
}

// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A finite number or plain text of at most 2,000 characters; whether it fits its item is the service's call. */
function AnswerValue(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'answerValue',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isFinite(value)) ||
          (typeof value === 'string' && codePointLength(value) <= 2000 && !CONTROL_CHARACTERS.test(value)),
        defaultMessage: () => 'must be a number or text',
      },
    });
}

export class AnswerDto {
  @ApiProperty({ example: 'q1' }) @Text(1, 64) itemKey!: string;
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }] }) @AnswerValue() value!: string | number;
}

export class SubmitResponseDto {
  @ApiProperty({ type: [AnswerDto] })
  @ListOf(200)
  @ArrayMinSize(1, { context: { min: 1 } })
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];
}

export class InstrumentResponseBody {
  @ApiProperty() id!: string;
  @ApiProperty() cohortId!: string;
  @ApiProperty({ enum: INSTRUMENT_KINDS }) kind!: InstrumentKind;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, enum: KPI_TIMEPOINTS }) timepoint!: KpiTimepoint | null;
  @ApiProperty({ nullable: true, type: String }) opensAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) closesAt!: string | null;
  @ApiProperty({ description: 'Test keys (correct, points) only for trainers, or once closed' }) items!: VisibleItem[];
  @ApiProperty() createdAt!: string;

  static from(instrument: Instrument, items: VisibleItem[]): InstrumentResponseBody {
    const { id, cohortId, kind, title, timepoint } = instrument;
    return {
      id,
      cohortId,
      kind,
      title,
      timepoint,
      opensAt: instrument.opensAt?.toISOString() ?? null,
      closesAt: instrument.closesAt?.toISOString() ?? null,
      items,
      createdAt: instrument.createdAt.toISOString(),
    };
  }
}

export class SubmittedResponseBody {
  @ApiProperty() id!: string;
  @ApiProperty() instrumentId!: string;
  @ApiProperty() participantId!: string;
  @ApiProperty() answers!: AnswerInput[];
  @ApiProperty() submittedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ description: 'True when this submission replaced an earlier one' }) replaced!: boolean;

  static from(row: InstrumentResponse, replaced: boolean): SubmittedResponseBody {
    const { id, instrumentId, participantId, answers } = row;
    return { id, instrumentId, participantId, answers, submittedAt: row.submittedAt.toISOString(), updatedAt: row.updatedAt.toISOString(), replaced };
  }
}

export class EvaluationQuery {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'] }) @IsOptional() @OneOf(['json', 'csv', 'html']) format?: 'json' | 'csv' | 'html';
  @ApiPropertyOptional({ enum: ['id', 'en'], description: 'HTML language; default from Accept-Language, else Indonesian' })
  @IsOptional()
  @OneOf(['id', 'en'])
  locale?: 'id' | 'en';
}
