import {
  isStaffRole,
  type ProblemFieldError,
  type Role,
  type VisibilityScope,
} from '@relaydesk/contracts';

interface ScopeInput {
  visibilityScope?: VisibilityScope | null;
  /** Deprecated alias: true is the scope `all`, false clears an `all` scope. */
  canViewAll?: boolean;
}

/**
 * The user's visibility scope after a write, or undefined when it stays as stored. The
 * deprecated `canViewAll` keeps old callers working: true asks for `all`, false takes `all` away
 * (back to the default) and leaves a narrower scope alone.
 */
export function visibilityScopeChange(
  dto: ScopeInput,
  current: VisibilityScope | null,
): VisibilityScope | null | undefined {
  if (dto.visibilityScope !== undefined) return dto.visibilityScope;
  if (dto.canViewAll === true) return 'all';
  if (dto.canViewAll === false && current === 'all') return null;
  return undefined;
}

/** Clients see by their organization's rules: a scope on one is a mistake, not a no-op. */
export function visibilityScopeErrors(
  dto: ScopeInput,
  role: Role,
  scope: VisibilityScope | null | undefined,
): ProblemFieldError[] {
  if (isStaffRole(role) || scope === undefined || scope === null) return [];
  const field = dto.visibilityScope !== undefined ? 'visibilityScope' : 'canViewAll';
  return [{ field, message: 'only staff users have a visibility scope' }];
}
