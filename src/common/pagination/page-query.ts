import { Type } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IntRange } from '../validation/decorators';

export class PageQuery {
  @IsOptional() @Type(() => Number) @IntRange(1, 100) limit?: number;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}
