import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthUser } from './auth-user';

export const IS_PUBLIC = 'sayembara:isPublic';

/** Readable without an account (customers arrive from shared links); a valid token is still read. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

type RequestWithUser = FastifyRequest & { user?: AuthUser };

/** The caller; on a @Public() route it is undefined for anonymous visitors. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser | undefined => {
  return context.switchToHttp().getRequest<RequestWithUser>().user;
});
