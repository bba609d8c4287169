import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { roleHasPermission, type Permission } from '@relaydesk/contracts';
import { ForbiddenError } from '../errors/domain-errors.js';
import type { AuthUser } from './auth-user.js';
import { IS_PUBLIC, REQUIRED_PERMISSIONS } from './decorators.js';

@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const required = this.reflector.getAllAndMerge<Permission[]>(REQUIRED_PERMISSIONS, targets);
    if (!required?.length) return true;
    const user = context.switchToHttp().getRequest().user as AuthUser | undefined;
    if (!user || !required.every((p) => roleHasPermission(user.role, p))) {
      throw new ForbiddenError('Your role does not allow this action');
    }
    return true;
  }
}
