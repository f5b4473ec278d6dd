import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { BusinessesService } from './businesses.service';
import { AddOwnerDto, BusinessResponse, CreateBusinessDto } from './dto/business.dto';

@ApiTags('businesses')
@ApiBearerAuth()
@Controller('businesses')
export class BusinessesController {
  constructor(private readonly businesses: BusinessesService) {}

  @Post()
  create(@CurrentUser() caller: AuthUser, @Body() body: CreateBusinessDto): Promise<BusinessResponse> {
    return this.businesses.create(caller.id, body);
  }

  @Public()
  @Get(':id')
  get(@Param('id', UuidParam) id: string): Promise<BusinessResponse> {
    return this.businesses.get(id);
  }

  @Post(':id/owners')
  addOwner(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: AddOwnerDto): Promise<BusinessResponse> {
    return this.businesses.addOwner(caller.id, id, body.userId.toLowerCase());
  }
}
