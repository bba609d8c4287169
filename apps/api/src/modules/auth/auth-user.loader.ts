import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { preparedSql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';

interface Row {
  id: string;
  email: string;
  name: string;
  role: AuthUser['role'];
  locale: AuthUser['locale'];
  organization_id: string | null;
  department_id: string | null;
  can_view_all: boolean;
  can_view_organization_tickets: boolean;
  group_ids: string[];
  head_ids: string[];
  deputy_for_ids: string[];
}

/**
 * Loads the caller for one request in one query: the user must be active, their session not
 * revoked, and a client's organization still active. Deputyships are read at the clock's time of
 * this request, so a deputy's access begins and ends on time without anything having to run.
 */
@Injectable()
export class AuthUserLoader {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async load(userId: string, sessionId: string): Promise<AuthUser | null> {
    return this.query(userId, sessionId);
  }

  /**
   * The same user with no session behind the call: for routes whose credential is a token of the
   * user's own (the calendar feed), which must see exactly what the user would see logged in.
   */
  async loadWithoutSession(userId: string): Promise<AuthUser | null> {
    return this.query(userId, null);
  }

  private async query(userId: string, sessionId: string | null): Promise<AuthUser | null> {
    const session =
      sessionId === null
        ? ''
        : 'JOIN auth_sessions s ON s.id = $3 AND s.user_id = u.id AND s.revoked_at IS NULL';
    const params: unknown[] = [userId, this.clock.now()];
    if (sessionId !== null) params.push(sessionId);
    const rows = await preparedSql<Row>(
      this.db,
      `SELECT u.id, u.email, u.name, u.role, u.locale, u.organization_id, u.department_id,
              u.can_view_all, u.can_view_organization_tickets,
              ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id) AS group_ids,
              ARRAY(SELECT d.id FROM departments d WHERE d.head_id = u.id AND d.active) AS head_ids,
              ARRAY(SELECT dp.principal_id FROM deputyships dp
                      JOIN users p ON p.id = dp.principal_id AND p.role <> 'client'
                     WHERE dp.deputy_id = u.id AND u.role <> 'client'
                       AND dp.starts_at <= $2 AND dp.ends_at > $2) AS deputy_for_ids
         FROM users u
         ${session}
        WHERE u.id = $1 AND u.active
          AND (u.organization_id IS NULL
               OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))`,
      params,
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      sessionId: sessionId ?? '',
      email: r.email,
      name: r.name,
      role: r.role,
      locale: r.locale,
      organizationId: r.organization_id,
      departmentId: r.department_id,
      canViewAll: r.can_view_all,
      canViewOrganizationTickets: r.can_view_organization_tickets,
      groupIds: r.group_ids,
      headOfDepartmentIds: r.head_ids,
      deputyForIds: r.deputy_for_ids,
    };
  }
}
