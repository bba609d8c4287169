import type { EntityManager } from 'typeorm';
import { recordTicketEvents } from './ticket-events.js';

export interface NewComment {
  ticketId: string;
  authorId: string;
  /** A client's comment means the desk owes an answer. */
  authorIsClient: boolean;
  body: string;
  internal: boolean;
  at: Date;
}

/**
 * Writes a comment with everything it implies, in the caller's transaction: a client's
 * comment sets needsReply; a staff member's public comment is the answer (clears it, and the
 * first one is the first response); an internal note changes neither. Comments are not field
 * edits, so the ticket's version stays. Used by the comments endpoint and by transitions that
 * carry a comment, so both have the same effects.
 */
export async function writeComment(em: EntityManager, c: NewComment): Promise<string> {
  const [row] = (await em.query(
    `INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.ticketId, c.authorId, c.body, c.internal, c.at],
  )) as { id: string }[];
  if (c.authorIsClient) {
    await em.query(
      `UPDATE tickets SET needs_reply = true, updated_at = $2, client_updated_at = $2 WHERE id = $1`,
      [c.ticketId, c.at],
    );
  } else if (!c.internal) {
    await em.query(
      `UPDATE tickets SET needs_reply = false, first_responded_at = COALESCE(first_responded_at, $2),
              updated_at = $2, client_updated_at = $2
        WHERE id = $1`,
      [c.ticketId, c.at],
    );
  } else {
    // An internal note: the desk's queues see the activity, the client sees nothing change.
    await em.query(`UPDATE tickets SET updated_at = $2 WHERE id = $1`, [c.ticketId, c.at]);
  }
  await recordTicketEvents(em, c.ticketId, c.authorId, c.at, [
    { kind: 'comment_added', newValue: { commentId: row.id }, internal: c.internal },
  ]);
  return row.id;
}
