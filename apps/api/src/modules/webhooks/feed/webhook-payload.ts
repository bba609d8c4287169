import type { EntityManager } from 'typeorm';
import type { WebhookEventKind } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';
import {
  CommentAdded,
  SatisfactionRated,
  SlaBreached,
  TicketAssigned,
  TicketCreated,
  TicketStatusChanged,
  TicketUpdated,
} from '../../tickets/index.js';

/** event_log name → the kind receivers see (a public contract, so not the internal name). */
export const WEBHOOK_KIND_OF_EVENT: Readonly<Record<string, WebhookEventKind>> = {
  [TicketCreated.eventName]: 'ticket.created',
  [TicketUpdated.eventName]: 'ticket.updated',
  [TicketStatusChanged.eventName]: 'ticket.status_changed',
  [TicketAssigned.eventName]: 'ticket.assigned',
  [CommentAdded.eventName]: 'comment.added',
  [SlaBreached.eventName]: 'sla.breached',
  [SatisfactionRated.eventName]: 'rating.received',
};

export interface FeedEvent {
  id: string;
  name: string;
  ticket_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  webhook_attempts: number;
}

type Ref = { id: string; name: string } | null;

interface TicketRow {
  id: string;
  number: string;
  subject: string;
  status: string;
  status_category: string;
  priority: string;
  channel: string;
  assignee: Ref;
  group: Ref;
  organization: Ref;
  requester: Ref;
  actor: Ref;
}

/** One event's message, and whether it carries internal content (an internal note, a staff-only field). */
export interface WebhookMessage {
  readonly type: WebhookEventKind;
  readonly internal: boolean;
  /** The body without internal content, for endpoints that did not choose it; null: nothing left to send. */
  readonly publicBody: string | null;
  readonly fullBody: string;
}

/**
 * The message an event becomes (Standard Webhooks: `{type, timestamp, data}`), built once per
 * event at feed time: the ticket as it is now (id, number, subject, status, priority, assignee,
 * group, organization) plus what the event says. Internal content (an internal note, a change of
 * a staff-only field) is kept apart, so it goes only to endpoints that chose to include it.
 */
export async function buildMessage(
  em: EntityManager,
  event: FeedEvent,
  type: WebhookEventKind,
): Promise<WebhookMessage | null> {
  const ticket = event.ticket_id ? await loadTicket(em, event.ticket_id, event.actor_id) : null;
  if (event.ticket_id && !ticket) return null; // deleted meanwhile: nothing to tell
  const p = event.payload;
  const base = {
    ticket: ticket
      ? {
          id: ticket.id,
          number: Number(ticket.number),
          subject: ticket.subject,
          status: ticket.status,
          statusCategory: ticket.status_category,
          priority: ticket.priority,
          channel: ticket.channel,
          assignee: ticket.assignee,
          group: ticket.group,
          organization: ticket.organization,
          requester: ticket.requester,
        }
      : null,
    actor: ticket?.actor ?? null,
  };
  let specifics: Record<string, unknown> = {};
  let internalSpecifics: Record<string, unknown> | null = null;
  let internalOnly = false;
  switch (type) {
    case 'ticket.created':
      break;
    case 'ticket.updated': {
      const changes = (p.changes ?? []) as {
        field: string;
        oldValue: unknown;
        newValue: unknown;
        internal: boolean;
      }[];
      const shown = (c: (typeof changes)[number]) => ({
        field: c.field,
        oldValue: c.oldValue,
        newValue: c.newValue,
        internal: c.internal,
      });
      const publicChanges = changes.filter((c) => !c.internal).map(shown);
      specifics = { changes: publicChanges };
      if (publicChanges.length < changes.length) {
        internalSpecifics = { changes: changes.map(shown) };
        internalOnly = publicChanges.length === 0;
      }
      break;
    }
    case 'ticket.status_changed':
      specifics = { from: p.from, to: p.to, category: p.category };
      break;
    case 'ticket.assigned':
      specifics = {
        assigneeId: p.assigneeId ?? null,
        groupId: p.groupId ?? null,
        previous: p.previous ?? null,
      };
      break;
    case 'comment.added': {
      const comment = await loadComment(em, String(p.commentId));
      if (!comment) return null;
      specifics = { comment };
      if (comment.internal) {
        internalSpecifics = specifics;
        internalOnly = true;
      }
      break;
    }
    case 'sla.breached':
      specifics = { clock: p.clock, dueAt: p.dueAt, policyId: p.policyId ?? null };
      break;
    case 'rating.received':
      specifics = await loadRating(em, event.ticket_id, p);
      break;
  }
  const timestamp = new Date(event.created_at).toISOString();
  const body = (extra: Record<string, unknown>) =>
    JSON.stringify({ type, timestamp, data: { ...base, ...extra } });
  const publicBody = internalOnly ? null : body(specifics);
  return {
    type,
    internal: internalSpecifics !== null,
    publicBody,
    fullBody: internalSpecifics ? body(internalSpecifics) : (publicBody as string),
  };
}

async function loadTicket(
  em: EntityManager,
  ticketId: string,
  actorId: string | null,
): Promise<TicketRow | null> {
  const ref = (alias: string) =>
    `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE jsonb_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;
  const [row] = await sql<TicketRow>(
    em,
    `SELECT t.id, t.number::text, t.subject, t.status, t.status_category, t.priority, t.channel,
            ${ref('a')} AS assignee, ${ref('g')} AS "group", ${ref('o')} AS organization,
            ${ref('r')} AS requester, ${ref('x')} AS actor
       FROM tickets t
       LEFT JOIN users a ON a.id = t.assignee_id
       LEFT JOIN groups g ON g.id = t.group_id
       LEFT JOIN organizations o ON o.id = t.organization_id
       LEFT JOIN users r ON r.id = t.requester_id
       LEFT JOIN users x ON x.id = $2
      WHERE t.id = $1`,
    [ticketId, actorId],
  );
  return row ?? null;
}

async function loadComment(em: EntityManager, commentId: string) {
  const [row] = await sql<{
    id: string;
    body: string;
    internal: boolean;
    author: Ref;
    author_is_client: boolean;
    created_at: Date;
  }>(
    em,
    `SELECT c.id, c.body, c.internal, c.created_at,
            CASE WHEN u.id IS NULL THEN NULL ELSE jsonb_build_object('id', u.id, 'name', u.name) END AS author,
            coalesce(u.role = 'client', false) AS author_is_client
       FROM ticket_comments c LEFT JOIN users u ON u.id = c.author_id
      WHERE c.id = $1`,
    [commentId],
  );
  if (!row) return null;
  return {
    id: row.id,
    body: row.body,
    internal: row.internal,
    author: row.author,
    authorIsClient: row.author_is_client,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

async function loadRating(
  em: EntityManager,
  ticketId: string | null,
  p: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const [row] = ticketId
    ? await sql<{ comment: string | null }>(
        em,
        `SELECT comment FROM ticket_ratings WHERE ticket_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [ticketId],
      )
    : [];
  return { rating: p.rating, comment: row?.comment ?? null };
}
