import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NotificationKind } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';
import { httpConfig, InjectConfig, type HttpConfig } from '../../../config/config-namespaces.js';
import { DeputyshipEnded, DeputyshipStarted } from '../../deputies/index.js';
import { autoAnswerArticlesForMail } from '../../knowledge-base/index.js';
import { WorkAllowanceReached } from '../../work-log/index.js';
import {
  CommentAdded,
  RatingLinkService,
  SlaBreached,
  SlaReminderDue,
  TicketAssigned,
  TicketCreated,
  TicketEscalated,
  TicketStatusChanged,
} from '../../tickets/index.js';
import type { MailDataByKind, TicketMailBase } from '../templates/mail-data.js';
import type { Recipient } from './recipients.js';
import {
  activeDispatchers,
  groupMembers,
  loadTicketFacts,
  ownersAndSupervisors,
  statusName,
  userNames,
  watchersOf,
  type TicketFacts,
} from './ticket-facts.js';
import { workingHoursInWords } from './working-hours.js';

/** An event_log row as the fan-out claims it. */
export interface EventRow {
  id: string;
  name: string;
  ticket_id: string | null;
  actor_id: string | null;
  payload: Record<string, unknown>;
  created_at: Date;
  fan_out_attempts: number;
}

/** Who may be told of one kind, and what each is told. */
export interface NoticeOf<K extends NotificationKind> {
  readonly kind: K;
  /** Candidates; the fan-out keeps those who pass every filter (FanOutWriter). */
  readonly userIds: readonly (string | null)[];
  /** The actor is told too: a receipt of their own request, a change of who acts for them. */
  readonly actorHears?: boolean;
  /** Called only for a recipient who passed the filters: it may mint secrets (a rating link). */
  readonly data: (r: Recipient) => MailDataByKind[K];
  /** What the bell keeps; default: the mail data without its secrets. */
  readonly inApp?: (data: MailDataByKind[K]) => Record<string, unknown>;
}
export type Notice = { [K in NotificationKind]: NoticeOf<K> }[NotificationKind];
const notice = <K extends NotificationKind>(n: NoticeOf<K>): Notice => n as unknown as Notice;

export interface EventPlan {
  /** The ticket it is about, as it is now; null: none (or it is gone). */
  readonly ticket: TicketFacts | null;
  readonly notices: readonly Notice[];
}

/** The event's fields as event_log keeps them: dates are ISO strings. */
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

const NOTHING: EventPlan = { ticket: null, notices: [] };
/** Long enough for a mail's excerpt, short enough for an outbox row. */
const DESCRIPTION_MAX = 2000;
/** Status categories a client hears of: a question for them, a resolution, the end. */
const CLIENT_CATEGORIES = new Set(['pending', 'resolved', 'closed']);
const DONE = new Set(['resolved', 'closed']);
const WORKING = new Set(['new', 'open']);

/**
 * "Events and recipients" (issue 14): which kinds each domain event turns into, whom each is
 * meant for, and what it says. Who is actually told is decided after this by FanOutWriter's
 * filters (active, not the actor, may see the ticket now, staff-only kinds, preferences).
 */
@Injectable()
export class EventNotices {
  constructor(
    private readonly ratingLinks: RatingLinkService,
    @InjectConfig(httpConfig) private readonly http: HttpConfig,
  ) {}

  async plan(em: EntityManager, e: EventRow): Promise<EventPlan> {
    switch (e.name) {
      case DeputyshipStarted.eventName:
        return this.deputyship(em, 'deputyship_started', e.payload as Json<DeputyshipStarted>);
      case DeputyshipEnded.eventName:
        return this.deputyship(em, 'deputyship_ended', e.payload as Json<DeputyshipEnded>);
      case WorkAllowanceReached.eventName:
        return this.allowanceReached(em, e.payload as Json<WorkAllowanceReached>);
    }
    if (!e.ticket_id || !TICKET_EVENTS.has(e.name)) return NOTHING;
    const t = await loadTicketFacts(em, e.ticket_id);
    if (!t) return NOTHING;
    const names = await userNames(em, [e.actor_id]);
    const base = (r: Recipient, status = t.status): TicketMailBase => ({
      ticket: {
        id: t.id,
        number: t.number,
        subject: t.subject,
        priority: t.priority,
        statusName: statusName(t, status, r.user.locale),
      },
      audience: r.user.role === 'client' ? 'client' : 'staff',
      actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
      timeZone: t.calendar?.timeZone ?? 'UTC',
    });
    const notices = await this.ticketNotices(em, e, t, base);
    return { ticket: t, notices };
  }

  private async ticketNotices(
    em: EntityManager,
    e: EventRow,
    t: TicketFacts,
    base: (r: Recipient, status?: string) => TicketMailBase,
  ): Promise<Notice[]> {
    switch (e.name) {
      case TicketCreated.eventName:
        return this.created(em, e.payload as Json<TicketCreated>, t, base);
      case TicketAssigned.eventName:
        return this.assigned(em, e.payload as Json<TicketAssigned>, base);
      case TicketEscalated.eventName: {
        const p = e.payload as Json<TicketEscalated>;
        const groupName = await nameOfGroup(em, p.groupId);
        return [
          notice({
            kind: 'ticket_escalated',
            userIds: await groupMembers(em, p.groupId),
            data: (r) => ({
              ...base(r),
              fromLevel: p.fromLevel,
              toLevel: p.toLevel,
              groupName: groupName ?? '',
            }),
          }),
        ];
      }
      case CommentAdded.eventName:
        return this.comment(em, e.payload as Json<CommentAdded>, t, base);
      case TicketStatusChanged.eventName:
        return this.statusChanged(em, e.payload as Json<TicketStatusChanged>, t, base);
      case SlaReminderDue.eventName: {
        const p = e.payload as Json<SlaReminderDue>;
        const { owners } = await ownersAndSupervisors(em, p.owners);
        return [
          notice({
            kind: 'sla_reminder',
            userIds: owners,
            data: (r) => ({
              ...base(r),
              clock: p.clock,
              dueAt: p.dueAt,
              reminderPercent: p.reminderPercent,
            }),
          }),
        ];
      }
      case SlaBreached.eventName: {
        const p = e.payload as Json<SlaBreached>;
        const { owners, supervisors } = await ownersAndSupervisors(em, p.owners);
        const clock = { clock: p.clock, dueAt: p.dueAt };
        return [
          notice({
            kind: 'sla_breached',
            userIds: owners,
            data: (r) => ({ ...base(r), ...clock }),
          }),
          notice({
            kind: 'sla_escalated',
            userIds: supervisors,
            data: (r) => ({ ...base(r), ...clock }),
          }),
        ];
      }
      default:
        return [];
    }
  }

  /** The requester gets a receipt with the promised times; the group (or dispatchers) "new". */
  private async created(
    em: EntityManager,
    p: Json<TicketCreated>,
    t: TicketFacts,
    base: (r: Recipient) => TicketMailBase,
  ): Promise<Notice[]> {
    const promised = t.firstResponseDueAt !== null || t.resolutionDueAt !== null;
    const desk = p.groupId ? await groupMembers(em, p.groupId) : await activeDispatchers(em);
    // The automatic answer's articles, as the requester may read them now (docs/knowledge-base.md).
    const answer = await autoAnswerArticlesForMail(em, p.ticketId);
    return [
      notice({
        kind: 'ticket_acknowledged',
        userIds: [p.requesterId],
        // The receipt of their own request: the requester filed it, and is told all the same.
        actorHears: true,
        data: (r) => ({
          ...base(r),
          firstResponseDueAt: t.firstResponseDueAt?.toISOString() ?? null,
          resolutionDueAt: t.resolutionDueAt?.toISOString() ?? null,
          workingHours:
            !promised && t.calendar ? workingHoursInWords(t.calendar.week, r.user.locale) : null,
          ...(answer.articles.length
            ? { articles: answer.articles, articlesClosable: answer.closable }
            : {}),
        }),
      }),
      notice({
        kind: 'ticket_new',
        // Whoever it was filed straight to is told too: nothing else tells them.
        userIds: [...desk, p.assigneeId],
        data: (r) => ({
          ...base(r),
          requesterName: t.requesterName,
          organizationName: t.organizationName,
          description: shorten(t.description),
        }),
      }),
    ];
  }

  private async assigned(
    em: EntityManager,
    p: Json<TicketAssigned>,
    base: (r: Recipient) => TicketMailBase,
  ): Promise<Notice[]> {
    if (p.assigneeId === p.previous.assigneeId) return [];
    const names = await userNames(em, [p.assigneeId]);
    const assigneeName = p.assigneeId ? (names.get(p.assigneeId) ?? null) : null;
    const groupName = p.groupId ? await nameOfGroup(em, p.groupId) : null;
    return [
      notice({
        kind: 'ticket_assigned',
        userIds: [p.assigneeId],
        data: (r) => ({ ...base(r), assigneeName, groupName }),
      }),
      notice({
        kind: 'ticket_unassigned',
        userIds: [p.previous.assigneeId],
        data: (r) => ({ ...base(r), newAssigneeName: assigneeName }),
      }),
    ];
  }

  /**
   * Internal notes reach staff participants only. A public reply from staff reaches the
   * requester and the watchers; one from the client reaches whoever works the ticket.
   */
  private async comment(
    em: EntityManager,
    p: Json<CommentAdded>,
    t: TicketFacts,
    base: (r: Recipient) => TicketMailBase,
  ): Promise<Notice[]> {
    const [c] = await sql<{ body: string; internal: boolean; author: string | null }>(
      em,
      `SELECT c.body, c.internal, u.name AS author FROM ticket_comments c
         LEFT JOIN users u ON u.id = c.author_id WHERE c.id = $1 AND c.ticket_id = $2`,
      [p.commentId, p.ticketId],
    );
    if (!c) return [];
    const fields = { commentId: p.commentId, authorName: c.author ?? '', body: c.body };
    const watchers = await watchersOf(em, t.id, t.projectId);
    if (p.internal || c.internal) {
      return [
        notice({
          kind: 'comment_internal',
          userIds: [
            t.assigneeId,
            ...(await groupMembers(em, t.groupId)),
            ...watchers.filter((w) => !w.client).map((w) => w.userId),
          ],
          data: (r) => ({ ...base(r), ...fields }),
        }),
      ];
    }
    const userIds = p.authorIsClient
      ? t.assigneeId
        ? [t.assigneeId]
        : await groupMembers(em, t.groupId)
      : (await askedWith(em, p))
        ? // The comment of a status change: its requester and client watchers read it there.
          watchers.filter((w) => !w.client).map((w) => w.userId)
        : [t.requesterId, ...watchers.map((w) => w.userId)];
    return [notice({ kind: 'comment_public', userIds, data: (r) => ({ ...base(r), ...fields }) })];
  }

  private async statusChanged(
    em: EntityManager,
    p: Json<TicketStatusChanged>,
    t: TicketFacts,
    base: (r: Recipient, status?: string) => TicketMailBase,
  ): Promise<Notice[]> {
    const notices: Notice[] = [];
    // An automatic change after someone's take or assignment: they know, as an actor would.
    const notCause = (ids: (string | null)[]) => ids.filter((id) => id !== p.causedById);
    if (CLIENT_CATEGORIES.has(p.category)) {
      const watchers = await watchersOf(em, t.id, t.projectId);
      // The comment that came with the change: the question of a pending status, the note of a
      // resolution or closure. Its clients read it here, not in a second mail.
      const question = await this.question(em, p);
      const resolved = p.category === 'resolved';
      const acceptance = resolved && (await awaitsAcceptance(em, t.workflowId, p.to));
      notices.push(
        notice({
          kind: 'status_changed',
          userIds: notCause([
            t.requesterId,
            ...watchers.filter((w) => w.client).map((w) => w.userId),
          ]),
          data: (r) => {
            // Only the requester rates and accepts.
            const requester = r.user.id === t.requesterId;
            return {
              ...base(r, p.to),
              category: p.category,
              question,
              ratingUrl: resolved && requester ? this.ratingUrl(t.id, r.user.id) : null,
              acceptance: acceptance && requester,
            };
          },
        }),
      );
    }
    const from = t.statuses.get(p.from)?.category;
    if (from && DONE.has(from) && WORKING.has(p.category)) {
      notices.push(
        notice({
          kind: 'ticket_reopened',
          userIds: notCause(t.assigneeId ? [t.assigneeId] : await groupMembers(em, t.groupId)),
          data: (r) => base(r, p.to),
        }),
      );
    }
    return notices;
  }

  /** The public comment that came with the change (a transition's comment), if any. */
  private async question(em: EntityManager, p: Json<TicketStatusChanged>): Promise<string | null> {
    if (!p.actorId) return null;
    const [row] = await sql<{ body: string }>(
      em,
      `SELECT body FROM ticket_comments
        WHERE ticket_id = $1 AND author_id = $2 AND created_at = $3 AND NOT internal
        ORDER BY id LIMIT 1`,
      [p.ticketId, p.actorId, p.at],
    );
    return row?.body ?? null;
  }

  private ratingUrl(ticketId: string, requesterId: string): string {
    const token = this.ratingLinks.create(ticketId, requesterId, this.ratingLinks.defaultExpiry());
    return `${this.http.publicUrl.replace(/\/+$/, '')}${this.ratingLinks.path(token)}`;
  }

  /** Both people hear of a change of who acts for whom, whoever made it. */
  private async deputyship(
    em: EntityManager,
    kind: 'deputyship_started' | 'deputyship_ended',
    p: Json<DeputyshipStarted> | Json<DeputyshipEnded>,
  ): Promise<EventPlan> {
    const names = await userNames(em, [p.principalId, p.deputyId]);
    const data = {
      principal: { id: p.principalId, name: names.get(p.principalId) ?? '' },
      deputy: { id: p.deputyId, name: names.get(p.deputyId) ?? '' },
      // An end says when it ended: the event's time, early or on schedule.
      ...('reason' in p
        ? { endsAt: p.at, reason: p.reason }
        : { startsAt: p.startsAt, endsAt: p.endsAt }),
      timeZone: 'UTC',
    };
    return {
      ticket: null,
      notices: [
        notice({
          kind,
          userIds: [p.principalId, p.deputyId],
          actorHears: true,
          data: () => data,
          // The bell links an end to its deputyship and says when.
          inApp: (d) => ({
            ...d,
            deputyshipId: p.deputyshipId,
            ...(kind === 'deputyship_ended' ? { endedAt: p.at } : {}),
          }),
        }),
      ],
    };
  }

  /** To the staff who manage contracts (dispatchers and admins); no ticket. */
  private async allowanceReached(
    em: EntityManager,
    p: Json<WorkAllowanceReached>,
  ): Promise<EventPlan> {
    const [facts] = await sql<{ title: string; organization_name: string }>(
      em,
      `SELECT c.title, o.name AS organization_name FROM contracts c
         JOIN organizations o ON o.id = c.organization_id WHERE c.id = $1`,
      [p.contractId],
    );
    if (!facts) return NOTHING;
    const managers = await sql<{ id: string }>(
      em,
      `SELECT id FROM users WHERE role IN ('dispatcher', 'admin') AND active AND NOT service_account
        ORDER BY id`,
    );
    const data = {
      contract: { id: p.contractId, number: p.contractNumber, title: facts.title },
      organizationName: facts.organization_name,
      threshold: p.threshold,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      usedSeconds: p.usedSeconds,
      allowanceSeconds: p.allowanceSeconds,
    };
    return {
      ticket: null,
      notices: [
        notice({
          kind: 'work_allowance_reached',
          userIds: managers.map((m) => m.id),
          // Whoever logged the crossing entry manages contracts too and needs to know as well.
          actorHears: true,
          data: () => data,
        }),
      ],
    };
  }
}

const TICKET_EVENTS = new Set([
  TicketCreated.eventName,
  TicketAssigned.eventName,
  TicketEscalated.eventName,
  CommentAdded.eventName,
  TicketStatusChanged.eventName,
  SlaReminderDue.eventName,
  SlaBreached.eventName,
]);

function shorten(text: string): string {
  return text.length <= DESCRIPTION_MAX ? text : `${text.slice(0, DESCRIPTION_MAX - 1)}…`;
}

async function nameOfGroup(em: EntityManager, groupId: string): Promise<string | null> {
  const [row] = await sql<{ name: string }>(em, 'SELECT name FROM groups WHERE id = $1', [groupId]);
  return row?.name ?? null;
}

/** Whether the comment came with a status change its clients hear of (it is its `question`). */
async function askedWith(em: EntityManager, p: Json<CommentAdded>): Promise<boolean> {
  const [row] = await sql<{ yes: boolean }>(
    em,
    `SELECT EXISTS (
       SELECT 1 FROM event_log e
        WHERE e.ticket_id = $1 AND e.name = $2 AND e.actor_id = $3
          AND e.payload->>'at' = $4 AND e.payload->>'category' = ANY($5::text[])) AS yes`,
    [p.ticketId, TicketStatusChanged.eventName, p.authorId, p.at, [...CLIENT_CATEGORIES]],
  );
  return row?.yes ?? false;
}

/** Whether the requester may close the resolved ticket themselves (Accept / Reject). */
async function awaitsAcceptance(
  em: EntityManager,
  workflowId: string,
  status: string,
): Promise<boolean> {
  const [row] = await sql<{ yes: boolean }>(
    em,
    `SELECT EXISTS (
       SELECT 1 FROM workflow_transitions tr
         JOIN workflow_statuses ws ON ws.workflow_id = tr.workflow_id AND ws.key = tr.to_status
        WHERE tr.workflow_id = $1 AND tr.from_status = $2 AND ws.category = 'closed'
          AND (tr.allow_requester OR 'client' = ANY(tr.allowed_roles))) AS yes`,
    [workflowId, status],
  );
  return row?.yes ?? false;
}
