import { Controller, Get, Inject, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../common/auth/decorators';
import { UuidParam } from '../../common/http/uuid-param.pipe';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PageAddress, renderCampaignPage } from './domain/campaign-page';
import { renderHomePage } from './domain/home-page';
import { renderIdeaPage } from './domain/idea-page';
import { sendPage } from './page-reply';
import { requestLocale, serviceAddress } from './web-address';
import { WebPageErrorFilter } from './web-page-error.filter';
import { WebPagesService } from './web-pages.service';

/** The light pages behind shared links: `/c/:id` a challenge, `/i/:id` an idea, `/` the running challenges. */
export const WEB_PAGE_PATHS = ['/', 'c/:id', 'i/:id'];

@ApiExcludeController()
@Public()
@UseFilters(WebPageErrorFilter)
@Controller()
export class WebController {
  constructor(private readonly pages: WebPagesService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const address = this.address(request, '/');
    return sendPage(request, reply, address.locale, renderHomePage(await this.pages.openCampaigns(), address));
  }

  @Get('c/:id')
  async campaign(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', UuidParam) id: string): Promise<FastifyReply> {
    const address = this.address(request, `/c/${id}`);
    return sendPage(request, reply, address.locale, renderCampaignPage(await this.pages.campaignPage(id), address));
  }

  @Get('i/:id')
  async idea(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Param('id', UuidParam) id: string): Promise<FastifyReply> {
    const address = this.address(request, `/i/${id}`);
    return sendPage(request, reply, address.locale, renderIdeaPage(await this.pages.ideaPage(id), address));
  }

  /** `path` is the page's own path, without the query: previews and share links name the page, not the visit. */
  private address(request: FastifyRequest, path: string): PageAddress {
    const home = serviceAddress(request, this.config);
    return { locale: requestLocale(request), url: `${home}${path}`, home: `${home}/` };
  }
}
