import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommonErrors, RateLimitedError } from '../errors/common.errors';
import { DomainError, errorDefinition, statusFromCode } from '../errors/domain-error';
import { interpolate, Locale, localeFromAcceptLanguage } from '../i18n/locale';
import { flattenValidationErrors, localizeViolations } from '../validation/validation-errors';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details: unknown;
}

/** Translates a coded error into the `{statusCode, error, message, details}` body of the contract. */
export function renderDomainError(error: DomainError, locale: Locale): ErrorBody {
  const definition = errorDefinition(error.code);
  const statusCode = definition?.status ?? statusFromCode(error.code);
  const message = definition ? interpolate(definition.message[locale], error.params) : error.code;
  const details = error.details ?? null;
  if (error.code === CommonErrors.VALIDATION_INVALID && Array.isArray(details)) {
    const violations = localizeViolations(details as ReturnType<typeof flattenValidationErrors>, locale);
    const fields = [...new Set(violations.map((v) => v.field))].join(', ');
    return { statusCode, error: error.code, message: `${message} ${violations[0]?.message ?? ''} [${fields}]`.trim(), details: violations };
  }
  return { statusCode, error: error.code, message, details };
}

/** Errors raised by Fastify before a route runs (body parsing, size, media type). */
function fromFrameworkError(error: { statusCode?: number; code?: string; message?: string }): DomainError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new DomainError(CommonErrors.PAYLOAD_TOO_LARGE, { limit: 102400 });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new DomainError(CommonErrors.UNSUPPORTED_MEDIA_TYPE);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new DomainError(CommonErrors.MALFORMED_JSON_INVALID);
    default:
      if (error.statusCode === 400 && error.message && /JSON|Unexpected|token/i.test(error.message)) {
        return new DomainError(CommonErrors.MALFORMED_JSON_INVALID, {}, { reason: error.message });
      }
      return null;
  }
}

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  const byStatus: Record<number, string> = {
    400: CommonErrors.VALIDATION_INVALID,
    401: CommonErrors.AUTH_UNAUTHORIZED,
    403: CommonErrors.ACCESS_FORBIDDEN,
    404: CommonErrors.ROUTE_NOT_FOUND,
    413: CommonErrors.PAYLOAD_TOO_LARGE,
    415: CommonErrors.UNSUPPORTED_MEDIA_TYPE,
    429: CommonErrors.RATE_LIMITED,
  };
  const code = byStatus[status] ?? CommonErrors.INTERNAL_ERROR;
  return new DomainError(code, { limit: 102400, retryAfter: 60 }, status === 400 ? { reason: exception.message } : undefined);
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const locale = localeFromAcceptLanguage(request.headers['accept-language']);
    const error = this.toDomainError(exception, reply);
    const body = renderDomainError(error, locale);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    void reply.status(body.statusCode).header('content-language', locale).send(body);
  }

  private toDomainError(exception: unknown, reply: FastifyReply): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof RateLimitedError) {
      void reply.header('retry-after', String(exception.retryAfterSeconds));
      return new DomainError(exception.code, { retryAfter: exception.retryAfterSeconds });
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception && typeof exception === 'object') {
      const framework = fromFrameworkError(exception);
      if (framework) return framework;
    }
    return new DomainError(CommonErrors.INTERNAL_ERROR);
  }
}
