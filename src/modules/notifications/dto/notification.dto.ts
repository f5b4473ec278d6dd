import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../../common/pagination/page-query';
import { ListOf, OneOf } from '../../../common/validation/decorators';

export class ListNotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only notifications not yet read' }) @IsOptional() @OneOf(['true', 'false']) unread?: 'true' | 'false';
}

export class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: 'Omitted: every notification of the caller' }) @IsOptional() @ListOf(200) @IsUUID('all', { each: true }) ids?: string[];
}
