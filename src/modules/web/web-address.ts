import type { FastifyRequest } from 'fastify';
import { Locale, localeFromAcceptLanguage } from '../../common/i18n/locale';
import type { AppConfig } from '../../config/app-config';
import { pageLocale } from './domain/web-texts';

/**
 * The address people reach the service at, for link previews and share links: PUBLIC_URL when set
 * (behind a proxy that rewrites the host), else what the request came to.
 */
export function serviceAddress(request: FastifyRequest, config: AppConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}

/** The page's language: `?lang=` from the link, else the browser's Accept-Language. Other query parameters are ignored. */
export function requestLocale(request: FastifyRequest): Locale {
  const { lang } = (request.query ?? {}) as { lang?: unknown };
  return pageLocale(lang, localeFromAcceptLanguage(request.headers['accept-language']));
}
