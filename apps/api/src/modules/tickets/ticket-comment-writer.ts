import type { EntityManager } from 'typeorm';
import { CommentAdded } from './events/ticket.events.js';
import type { TicketChange } from './ticket-writer.js';

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
 * Inserts a comment and adds what it implies for the ticket to `write` (the caller's change,
 * written by TicketWriter in one UPDATE with whatever else the action does): a client's comment
 * sets needsReply; a staff member's public comment is the answer (clears it, and the first one is
 * the first response); an internal note changes neither and the client sees no activity.
 * Comments are not field edits, so the ticket's version stays. Used by the comments endpoint and
 * by transitions that carry a comment, so both have the same effects.
 */
export async function writeComment(
  em: EntityManager,
  c: NewComment,
  write: TicketChange,
): Promise<string> {
  const [row] = (await em.query(
    `INSERT INTO ticket_comments (ticket_id, author_id, body, internal, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [c.ticketId, c.authorId, c.body, c.internal, c.at],
  )) as { id: string }[];
  write.touches = true;
  if (c.authorIsClient) {
    write.columns({ needs_reply: true });
    write.clientSees = true;
  } else if (!c.internal) {
    write.columns({ needs_reply: false });
    write.setIfNull.first_responded_at = c.at;
    write.clientSees = true;
  }
  write
    .record(c.authorId, [
      { kind: 'comment_added', newValue: { commentId: row.id }, internal: c.internal },
    ])
    .publish(new CommentAdded(c.ticketId, row.id, c.authorId, c.authorIsClient, c.internal, c.at));
  return row.id;
}
