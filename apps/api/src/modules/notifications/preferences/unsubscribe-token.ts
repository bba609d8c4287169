import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { NOTIFICATION_KINDS, type NotificationKind } from '@relaydesk/contracts';
import { authConfig, InjectConfig, type AuthConfig } from '../../../config/config-namespaces.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^([A-Za-z0-9_-]{40,120})\.([A-Za-z0-9_-]{43})$/;
/** The token's shape and its longest length, for the path parameter's documentation. */
export const UNSUBSCRIBE_TOKEN = { pattern: TOKEN.source, maxLength: 120 + 1 + 43 } as const;

export interface UnsubscribeTarget {
  readonly userId: string;
  readonly kind: NotificationKind;
}

/**
 * Signs and checks one-click unsubscribe tokens (RFC 8058): base64url("userId:kind").HMAC. One
 * per user and kind, without expiry and without a stored row: a mail read a year later must still
 * unsubscribe with one click, and unsubscribing twice changes nothing. The token only ever turns
 * the e-mail channel of that one kind off for that one user, so it carries no other power.
 */
@Injectable()
export class UnsubscribeTokens {
  /** A key of its own, derived from the JWT secret (as the rating links do). */
  private readonly key: Buffer;

  constructor(@InjectConfig(authConfig) auth: AuthConfig) {
    this.key = Buffer.from(hkdfSync('sha256', auth.jwtSecret, 'relaydesk', 'unsubscribe/v1', 32));
  }

  create(target: UnsubscribeTarget): string {
    const payload = Buffer.from(`${target.userId}:${target.kind}`).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The target, or null for anything forged, damaged or naming an unknown kind. */
  verify(token: string): UnsubscribeTarget | null {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const expected = Buffer.from(this.sign(m[1]));
    const given = Buffer.from(m[2]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const [userId, kind] = Buffer.from(m[1], 'base64url').toString('utf8').split(':');
    if (!UUID.test(userId ?? '')) return null;
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind ?? '')) return null;
    return { userId, kind: kind as NotificationKind };
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
