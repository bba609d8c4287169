import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  accountConfig,
  InjectConfig,
  type AccountConfig,
} from '../../../config/config-namespaces.js';
import { sql } from '../../../common/database/sql.js';
import { Clock } from '../../../common/time/clock.js';
import type { AccountTokenPurpose } from '../entities/account-token.entity.js';

export interface IssuedAccountToken {
  /** The secret for the link; it exists only here and in the mail. */
  token: string;
  expiresAt: Date;
}

export interface UsedAccountToken {
  userId: string;
  purpose: AccountTokenPurpose;
  newEmail: string | null;
}

export function hashAccountToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Issues and uses the single-use tokens behind account-mail links. Both run in the caller's
 * transaction: a token exists exactly when its mail is queued, and is used up exactly when the
 * change it allows commits.
 */
@Injectable()
export class AccountTokens {
  constructor(
    private readonly clock: Clock,
    @InjectConfig(accountConfig) private readonly config: AccountConfig,
  ) {}

  /**
   * A new token for `userId`; the user's earlier ones of this purpose stop working (deleted: only
   * the newest link in the inbox should count). The user row is locked so two issues at once
   * cannot both leave a live token behind.
   */
  async issue(
    em: EntityManager,
    userId: string,
    purpose: AccountTokenPurpose,
    newEmail: string | null = null,
  ): Promise<IssuedAccountToken> {
    await em.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
    await em.query(
      'DELETE FROM account_tokens WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL',
      [userId, purpose],
    );
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs(purpose));
    await em.query(
      `INSERT INTO account_tokens (user_id, purpose, token_hash, new_email, expires_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [userId, purpose, hashAccountToken(token), newEmail, expiresAt, now],
    );
    return { token, expiresAt };
  }

  /**
   * Marks the token used if it is one of `purposes`, unused, unexpired and its user may still
   * sign in; null otherwise (one answer for every reason, so a caller learns nothing from it).
   * The conditional UPDATE is the claim: of two requests with one token, the second waits for the
   * first's row lock and then finds `used_at` set, so only one change is ever made with it.
   * `extra` narrows further (e.g. the caller's own token).
   */
  async use(
    em: EntityManager,
    token: string,
    purposes: readonly AccountTokenPurpose[],
    extra: { userId?: string } = {},
  ): Promise<UsedAccountToken | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const now = this.clock.now();
    const rows = await sql<UsedAccountToken>(
      em,
      `UPDATE account_tokens t SET used_at = $3
         FROM users u
        WHERE t.token_hash = $1 AND t.purpose = ANY($2::varchar[])
          AND t.used_at IS NULL AND t.expires_at > $3
          AND u.id = t.user_id AND u.active
          AND (u.organization_id IS NULL
               OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))
          AND ($4::uuid IS NULL OR t.user_id = $4)
          -- a welcome sets the first password only; later ones go through a reset
          AND (t.purpose <> 'welcome' OR u.password_hash IS NULL)
        RETURNING t.user_id AS "userId", t.purpose, t.new_email AS "newEmail"`,
      [hashAccountToken(token), purposes, now, extra.userId ?? null],
    );
    return rows[0] ?? null;
  }

  /** Ends the user's other live tokens of these purposes (after a password was set with one). */
  async revoke(
    em: EntityManager,
    userId: string,
    purposes: readonly AccountTokenPurpose[],
  ): Promise<void> {
    await em.query(
      `DELETE FROM account_tokens
        WHERE user_id = $1 AND purpose = ANY($2::varchar[]) AND used_at IS NULL`,
      [userId, purposes],
    );
  }

  private ttlMs(purpose: AccountTokenPurpose): number {
    switch (purpose) {
      case 'welcome':
        return this.config.welcomeTokenTtlHours * 3_600_000;
      case 'password_reset':
        return this.config.passwordResetTokenTtlMinutes * 60_000;
      case 'email_change':
        return this.config.emailChangeTokenTtlHours * 3_600_000;
    }
  }
}
