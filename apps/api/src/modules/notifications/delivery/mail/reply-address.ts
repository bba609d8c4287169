import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  authConfig,
  InjectConfig,
  mailConfig,
  type AuthConfig,
  type MailConfig,
} from '../../../../config/config-namespaces.js';
import { parseMailbox } from '../../../../config/namespaces/mail.config.js';

const SIGNATURE_LENGTH = 16;
/** The detail of `support+t1042-<hmac>@…`: the ticket number and its signature. */
const DETAIL = /\+t(\d{1,12})-([0-9a-f]{16})@/i;

/**
 * The per-ticket reply address, `<local>+t<number>-<hmac>@<domain>`, set as Reply-To on every
 * mail about a ticket: a reply threads by its address even when the client dropped References
 * and the subject. Signed, because a guessable `support+t1042@` would let anyone write into any
 * ticket's thread (threading is still not authorization: the intake checks the sender too).
 * Hex, as some MTAs lower-case local parts. The key is derived from the JWT secret, as the VERP
 * and unsubscribe keys are.
 */
@Injectable()
export class ReplyAddresses {
  private readonly key: Buffer;
  private readonly local: string;
  private readonly domain: string;

  constructor(
    @InjectConfig(authConfig) auth: AuthConfig,
    @InjectConfig(mailConfig) mail: MailConfig,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', auth.jwtSecret, 'relaydesk', 'reply-address/v1', 32));
    const base = parseMailbox(mail.mailReplyTo ?? mail.mailFrom);
    if (!base) throw new Error('MAIL_REPLY_TO / MAIL_FROM is not an address');
    const at = base.address.lastIndexOf('@');
    // A base that is itself a plus address keeps only its mailbox part.
    this.local = base.address.slice(0, at).split('+')[0];
    this.domain = base.address.slice(at + 1);
  }

  forTicket(ticketNumber: number): string {
    const n = String(ticketNumber);
    return `${this.local}+t${n}-${this.sign(n)}@${this.domain}`;
  }

  /** The ticket number a reply address names, or null for anything we did not sign. */
  ticketNumber(address: string): number | null {
    const m = DETAIL.exec(address.trim());
    if (!m) return null;
    const expected = Buffer.from(this.sign(m[1]));
    const given = Buffer.from(m[2].toLowerCase());
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return Number(m[1]);
  }

  private sign(ticketNumber: string): string {
    return createHmac('sha256', this.key)
      .update(`t${ticketNumber}`)
      .digest('hex')
      .slice(0, SIGNATURE_LENGTH);
  }
}
