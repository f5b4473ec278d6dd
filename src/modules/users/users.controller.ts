import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { MeResponse, PublicUserResponse } from './user.response';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('me')
  async me(@CurrentUser() caller: AuthUser): Promise<MeResponse> {
    return MeResponse.fromSelf(await this.users.getById(caller.id));
  }

  @Public()
  @Get('users/:id')
  async profile(@Param('id', UuidParam) id: string): Promise<PublicUserResponse> {
    return PublicUserResponse.from(await this.users.getById(id));
  }
}
