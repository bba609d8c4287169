import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authConfig, InjectConfig, type AuthConfig } from '../../../config/config-namespaces.js';
import { Clock } from '../../../common/time/clock.js';

/** A form left open longer than this is stale: the page fetches a new token on reload. */
const MAX_AGE_MS = 24 * 3_600_000;

export type FormTokenCheck =
  { ok: true; filledInMs: number } | { ok: false; reason: 'invalid' | 'stale' };

/**
 * The form token: the time the form was handed out, signed (HMAC-SHA256 under a key derived from
 * JWT_SECRET, which every instance shares), so a bot cannot claim it opened the form earlier and
 * the minimum fill time holds without storing anything per visitor.
 */
@Injectable()
export class FormTokens {
  private readonly key: Buffer;

  constructor(
    private readonly clock: Clock,
    @InjectConfig(authConfig) config: AuthConfig,
  ) {
    // A key of its own: a form token can never pass for anything else signed with the secret.
    this.key = createHmac('sha256', config.jwtSecret).update('relaydesk:web-form-token').digest();
  }

  issue(): string {
    const issuedAt = String(this.clock.now().getTime());
    return `${issuedAt}.${this.sign(issuedAt)}`;
  }

  check(token: string): FormTokenCheck {
    const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
    if (!match) return { ok: false, reason: 'invalid' };
    const expected = Buffer.from(this.sign(match[1]));
    const given = Buffer.from(match[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'invalid' };
    }
    const filledInMs = this.clock.now().getTime() - Number(match[1]);
    if (filledInMs > MAX_AGE_MS) return { ok: false, reason: 'stale' };
    return { ok: true, filledInMs };
  }

  private sign(issuedAt: string): string {
    return createHmac('sha256', this.key).update(issuedAt).digest('base64url');
  }
}
