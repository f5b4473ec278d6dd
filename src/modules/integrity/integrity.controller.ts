import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMinSize, IsUUID } from 'class-validator';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ListOf, Text } from '../../common/validation/decorators';
import { IntegrityService } from './integrity.service';

export class ExcludeVotersDto {
  @ApiProperty({ type: [String] }) @ListOf(1000) @ArrayMinSize(1, { context: { min: 1 } }) @IsUUID('all', { each: true }) voterIds!: string[];
  @ApiProperty({ example: 'burst of new accounts from one device' }) @Text(3, 500) reason!: string;
}

@ApiTags('integrity')
@ApiBearerAuth()
@Controller('campaigns/:id/integrity')
export class IntegrityController {
  constructor(private readonly integrity: IntegrityService) {}

  @Get()
  report(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string) {
    return this.integrity.report(id, caller.id);
  }

  @Post('exclusions')
  @HttpCode(200)
  exclude(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: ExcludeVotersDto) {
    return this.integrity.exclude(id, caller.id, body.voterIds.map((v) => v.toLowerCase()), body.reason.trim());
  }
}
