import { Injectable } from '@nestjs/common';
import { PostgresThrottlerStorage } from '../../common/http/throttling/postgres-throttler.storage.js';
import { THROTTLERS } from '../../common/http/throttling/throttlers.js';

/**
 * The login limits are counted by @RateLimited on the login and password-change operations
 * (per client address and per account, before the password is checked, so parallel guesses
 * each take a slot). What only the password check knows is handed back here: a success.
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly limits: PostgresThrottlerStorage) {}

  /**
   * The per-account lockout is about guesses at one account, so a success clears it; the
   * address's count is of failures, so a success gives its attempt back.
   */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.limits.reset(THROTTLERS.account, email.trim().toLowerCase());
    await this.limits.giveBack(THROTTLERS.login, ip);
  }
}
