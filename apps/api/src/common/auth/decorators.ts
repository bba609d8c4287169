import {
  applyDecorators,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { ApiScope, Permission } from '@relaydesk/contracts';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'relaydesk:public';
export const REQUIRED_PERMISSIONS = 'relaydesk:permissions';
export const REQUIRED_SCOPE = 'relaydesk:scope';

/** The endpoint needs no login (login itself, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller's role must grant every listed permission, else 403. */
export const RequirePermissions = (...permissions: Permission[]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

/**
 * The scope an API token must hold to call the endpoint (on a controller or a handler; the
 * handler's wins). Only token requests are checked (ScopeGuard); an endpoint that declares no
 * scope is closed to tokens. The document shows it as `x-required-scope`.
 */
export const RequireScope = (scope: ApiScope) =>
  applyDecorators(SetMetadata(REQUIRED_SCOPE, scope), ApiExtension('x-required-scope', scope));

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user as AuthUser,
);
