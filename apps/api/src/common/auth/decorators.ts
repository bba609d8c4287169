import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Permission } from '@relaydesk/contracts';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'relaydesk:public';
export const REQUIRED_PERMISSIONS = 'relaydesk:permissions';

/** The endpoint needs no login (login itself, health, docs). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller's role must grant every listed permission, else 403. */
export const RequirePermissions = (...permissions: Permission[]) =>
  SetMetadata(REQUIRED_PERMISSIONS, permissions);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user as AuthUser,
);
