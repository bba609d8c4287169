import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ApiScope } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import {
  AUTH_USER_ACTIVE,
  authUserColumns,
  toAuthUser,
  type AuthUserRow,
} from '../../../common/auth/auth-user.sql.js';
import { preparedSql } from '../../../common/database/sql.js';
import { Clock } from '../../../common/time/clock.js';
import { hashApiToken } from './api-token-secret.js';

interface TokenUserRow extends AuthUserRow {
  token_id: string;
  scopes: ApiScope[];
  last_used_at: Date | null;
}

/** `last_used_at` is written at most this often per token, so a busy token costs one read. */
const LAST_USE_PRECISION_MS = 60_000;

/**
 * Turns an API token into the AuthUser of its service account, in one query by the token's hash:
 * the token is not revoked or expired, and its account is an active service account (so
 * deactivating the account stops every token at once). The account is loaded with the same
 * columns as a person's request, so the visibility rule sees it as any staff user of its role and
 * groups.
 */
@Injectable()
export class ApiTokenAuthenticator {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async authenticate(raw: string): Promise<AuthUser | null> {
    const now = this.clock.now();
    const rows = await preparedSql<TokenUserRow>(
      this.db,
      `SELECT ${authUserColumns('$2')}, t.id AS token_id, t.scopes, t.last_used_at
         FROM api_tokens t
         JOIN users u ON u.id = t.user_id AND u.service_account
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL
          AND (t.expires_at IS NULL OR t.expires_at > $2)
          AND ${AUTH_USER_ACTIVE}`,
      [hashApiToken(raw), now],
    );
    const row = rows[0];
    if (!row) return null;
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USE_PRECISION_MS) {
      // Conditional, so parallel requests of one token write once per minute between them.
      await this.db.query(
        `UPDATE api_tokens SET last_used_at = $2
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $3)`,
        [row.token_id, now, new Date(now.getTime() - LAST_USE_PRECISION_MS)],
      );
    }
    return { ...toAuthUser(row), token: { id: row.token_id, scopes: row.scopes } };
  }
}
