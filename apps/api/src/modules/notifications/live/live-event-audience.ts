/**
 * Who may hear that an event happened on a ticket they can see: everyone, or staff only.
 *
 * A client must not even learn that something internal happened (an internal note, a file on
 * one, a routing or SLA change): a "ticket changed" ping right after the agent wrote a note would
 * tell them a note exists. So clients get an allowlist of events whose effect they can see, and
 * anything new is staff-only until it is added here. The field rule mirrors what moves a client's
 * `updatedAt` (tickets.service.ts CLIENT_VISIBLE_COLUMNS and internal custom fields).
 */
export type LiveAudience = 'everyone' | 'staff';

/** Fields of `ticket.updated` that only staff see (absent from a client's ticket). */
const STAFF_ONLY_FIELDS = new Set(['dueAt', 'projectId', 'groupId', 'assigneeId', 'supportLevel']);

interface FieldChange {
  field?: unknown;
  internal?: unknown;
}

export function liveAudience(name: string, payload: Record<string, unknown>): LiveAudience {
  switch (name) {
    case 'ticket.created':
    case 'ticket.status_changed':
    case 'ticket.satisfaction_rated':
      return 'everyone';
    case 'ticket.comment_added':
    case 'ticket.attachment_added':
      return payload.internal === false ? 'everyone' : 'staff';
    case 'ticket.updated': {
      const changes = Array.isArray(payload.changes) ? (payload.changes as FieldChange[]) : [];
      const clientSees = changes.some(
        (c) =>
          c.internal === false && typeof c.field === 'string' && !STAFF_ONLY_FIELDS.has(c.field),
      );
      return clientSees ? 'everyone' : 'staff';
    }
    default:
      // ticket.assigned, ticket.escalated, sla.*: staff-only fields; unknown: staff until decided.
      return 'staff';
  }
}
