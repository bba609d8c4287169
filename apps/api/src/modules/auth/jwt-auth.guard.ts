import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { IS_PUBLIC } from '../../common/auth/decorators.js';
import { UnauthenticatedError } from '../../common/errors/domain-errors.js';
import { ApiTokenAuthenticator } from './service-accounts/api-token-authenticator.js';
import { apiTokenOf } from './service-accounts/api-token-secret.js';

/**
 * Global: every endpoint needs a valid access token unless marked @Public(). A bearer starting
 * with `rd_` is a service account's API token, looked up by its hash; anything else is a
 * session's JWT (passport's 'jwt' strategy).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiTokens: ApiTokenAuthenticator,
  ) {
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
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const apiToken = apiTokenOf(req.headers.authorization);
    if (apiToken !== null) return this.authenticateApiToken(req, apiToken);
    return super.canActivate(context);
  }

  private async authenticateApiToken(
    req: Request & { user?: AuthUser },
    raw: string,
  ): Promise<boolean> {
    const user = await this.apiTokens.authenticate(raw);
    // One answer for unknown, revoked, expired and deactivated: a caller learns nothing more.
    if (!user) throw new UnauthenticatedError('The API token is not valid');
    req.user = user;
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    if (!user)
      throw new UnauthenticatedError('Log in first: send Authorization: Bearer <accessToken>');
    return user;
  }
}
