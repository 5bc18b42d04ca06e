import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../errors/app-error';
import { isDatabaseUnavailable } from '../errors/database-unavailable';
import { PUBLIC_KEY } from './decorators';

/** Every route needs a valid access token unless it says @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err instanceof AppError) throw err;
    // The session check could not reach the database: the token may be fine, so the caller gets a
    // 503 to retry (from the exception filter), never a 401 that would end a valid session.
    if (isDatabaseUnavailable(err)) throw err;
    if (err || !user) {
      const name = (info as { name?: string } | undefined)?.name;
      throw new AppError(name === 'TokenExpiredError' ? 'token_expired' : 'unauthenticated');
    }
    return user;
  }
}
