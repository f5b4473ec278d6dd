import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Locale } from '../../common/i18n/locale';
import { PAGE_SCRIPT, PAGE_STYLE } from './domain/page-assets';

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

/**
 * Only our own inline style and script run, found by their hashes; the script talks to this service
 * alone; the page cannot be framed. Titles and descriptions come from users, and this keeps even a
 * mistake in escaping from running anything.
 */
export const PAGE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(PAGE_SCRIPT)}`,
  `style-src ${sha256(PAGE_STYLE)}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sends a page with its security headers. Pages are revalidated on every visit (tallies move), and an
 * unchanged page costs a 304 without a body: a second look on a weak signal is nearly free.
 */
export function sendPage(request: FastifyRequest, reply: FastifyReply, locale: Locale, markup: string, status = 200): FastifyReply {
  const etag = `W/"${createHash('sha1').update(markup).digest('base64url')}"`;
  void reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('vary', 'accept-language')
    .header('cache-control', 'no-cache')
    .header('etag', etag)
    .header('content-security-policy', PAGE_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin');
  if (status === 200 && request.headers['if-none-match'] === etag) return reply.status(304).send();
  return reply.status(status).send(markup);
}
