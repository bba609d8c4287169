import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import { sql } from '../../../../common/database/sql.js';
import { Clock } from '../../../../common/time/clock.js';
import { InjectConfig, mailConfig, type MailConfig } from '../../../../config/config-namespaces.js';
import { AccountMailOutbox } from '../../../notifications/index.js';
import type { ParsedMail } from '../parsing/parsed-mail.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Why no refusal went out ('sent': one did). */
export type RefusalResult = 'sent' | 'not_answered' | 'address_today' | 'hourly_cap';

/**
 * One mailbox however it is spelled: `Victim+1@X` and `victim+2@x` reach the same person, so
 * they share the one refusal a day.
 */
export function refusalKey(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return address.toLowerCase();
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return `${plus < 0 ? local : local.slice(0, plus)}${address.slice(at)}`.toLowerCase();
}

/** The same normalization in SQL, for counting the rows already sent. */
const KEY_SQL = `lower(regexp_replace(address, '\\+[^@]*(@[^@]*)$', '\\1'))`;

/**
 * The polite answer to a sender who may not file (the mailbox's `refuse` policy, an
 * unauthorized requester), queued in the outbox in the message's transaction. RFC 3834: never
 * to auto-submitted mail (the ingest ignores that before it gets here), at most one per mailbox
 * and day (`+tag` variants count as one), and at most MAIL_REFUSALS_PER_HOUR in all: a forged
 * sender cannot make us mail someone repeatedly, and many forged senders cannot turn us into a
 * mail cannon. The refusal repeats nothing the sender wrote, not even their display name.
 */
@Injectable()
export class MailRefusals {
  private readonly logger = new Logger(MailRefusals.name);

  constructor(
    private readonly outbox: AccountMailOutbox,
    private readonly clock: Clock,
    @InjectConfig(mailConfig) private readonly config: MailConfig,
  ) {}

  async send(
    em: EntityManager,
    mail: ParsedMail,
    why: 'unknown_sender' | 'not_authorized',
    recipient: { userId: string | null; locale: Locale },
  ): Promise<RefusalResult> {
    if (!mail.from || mail.autoSubmitted) return 'not_answered';
    const address = mail.from.address;
    const key = refusalKey(address);
    const now = this.clock.now();
    // The installation-wide lock first, then the address's: always the same order, and two
    // instances count one after the other, so neither limit is passed by a race.
    await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:mail-refusals', 0))`);
    const [recent] = await sql<{ one: number }>(
      em,
      `SELECT 1 AS one FROM deliveries
        WHERE kind = 'mail_refused' AND created_at > $2 AND ${KEY_SQL} = $1 LIMIT 1`,
      [key, new Date(now.getTime() - DAY)],
    );
    if (recent) return 'address_today';
    const [{ n }] = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM deliveries
        WHERE kind = 'mail_refused' AND created_at > $1`,
      [new Date(now.getTime() - HOUR)],
    );
    if (n >= this.config.mailRefusalsPerHour) {
      this.logger.warn(
        `refusal mail not sent: ${n} went out in the last hour (MAIL_REFUSALS_PER_HOUR ${this.config.mailRefusalsPerHour})`,
      );
      return 'hourly_cap';
    }
    await this.outbox.enqueue(em, {
      kind: 'mail_refused',
      userId: recipient.userId,
      address,
      locale: recipient.locale,
      data: { receivedAt: now.toISOString(), why, audience: 'client' },
    });
    return 'sent';
  }
}
