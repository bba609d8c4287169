import type { EntityManager } from 'typeorm';
import { loadAuthUser } from '../../../common/auth/auth-user.sql.js';
import { isTicketVisible } from '../../tickets/index.js';

/**
 * Why a delivery to this user must not go out now, or null when it may. Checked at send time,
 * not only when the row was written: a user deactivated, moved out of the group or no longer
 * deputy in the meantime gets nothing.
 */
export async function suppressionReason(
  em: EntityManager,
  row: { userId: string | null; ticketId: string | null; kind: string },
  now: Date,
): Promise<string | null> {
  if (row.userId === null) return null;
  const user = await loadAuthUser(em, row.userId, now);
  if (!user) return 'recipient is deactivated or deleted';
  // The fan-out never writes such a row; this is the last line of defence for internal notes.
  if (user.role === 'client' && row.kind === 'comment_internal') {
    return 'an internal note never goes to a client';
  }
  if (row.ticketId !== null && !(await isTicketVisible(em, user, row.ticketId))) {
    return 'recipient may no longer see the ticket';
  }
  return null;
}
