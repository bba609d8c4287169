import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { VerpAddresses } from './mail/verp-address.js';

export interface BouncedDelivery {
  id: string;
  ticketId: string | null;
  address: string;
  /** Found by the signed VERP address (trusted), or by the returned Message-ID (a hint). */
  by: 'verp' | 'message-id';
}

export interface BounceReport {
  /** 5.x.x (Action: failed): the recipient is bouncing. Otherwise a delay, noted only. */
  permanent: boolean;
  status: string | null;
  diagnostic: string | null;
  at: Date;
}

/**
 * Bounces come back to the outbox row they report on: the intake finds the delivery (by the
 * signed VERP address the DSN was sent to, else by the Message-ID of the returned headers) and
 * records the report here, where deliveries live. Agents see it on the ticket's deliveries.
 */
@Injectable()
export class DeliveryBounces {
  constructor(private readonly verp: VerpAddresses) {}

  /** Whether an address is one of our signed VERP senders (a bounce, or mail to one). */
  isVerpAddress(address: string): boolean {
    return this.verp.deliveryId(address) !== null;
  }

  async find(
    em: EntityManager,
    by: { addresses: readonly string[]; originalMessageId: string | null },
  ): Promise<BouncedDelivery | null> {
    const ids = by.addresses.map((a) => this.verp.deliveryId(a)).filter((id) => id !== null);
    // The VERP address first: it names the row even when the remote MTA returned no headers.
    const [row] = await sql<{
      id: string;
      ticket_id: string | null;
      address: string;
      by_verp: boolean;
    }>(
      em,
      `SELECT id, ticket_id, address, id = ANY($1::bigint[]) AS by_verp FROM deliveries
        WHERE channel = 'email'
          AND (id = ANY($1::bigint[]) OR ($2::varchar IS NOT NULL AND message_id = $2))
        ORDER BY id = ANY($1::bigint[]) DESC
        LIMIT 1`,
      [ids, by.originalMessageId ? `<${by.originalMessageId}>` : null],
    );
    return row
      ? {
          id: row.id,
          ticketId: row.ticket_id,
          address: row.address,
          by: row.by_verp ? 'verp' : 'message-id',
        }
      : null;
  }

  /** A later delay never hides an earlier permanent failure. */
  async record(em: EntityManager, deliveryId: string, report: BounceReport): Promise<void> {
    await em.query(
      `UPDATE deliveries
          SET bounced_at = $2,
              bounce_status = CASE WHEN $3 OR bounce_permanent IS NOT TRUE THEN $4 ELSE bounce_status END,
              bounce_diagnostic = CASE WHEN $3 OR bounce_permanent IS NOT TRUE THEN $5 ELSE bounce_diagnostic END,
              bounce_permanent = ($3 OR bounce_permanent IS TRUE)
        WHERE id = $1`,
      [
        deliveryId,
        report.at,
        report.permanent,
        report.status,
        report.diagnostic?.slice(0, 2000) ?? null,
      ],
    );
  }
}
