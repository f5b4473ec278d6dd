import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';

export const MAX_JSON_DEPTH = 32;

/**
 * Depth of nested arrays and objects, and whether any object carries a `__proto__` key, walked without
 * recursion so a hostile body cannot overflow the stack.
 */
export function inspectJson(value: unknown): { depth: number; hasProtoKey: boolean } {
  let depth = 0;
  let hasProtoKey = false;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    depth = Math.max(depth, level);
    if (Object.prototype.hasOwnProperty.call(node, '__proto__')) hasProtoKey = true;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, level + 1]);
  }
  return { depth, hasProtoKey };
}

/**
 * JSON bodies: `__proto__` keys are refused (no prototype pollution further down), and so is nesting
 * beyond 32 levels, before class-validator could recurse into it.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request: FastifyRequest, body: string | Buffer, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return done(new DomainError(CommonErrors.MALFORMED_JSON_INVALID, {}, { reason: (error as Error).message }), undefined);
    }
    const { depth, hasProtoKey } = inspectJson(parsed);
    if (depth > MAX_JSON_DEPTH) return done(new DomainError(CommonErrors.JSON_TOO_DEEP_INVALID, { max: MAX_JSON_DEPTH }), undefined);
    if (hasProtoKey) return done(new DomainError(CommonErrors.MALFORMED_JSON_INVALID, {}, { reason: '__proto__ keys are not accepted' }), undefined);
    done(null, parsed);
  });
}
