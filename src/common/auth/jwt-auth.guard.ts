import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { CommonErrors } from '../errors/common.errors';
import { DomainError } from '../errors/domain-error';
import { IS_PUBLIC } from './decorators';

/**
 * Global: every route needs a valid access token unless marked @Public(). Public routes still read a
 * token when one is sent, and treat a bad one as anonymous so an expired session never blocks a
 * customer opening a shared link.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic) return (await super.canActivate(context)) as boolean;
    if (!context.switchToHttp().getRequest<FastifyRequest>().headers.authorization) return true;
    try {
      await super.canActivate(context);
    } catch {
      // anonymous
    }
    return true;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) throw new DomainError(CommonErrors.AUTH_UNAUTHORIZED);
    return user;
  }
}
