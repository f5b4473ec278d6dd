import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { AuthUser } from './auth-user';
import { IS_PUBLIC } from './decorators';
import { VerifiedTokens } from './verified-tokens';

/**
 * Global: every route needs a valid access token unless marked @Public(). Public routes still read a
 * token when one is sent, and treat a bad one as anonymous so an expired session never blocks a
 * customer opening a shared link. A header verified before is recognised without verifying it again
 * until its token expires (`VerifiedTokens`).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new VerifiedTokens();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<FastifyRequest & { user?: AuthUser }>();
    const authorization = request.headers.authorization;
    if (isPublic && !authorization) return true;
    const known = authorization ? this.verified.recall(authorization) : null;
    if (known) {
      request.user = known;
      return true;
    }
    try {
      await super.canActivate(context);
    } catch (error) {
      if (!isPublic) throw error;
      return true; // anonymous
    }
    if (authorization && request.user) this.verified.remember(authorization, request.user);
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw new DomainError(CommonErrors.AUTH_UNAUTHORIZED);
    return user;
  }
}
