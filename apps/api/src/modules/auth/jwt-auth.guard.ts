import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC } from '../../common/auth/decorators.js';
import { UnauthenticatedError } from '../../common/errors/domain-errors.js';

/** Global: every endpoint needs a valid access token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
        context.getHandler(),
        context.getClass(),
      ])
    ) {
      return true;
    }
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user)
      throw new UnauthenticatedError('Log in first: send Authorization: Bearer <accessToken>');
    return user;
  }
}
