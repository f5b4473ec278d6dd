import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';

/**
 * The address people reach the service at, for link previews and share links: PUBLIC_URL when set
 * (behind a proxy that rewrites the host), else what the request came to.
 */
export function serviceAddress(request: FastifyRequest, config: AppConfig): string {
  return config.publicUrl ?? `${request.protocol}://${request.host}`;
}
