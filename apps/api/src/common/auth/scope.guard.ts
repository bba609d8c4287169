import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiScope } from '@relaydesk/contracts';
import { ForbiddenError } from '../errors/domain-errors.js';
import type { AuthUser } from './auth-user.js';
import { REQUIRED_SCOPE } from './decorators.js';

/** Whether a token's scopes cover `scope`: `admin` covers every scope. */
export function scopesAllow(scopes: readonly ApiScope[], scope: ApiScope): boolean {
  return scopes.includes(scope) || scopes.includes('admin');
}

/**
 * Global, after authentication: a request made with an API token passes only an endpoint that
 * declares a scope (@RequireScope) the token holds. People's requests are not looked at here:
 * their role decides (PermissionsGuard), and so it still does for tokens, as the account's role.
 */
@Injectable()
export class ScopeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: AuthUser }>().user;
    if (!user?.token) return true;
    const scope = this.reflector.getAllAndOverride<ApiScope | undefined>(REQUIRED_SCOPE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!scope) {
      // Closed by default: an endpoint nobody thought about (login, sessions, the live stream)
      // is not one a token may call.
      throw new ForbiddenError('This endpoint cannot be called with an API token');
    }
    if (!scopesAllow(user.token.scopes, scope)) {
      throw new ForbiddenError(`This API token lacks the scope "${scope}"`, {
        requiredScope: scope,
      });
    }
    return true;
  }
}
