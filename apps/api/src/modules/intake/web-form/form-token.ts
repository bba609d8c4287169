import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authConfig, InjectConfig, type AuthConfig } from '../../../config/config-namespaces.js';
import { Clock } from '../../../common/time/clock.js';
import { PostgresThrottlerStorage } from '../../../common/http/throttling/postgres-throttler.storage.js';

/** A form left open longer than this is stale: the page fetches a new token on reload. */
const MAX_AGE_MS = 24 * 3_600_000;
/** The counters of used tokens in rate_limit_counters. */
const SPENT_TOKENS = 'web-form-token';

export type FormTokenCheck =
  { ok: true; filledInMs: number } | { ok: false; reason: 'invalid' | 'stale' };

/**
 * The form token: the time the form was handed out and a nonce, signed (HMAC-SHA256 under a key
 * derived from JWT_SECRET, which every instance shares), so a bot cannot claim it opened the form
 * earlier and the minimum fill time holds without storing anything per visitor until it is
 * spent: one token, one submission.
 */
@Injectable()
export class FormTokens {
  private readonly key: Buffer;

  constructor(
    private readonly clock: Clock,
    private readonly counters: PostgresThrottlerStorage,
    @InjectConfig(authConfig) config: AuthConfig,
  ) {
    // A key of its own: a form token can never pass for anything else signed with the secret.
    this.key = createHmac('sha256', config.jwtSecret).update('relaydesk:web-form-token').digest();
  }

  issue(): string {
    // A nonce of its own: two forms opened in the same millisecond are two single-use tokens.
    const dated = `${this.clock.now().getTime()}.${randomBytes(16).toString('base64url')}`;
    return `${dated}.${this.sign(dated)}`;
  }

  check(token: string): FormTokenCheck {
    const match = /^((\d{1,15})\.[A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(match[1]));
    const given = Buffer.from(match[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'invalid' };
    }
    const filledInMs = this.clock.now().getTime() - Number(match[2]);
    if (filledInMs > MAX_AGE_MS) return { ok: false, reason: 'stale' };
    return { ok: true, filledInMs };
  }

  /**
   * Marks a checked token used; false when it was already. One token, one submission: else the
   * minimum fill time, paid once, would cover a day of submissions. The mark (a counter shared by
   * every instance, atomic) lasts as long as the token could still pass.
   */
  async spend(token: string): Promise<boolean> {
    const signature = token.slice(token.lastIndexOf('.') + 1);
    const record = await this.counters.increment(signature, MAX_AGE_MS, 1, 0, SPENT_TOKENS);
    return !record.isBlocked;
  }

  private sign(dated: string): string {
    return createHmac('sha256', this.key).update(dated).digest('base64url');
  }
}
