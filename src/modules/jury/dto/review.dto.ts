import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';
import { Text } from '../../../common/validation/decorators';

export class ReviewDto {
  /** Criterion key → score 1–5; every criterion of the campaign rules must be scored. */
  @ApiProperty({ example: { novelty: 4, feasibility: 3 } }) @IsObject() scores!: Record<string, unknown>;
  @ApiPropertyOptional() @IsOptional() @Text(1, 2000) comment?: string;
}
