import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query';
import { ListOf, OneOf, Text } from '../../../common/validation/decorators';

/** Hard limits of the API; each campaign's own (narrower) limits are checked by the service. */
export class CreateIdeaDto {
  @ApiProperty({ example: 'Kemasan zipper untuk keripik pisang' }) @Text(1, 200) title!: string;
  @ApiProperty() @Text(1, 10000) description!: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ListOf(10) @Text(1, 40, true) tags?: string[];
}

export class UpdateIdeaDto {
  @ApiPropertyOptional() @IsOptional() @Text(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @Text(1, 10000) description?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @ListOf(10) @Text(1, 40, true) tags?: string[];
}

export class FeedbackDto {
  @ApiProperty() @Text(1, 2000) body!: string;
}

export class ListIdeasQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['top', 'new'] }) @IsOptional() @OneOf(['top', 'new']) sort?: 'top' | 'new';
}
