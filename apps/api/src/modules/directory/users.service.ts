import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  isStaffRole,
  Permission,
  roleHasPermission,
  type ProblemFieldError,
  type Role,
  type VisibilityScope,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { Clock } from '../../common/time/clock.js';
import { PasswordService } from './password.service.js';
import { UserCreated } from './events/user-created.event.js';
import { UserEmailChanged } from './events/user-email-changed.event.js';
import {
  advisoryXactLock,
  columnChanges,
  containsPattern,
  isUniqueViolation,
  pageByName,
  SqlParams,
  updateVersioned,
} from '../../common/database/crud-sql.js';
import {
  toUserDto,
  type CreateUserDto,
  type UpdateUserDto,
  type UserDto,
  type UserListQueryDto,
  type UserPageDto,
} from './dto/user.dto.js';
import type { User } from './entities/user.entity.js';
import { outOfOfficeErrors } from './out-of-office.js';
import { departmentSubtreeSql } from './department-subtree.js';
import { visibilityScopeChange, visibilityScopeErrors } from './visibility-scope-input.js';

type UserRow = Omit<User, 'passwordHash' | 'organization' | 'department'> & {
  groupIds: string[];
  defaultScope: VisibilityScope | null;
};

const COLUMNS = `u.id, u.email, u.name, u.phone, u.sms_opt_in AS "smsOptIn", u.locale, u.role,
  u.organization_id AS "organizationId", u.department_id AS "departmentId",
  u.visibility_scope AS "visibilityScope",
  (SELECT vs.default_scope FROM visibility_settings vs WHERE vs.id = 1) AS "defaultScope",
  u.can_view_organization_tickets AS "canViewOrganizationTickets",
  u.active, u.last_login_at AS "lastLoginAt", u.version, u.service_account AS "serviceAccount",
  u.out_of_office_from AS "outOfOfficeFrom", u.out_of_office_until AS "outOfOfficeUntil",
  u.created_at AS "createdAt", u.updated_at AS "updatedAt",
  ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id ORDER BY gm.group_id)
    AS "groupIds"`;

const WRITABLE: Partial<Record<keyof UpdateUserDto, string>> = {
  email: 'email',
  name: 'name',
  phone: 'phone',
  locale: 'locale',
  role: 'role',
  organizationId: 'organization_id',
  departmentId: 'department_id',
  canViewOrganizationTickets: 'can_view_organization_tickets',
  active: 'active',
  outOfOfficeFrom: 'out_of_office_from',
  outOfOfficeUntil: 'out_of_office_until',
};

/** Demotions and deactivations of admins wait for each other, so two cannot remove the last one. */
const ADMINS_LOCK = 'relaydesk:users:admins';

interface Placement {
  role: Role;
  organizationId: string | null;
  departmentId: string | null;
}

interface CurrentUserRow extends Placement {
  serviceAccount: boolean;
  visibilityScope: VisibilityScope | null;
  version: number;
  active: boolean;
  email: string;
}

function toDto(row: UserRow): UserDto {
  return toUserDto({ ...row, passwordHash: null }, row.groupIds, row.defaultScope);
}

function emailTaken(): ConflictError {
  return new ConflictError('A user with this e-mail address already exists', {
    errors: [{ field: 'email', message: 'is already in use' }],
  });
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly passwords: PasswordService,
    private readonly events: DomainEvents,
  ) {}

  list(query: UserListQueryDto): Promise<UserPageDto> {
    const p = new SqlParams();
    // People lists (pickers, the users page) leave service accounts out unless asked for them.
    const where: string[] = [query.serviceAccount ? 'u.service_account' : 'NOT u.service_account'];
    if (query.role !== undefined) where.push(`u.role = ${p.add(query.role)}`);
    if (query.organizationId !== undefined) {
      where.push(`u.organization_id = ${p.add(query.organizationId)}`);
    }
    if (query.departmentId !== undefined) {
      where.push(`u.department_id = ${p.add(query.departmentId)}`);
    }
    if (query.subtreeOf !== undefined) {
      const roots = `d.id = ANY(${p.add(query.subtreeOf)}::uuid[])`;
      where.push(`u.department_id IN ${departmentSubtreeSql(roots)}`);
    }
    if (query.groupId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM group_members gm WHERE gm.user_id = u.id AND gm.group_id = ${p.add(query.groupId)})`,
      );
    }
    if (query.active !== undefined) where.push(`u.active = ${p.add(query.active)}`);
    // The same expression as users_search_trgm_idx, so the trigram index answers it.
    if (query.q) where.push(`(u.name || ' ' || u.email) ILIKE ${p.add(containsPattern(query.q))}`);
    return pageByName<UserRow, UserDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'users u',
        alias: 'u',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      toDto,
    );
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<UserDto> {
    const [row] = await sql<UserRow>(em, `SELECT ${COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    if (!row) throw new NotFoundError('User');
    return toDto(row);
  }

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserDto> {
    if (!roleHasPermission(caller.role, Permission.UsersManage) && dto.role !== 'client') {
      throw new ForbiddenError('Your role may only create client users');
    }
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : null;
    try {
      return await this.db.transaction(async (em) => {
        const placement: Placement = {
          role: dto.role,
          organizationId: dto.organizationId ?? null,
          departmentId: dto.departmentId ?? null,
        };
        const scope = visibilityScopeChange(dto, null) ?? null;
        const errors = await this.placementErrors(em, placement, null);
        errors.push(...visibilityScopeErrors(dto, dto.role, scope));
        if (errors.length) throw new BusinessRuleError('The user cannot be saved', errors);
        const now = this.clock.now();
        const [{ id }] = await sql<{ id: string }>(
          em,
          `INSERT INTO users (email, password_hash, name, phone, locale, role, organization_id,
                              department_id, visibility_scope, can_view_organization_tickets, active,
                              created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
          [
            dto.email,
            passwordHash,
            dto.name,
            dto.phone ?? null,
            dto.locale ?? 'en',
            dto.role,
            placement.organizationId,
            placement.departmentId,
            scope,
            dto.canViewOrganizationTickets ?? false,
            dto.active ?? true,
            now,
          ],
        );
        await this.events.publish(em, new UserCreated(id, passwordHash !== null, caller.id, now));
        return this.get(id, em);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }

  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<UserDto> {
    const passwordHash = dto.password ? await this.passwords.hash(dto.password) : undefined;
    try {
      return await this.db.transaction(async (em) => {
        const [current] = await sql<CurrentUserRow>(
          em,
          `SELECT role, active, version, email, organization_id AS "organizationId",
                  department_id AS "departmentId", service_account AS "serviceAccount",
                  visibility_scope AS "visibilityScope"
             FROM users WHERE id = $1 FOR NO KEY UPDATE`,
          [id],
        );
        if (!current) throw new NotFoundError('User');
        if (current.serviceAccount) {
          // No password, no client role: its own endpoints keep a service account one.
          throw new BusinessRuleError(
            'This is a service account; change it under /api/v1/admin/service-accounts',
          );
        }
        if (
          !roleHasPermission(caller.role, Permission.UsersManage) &&
          (current.role !== 'client' || (dto.role !== undefined && dto.role !== 'client'))
        ) {
          throw new ForbiddenError('Your role may only manage client users');
        }
        if (current.version !== dto.version) throw new VersionConflictError(current.version);

        const next: Placement & { active: boolean } = {
          role: dto.role ?? current.role,
          organizationId:
            dto.organizationId !== undefined ? dto.organizationId : current.organizationId,
          departmentId: dto.departmentId !== undefined ? dto.departmentId : current.departmentId,
          active: dto.active ?? current.active,
        };
        const scope = visibilityScopeChange(dto, current.visibilityScope);
        const errors = await this.placementErrors(em, next, current);
        errors.push(...visibilityScopeErrors(dto, next.role, scope));
        errors.push(...(await outOfOfficeErrors(em, id, dto)));
        if (errors.length) throw new BusinessRuleError('The user cannot be saved', errors);
        if (current.role === 'admin' && current.active && (next.role !== 'admin' || !next.active)) {
          await this.ensureAnotherAdmin(em, caller, id, dto);
        }

        const now = this.clock.now();
        const changes = columnChanges(dto, WRITABLE);
        // Consent is the user's own (PATCH /me); an admin removing the number withdraws it.
        if (dto.phone === null) changes.sms_opt_in = false;
        if (scope !== undefined) changes.visibility_scope = scope;
        // A user who became a client keeps no staff scope to come back to.
        if (!isStaffRole(next.role) && current.visibilityScope !== null) {
          changes.visibility_scope = null;
        }
        if (passwordHash) changes.password_hash = passwordHash;
        await updateVersioned(em, 'users', id, dto.version, changes, now, 'User');
        if (dto.email !== undefined && dto.email.toLowerCase() !== current.email.toLowerCase()) {
          await this.events.publish(em, new UserEmailChanged(id, caller.id, now));
        }

        if (isStaffRole(current.role) && !isStaffRole(next.role)) {
          await this.detachFromStaffRoles(em, id, now);
        }
        if (current.active && !next.active) {
          await this.endSessions(em, id, caller.sessionId, 'deactivated', now);
        } else if (passwordHash) {
          await this.endSessions(em, id, caller.sessionId, 'password_reset', now);
        }
        return this.get(id, em);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw emailTaken();
      throw error;
    }
  }

  /**
   * A client belongs to an organization and no department; staff the other way round. References
   * are checked only when they change (`current` null: everything is new).
   */
  private async placementErrors(
    em: EntityManager,
    next: Placement,
    current: Placement | null,
  ): Promise<ProblemFieldError[]> {
    const errors: ProblemFieldError[] = [];
    if (!isStaffRole(next.role)) {
      if (!next.organizationId) {
        errors.push({ field: 'organizationId', message: 'is required for a client user' });
      } else if (next.organizationId !== current?.organizationId) {
        const [org] = await sql(em, 'SELECT 1 FROM organizations WHERE id = $1', [
          next.organizationId,
        ]);
        if (!org) errors.push({ field: 'organizationId', message: 'no such organization' });
      }
      if (next.departmentId) {
        errors.push({ field: 'departmentId', message: 'only staff users belong to a department' });
      }
    } else {
      if (next.organizationId) {
        errors.push({ field: 'organizationId', message: 'must be null for staff users' });
      }
      if (next.departmentId && next.departmentId !== current?.departmentId) {
        const [dept] = await sql(em, 'SELECT 1 FROM departments WHERE id = $1', [
          next.departmentId,
        ]);
        if (!dept) errors.push({ field: 'departmentId', message: 'no such department' });
      }
    }
    return errors;
  }

  /** The installation must keep at least one active admin, and no admin may lock themselves out. */
  private async ensureAnotherAdmin(
    em: EntityManager,
    caller: AuthUser,
    targetId: string,
    dto: UpdateUserDto,
  ): Promise<void> {
    const field = dto.active === false ? 'active' : 'role';
    if (targetId === caller.id) {
      throw new BusinessRuleError('You cannot demote or deactivate yourself', [
        { field, message: 'another admin has to do this' },
      ]);
    }
    await advisoryXactLock(em, ADMINS_LOCK);
    const [{ others }] = await sql<{ others: number }>(
      em,
      `SELECT count(*)::int AS others FROM users WHERE role = 'admin' AND active AND id <> $1`,
      [targetId],
    );
    if (others === 0) {
      throw new BusinessRuleError('This is the last active admin', [
        { field, message: 'make another user an active admin first' },
      ]);
    }
  }

  /** A user who became a client leaves every group and stops heading or leading anything. */
  private async detachFromStaffRoles(em: EntityManager, userId: string, now: Date) {
    await em.query(
      `UPDATE groups
          SET lead_id = NULLIF(lead_id, $1), version = version + 1, updated_at = $2
        WHERE lead_id = $1 OR id IN (SELECT group_id FROM group_members WHERE user_id = $1)`,
      [userId, now],
    );
    await em.query('DELETE FROM group_members WHERE user_id = $1', [userId]);
    await em.query(
      `UPDATE departments SET head_id = NULL, version = version + 1, updated_at = $2
        WHERE head_id = $1`,
      [userId, now],
    );
  }

  /**
   * Ends the user's sessions (the caller's own stays). The auth loader already refuses an inactive
   * user; revoking as well means reactivation does not bring old tokens back to life.
   */
  private async endSessions(
    em: EntityManager,
    userId: string,
    keepSessionId: string,
    reason: string,
    now: Date,
  ) {
    await em.query(
      `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = $3
        WHERE user_id = $1 AND id <> $4 AND revoked_at IS NULL`,
      [userId, now, reason, keepSessionId],
    );
  }
}
