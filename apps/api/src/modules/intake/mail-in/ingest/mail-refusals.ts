import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import { sql } from '../../../../common/database/sql.js';
import { Clock } from '../../../../common/time/clock.js';
import { AccountMailOutbox } from '../../../notifications/index.js';
import type { ParsedMail } from '../parsing/parsed-mail.js';

const DAY = 24 * 3_600_000;

/**
 * The polite answer to a sender who may not file (the mailbox's `refuse` policy, an
 * unauthorized requester), queued in the outbox in the message's transaction. RFC 3834: never
 * to auto-submitted mail (the ingest ignores that before it gets here) and at most one per
 * address per day, so a forged sender cannot make us mail someone repeatedly.
 */
@Injectable()
export class MailRefusals {
  constructor(
    private readonly outbox: AccountMailOutbox,
    private readonly clock: Clock,
  ) {}

  /** Whether a refusal was queued (false: one went to the address within the day). */
  async send(
    em: EntityManager,
    mail: ParsedMail,
    why: 'unknown_sender' | 'not_authorized',
    recipient: { userId: string | null; locale: Locale },
  ): Promise<boolean> {
    if (!mail.from || mail.autoSubmitted) return false;
    const address = mail.from.address;
    const now = this.clock.now();
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:mail-refusal:' || $1, 0))`,
      [address],
    );
    const [recent] = await sql<{ one: number }>(
      em,
      `SELECT 1 AS one FROM deliveries
        WHERE address = $1 AND kind = 'mail_refused' AND created_at > $2 LIMIT 1`,
      [address, new Date(now.getTime() - DAY)],
    );
    if (recent) return false;
    await this.outbox.enqueue(em, {
      kind: 'mail_refused',
      userId: recipient.userId,
      address,
      locale: recipient.locale,
      data: { name: mail.from.name, receivedAt: now.toISOString(), why, audience: 'client' },
    });
    return true;
  }
}
