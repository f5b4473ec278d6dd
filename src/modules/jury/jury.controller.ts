import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { ReviewDto } from './dto/review.dto';
import { JuryService, ReviewResponse } from './jury.service';

@ApiTags('jury')
@ApiBearerAuth()
@Controller('ideas/:id')
export class JuryController {
  constructor(private readonly jury: JuryService) {}

  @Post('reviews')
  @HttpCode(200)
  review(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string, @Body() body: ReviewDto): Promise<ReviewResponse> {
    return this.jury.review(id, caller.id, body);
  }

  @Get('reviews')
  reviews(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string) {
    return this.jury.reviews(id, caller.id);
  }

  @Post('shortlist')
  @HttpCode(200)
  shortlist(@CurrentUser() caller: AuthUser, @Param('id', UuidParam) id: string) {
    return this.jury.shortlist(id, caller.id);
  }
}
