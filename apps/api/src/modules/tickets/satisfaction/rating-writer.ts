import type { EntityManager } from 'typeorm';
import type { RatingVia } from '@relaydesk/contracts';
import { SatisfactionRated } from '../events/ticket.events.js';
import { TicketChange, type TicketWriter } from '../ticket-writer.js';

export interface NewRating {
  ticketId: string;
  rating: number;
  comment: string | null;
  ratedById: string | null;
  /** The ticket's assignee now: "by agent" figures must not move when it is reassigned later. */
  assigneeId: string | null;
  via: RatingVia;
  linkNonce: string | null;
  at: Date;
}

export interface StoredRating {
  id: string;
  rating: number;
  comment: string | null;
  via: RatingVia;
  createdAt: Date;
}

/**
 * Stores a rating, its history line and SatisfactionRated in the caller's transaction (the
 * ticket row itself does not change). With a link nonce the insert
 * yields to an earlier answer of the same link (null), so a double submit is a conflict the
 * caller reports, not a unique-violation that aborts the transaction.
 */
export async function writeRating(
  em: EntityManager,
  writer: TicketWriter,
  r: NewRating,
): Promise<StoredRating | null> {
  const rows = (await em.query(
    `INSERT INTO ticket_ratings (ticket_id, rating, comment, rated_by_id, assignee_id, via, link_nonce, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (link_nonce) DO NOTHING
     RETURNING id, rating, comment, via, created_at AS "createdAt"`,
    [r.ticketId, r.rating, r.comment, r.ratedById, r.assigneeId, r.via, r.linkNonce, r.at],
  )) as StoredRating[];
  const stored = rows[0];
  if (!stored) return null;
  await writer.write(
    em,
    new TicketChange(r.ticketId, r.at)
      .record(r.ratedById, [{ kind: 'rated', newValue: { rating: r.rating } }])
      .publish(new SatisfactionRated(r.ticketId, r.rating, r.comment !== null, r.ratedById, r.at)),
  );
  return stored;
}
