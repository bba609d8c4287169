import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { InvalidInputError } from '../../../common/errors/domain-errors.js';
import { PostgresThrottlerStorage } from '../../../common/http/throttling/postgres-throttler.storage.js';
import { THROTTLERS } from '../../../common/http/throttling/throttlers.js';
import { sql } from '../../../common/database/sql.js';
import { Clock } from '../../../common/time/clock.js';
import { PasswordService } from '../../directory/index.js';
import type { WebApp } from '../refresh-cookie.js';
import { AccountMails, type AccountMailUser } from './account-mails.js';
import { AccountTokens } from './account-tokens.js';

/** One answer for a token that is unknown, used, expired, or whose account cannot sign in. */
export const INVALID_LINK = 'This link is invalid or has expired; ask for a new one';

/**
 * "Forgot password" and setting a password with a mailed link (reset or welcome).
 */
@Injectable()
export class PasswordResets implements BeforeApplicationShutdown {
  private readonly logger = new Logger(PasswordResets.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: AccountTokens,
    private readonly passwords: PasswordService,
    private readonly limits: PostgresThrottlerStorage,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts the work and returns at once: the answer is the same, and takes the same time,
   * whether the address has an account or not (an active one gets a mail, nothing else does), so
   * neither the answer nor its timing tells which addresses exist.
   */
  request(email: string, app: WebApp): void {
    const work = this.queueReset(email.trim(), app)
      .catch((error: unknown) => {
        this.logger.error(`Password reset request failed: ${String(error)}`);
      })
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Resolves when the requests started so far are done (tests; shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.settled();
  }

  private async queueReset(email: string, app: WebApp): Promise<void> {
    await this.db.transaction(async (em) => {
      // Only someone who could sign in after the reset: active, and a client's organization too.
      const [user] = await sql<AccountMailUser>(
        em,
        `SELECT u.id, u.email, u.name, u.locale, u.role
           FROM users u
          WHERE u.email = $1 AND u.active AND NOT u.service_account
            AND (u.organization_id IS NULL
                 OR EXISTS (SELECT 1 FROM organizations o WHERE o.id = u.organization_id AND o.active))`,
        [email],
      );
      if (user) await this.mails.passwordReset(em, user, app);
    });
  }

  /**
   * Sets the password with a reset or welcome token. Like a password change, every session of
   * the account ends (whoever held it before the reset is out); the other links of both kinds die
   * with it, and the account's failed-login count is cleared so the new password works at once.
   */
  async reset(token: string, password: string): Promise<void> {
    const passwordHash = await this.passwords.hash(password);
    const email = await this.db.transaction(async (em) => {
      const used = await this.tokens.use(em, token, ['password_reset', 'welcome']);
      if (!used) return null;
      const now = this.clock.now();
      const [user] = await sql<{ email: string }>(
        em,
        `UPDATE users SET password_hash = $2, updated_at = $3, version = version + 1
          WHERE id = $1 RETURNING email`,
        [used.userId, passwordHash, now],
      );
      await em.query(
        `UPDATE auth_sessions SET revoked_at = $2, revoked_reason = 'password_reset'
          WHERE user_id = $1 AND revoked_at IS NULL`,
        [used.userId, now],
      );
      await this.tokens.revoke(em, used.userId, ['password_reset', 'welcome']);
      return user.email;
    });
    if (email === null) {
      throw new InvalidInputError(INVALID_LINK, [{ field: 'token', message: INVALID_LINK }]);
    }
    await this.limits.reset(THROTTLERS.account, email.toLowerCase());
  }
}
