import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { authConfig, InjectConfig, type AuthConfig } from '../../../../config/config-namespaces.js';

const SIGNATURE_LENGTH = 16;
const VERP = /^bounces\+(\d{1,19})-([0-9a-f]{16})@/i;

/**
 * VERP envelope senders, `bounces+<deliveryId>-<hmac>@<domain>`: a bounce (DSN) comes back to
 * the envelope sender, and the address alone names the deliveries row even when the remote MTA
 * strips the original message. Signed so that nobody can mark someone else's delivery as bounced
 * by mailing a made-up address. Hex, not base64: some MTAs lower-case local parts.
 */
@Injectable()
export class VerpAddresses {
  /** A key of its own, derived from the JWT secret (as rating and unsubscribe links do). */
  private readonly key: Buffer;

  constructor(@InjectConfig(authConfig) auth: AuthConfig) {
    this.key = Buffer.from(hkdfSync('sha256', auth.jwtSecret, 'relaydesk', 'verp/v1', 32));
  }

  address(deliveryId: string, domain: string): string {
    return `bounces+${deliveryId}-${this.sign(deliveryId)}@${domain}`;
  }

  /** The delivery id a bounce address names, or null for anything not signed by us. */
  deliveryId(address: string): string | null {
    const m = VERP.exec(address.trim());
    if (!m) return null;
    const expected = Buffer.from(this.sign(m[1]));
    const given = Buffer.from(m[2].toLowerCase());
    return expected.length === given.length && timingSafeEqual(expected, given) ? m[1] : null;
  }

  private sign(deliveryId: string): string {
    return createHmac('sha256', this.key)
      .update(deliveryId)
      .digest('hex')
      .slice(0, SIGNATURE_LENGTH);
  }
}
