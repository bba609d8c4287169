import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AccountMailKind, Locale } from '@relaydesk/contracts';
import { Clock } from '../../../common/time/clock.js';
import type { MailDataByKind } from '../templates/mail-data.js';
import { wakeDeliveryWorkers } from './delivery-wakeup.js';

export interface AccountMail<K extends AccountMailKind> {
  readonly kind: K;
  /** null: an address with no account (yet), as the web form's confirmation. */
  readonly userId: string | null;
  /** Where to send it: the account's address, or the new one for `email_change`. */
  readonly address: string;
  readonly locale: Locale;
  readonly data: MailDataByKind[K];
}

/**
 * Queues a mail about a person's account (welcome, password reset, e-mail change) in the caller's
 * transaction: it goes out once that commits, through the same delivery workers as every other
 * mail. Account mails ignore preferences and carry no unsubscribe link.
 */
@Injectable()
export class AccountMailOutbox {
  constructor(private readonly clock: Clock) {}

  async enqueue<K extends AccountMailKind>(
    em: EntityManager,
    mail: AccountMail<K>,
  ): Promise<string> {
    // Due and aged by the application's clock, the one the workers compare with.
    const now = this.clock.now();
    const [row] = (await em.query(
      `INSERT INTO deliveries (channel, kind, user_id, address, locale, data, automatic,
                               next_attempt_at, created_at)
       VALUES ('email', $1, $2, $3, $4, $5::jsonb, true, $6, $6) RETURNING id`,
      [mail.kind, mail.userId, mail.address, mail.locale, JSON.stringify(mail.data), now],
    )) as { id: string }[];
    await wakeDeliveryWorkers(em);
    return row.id;
  }
}
