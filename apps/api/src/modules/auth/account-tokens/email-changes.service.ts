import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { isUniqueViolation } from '../../../common/database/crud-sql.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  InvalidInputError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { PasswordService, User } from '../../directory/index.js';
import { LoginThrottleService } from '../login-throttle.service.js';
import { AccountMails, accountMailUser } from './account-mails.js';
import { AccountTokens } from './account-tokens.js';
import { INVALID_LINK } from './password-resets.service.js';

function addressTaken(): ConflictError {
  return new ConflictError('Another account uses this e-mail address', {
    errors: [{ field: 'newEmail', message: 'is already in use' }],
  });
}

/**
 * A user's own change of e-mail address: it takes effect only once confirmed through a link
 * mailed to the new address, so nobody can move an account to an address they do not read (or
 * claim somebody else's). Admins change addresses directly (PATCH /users/{id}).
 */
@Injectable()
export class EmailChanges {
  constructor(
    private readonly db: DataSource,
    private readonly mails: AccountMails,
    private readonly tokens: AccountTokens,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
    private readonly clock: Clock,
  ) {}

  /** Checks the password, then mails a confirmation link to `newEmail`; its expiry. */
  async request(
    caller: AuthUser,
    newEmail: string,
    currentPassword: string,
    ip: string,
  ): Promise<Date> {
    const normalized = newEmail.trim();
    // The password guards against a borrowed session taking the account over; the guesses count
    // against the login budgets (@RateLimited), and a right one gives them back like a login.
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: caller.id })
      .getOneOrFail();
    if (!user.passwordHash || !(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new BusinessRuleError('The current password is wrong', [
        { field: 'currentPassword', message: 'does not match' },
      ]);
    }
    await this.throttle.succeeded(user.email, ip);
    if (normalized.toLowerCase() === user.email.toLowerCase()) {
      throw new BusinessRuleError('This is already your e-mail address', [
        { field: 'newEmail', message: 'is the current address' },
      ]);
    }
    return this.db.transaction(async (em) => {
      const [taken] = await sql(em, 'SELECT 1 FROM users WHERE email = $1', [normalized]);
      if (taken) throw addressTaken();
      const mailUser = await accountMailUser(em, caller.id);
      return this.mails.emailChange(em, mailUser!, normalized);
    });
  }

  /**
   * Applies the change the caller's token names. The token is the caller's own or it is not valid;
   * an address another account took meanwhile is a 409, and the token stays unused (the UPDATE
   * of the user fails, and the claim rolls back with it).
   */
  async confirm(caller: AuthUser, token: string): Promise<void> {
    try {
      await this.db.transaction(async (em) => {
        const used = await this.tokens.use(em, token, ['email_change'], { userId: caller.id });
        if (!used?.newEmail) {
          throw new InvalidInputError(INVALID_LINK, [{ field: 'token', message: INVALID_LINK }]);
        }
        await em.query(
          `UPDATE users SET email = $2, updated_at = $3, version = version + 1 WHERE id = $1`,
          [caller.id, used.newEmail, this.clock.now()],
        );
        // A reset link went to the old address: it must not outlive the address.
        await this.tokens.revoke(em, caller.id, ['password_reset', 'email_change']);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'users_email_key')) throw addressTaken();
      throw error;
    }
  }
}
