import { ArgumentsHost, Catch, ExceptionFilter, Inject, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors } from '../../common/errors/common.errors';
import { DomainError, errorDefinition, statusFromCode } from '../../common/errors/domain-error';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { renderErrorPage } from './domain/error-page';
import { sendPage } from './page-reply';
import { requestLocale, serviceAddress } from './web-address';

/**
 * Pages answer in HTML, not the API's JSON: a link that is wrong, private or not open yet shows a
 * 404 page in the reader's language (the same answer for all three, so a private campaign's
 * existence is not revealed); anything else is our fault, logged, and shown as a 500 page.
 */
@Catch()
export class WebPageErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const locale = requestLocale(request);
    const notFound = exception instanceof DomainError && (exception.code === CommonErrors.ID_INVALID || (errorDefinition(exception.code)?.status ?? statusFromCode(exception.code)) === 404);
    if (!notFound) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    sendPage(request, reply, locale, renderErrorPage(notFound ? 'not-found' : 'error', locale, serviceAddress(request, this.config)), notFound ? 404 : 500);
  }
}
