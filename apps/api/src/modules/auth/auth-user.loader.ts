import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  AUTH_USER_ACTIVE,
  authUserColumns,
  toAuthUser,
  type AuthUserRow,
} from '../../common/auth/auth-user.sql.js';
import { preparedSql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';

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
    const rows = await preparedSql<AuthUserRow>(
      this.db,
      `SELECT ${authUserColumns('$2')}
         FROM users u
         ${session}
        WHERE u.id = $1 AND ${AUTH_USER_ACTIVE}`,
      params,
    );
    const r = rows[0];
    return r ? toAuthUser(r, sessionId ?? '') : null;
  }
}
