import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import {
  GROUPS,
  PEOPLE,
  type DirectoryIds,
  type PersonKey,
  type StaffKey,
} from './demo-directory.js';
import {
  DEMO_TICKETS,
  PATHS,
  phrase,
  type CommentStep,
  type DemoTicketSeed,
  type Step,
  type TextLang,
} from './demo-ticket-texts.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SPAN_DAYS = 45;

/** The deadline a ticket gets from its priority, as a contract's SLA would set it. */
const SLA_HOURS: Record<TicketPriority, number> = { urgent: 4, high: 24, normal: 72, low: 168 };
/** How long each step of the conversation takes: urgent tickets move fast. */
const STEP_HOURS: Record<TicketPriority, number> = { urgent: 0.75, high: 2, normal: 5, low: 12 };

const STATUS_STEPS = ['open', 'in_progress', 'needs_clarification', 'resolved', 'closed'] as const;
type StatusStep = (typeof STATUS_STEPS)[number];
const isStatusStep = (s: Step): s is StatusStep => (STATUS_STEPS as readonly string[]).includes(s);

interface TicketRow {
  id: string;
  subject: string;
  description: string;
  priority: TicketPriority;
  status: StatusStep;
  type_key: string;
  organization_id: string | null;
  requester_id: string;
  assignee_id: string | null;
  group_id: string | null;
  due_at: string | null;
  postponed_until: string | null;
  needs_reply: boolean;
  first_responded_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  channel: string;
  created_by_id: string;
  created_at: string;
  updated_at: string;
}

interface CommentRow {
  id: string;
  ticket_id: string;
  author_id: string;
  body: string;
  internal: boolean;
  created_at: string;
}

interface EventRow {
  ticket_id: string;
  actor_id: string;
  kind: 'created' | 'assigned' | 'taken' | 'comment_added' | 'status_changed' | 'field_changed';
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  internal: boolean;
  created_at: string;
  /** Orders the events of one write: each is a microsecond after the previous. */
  seq: number;
}

export interface DemoTicketRows {
  tickets: TicketRow[];
  comments: CommentRow[];
  events: EventRow[];
}

const isClient = (k: PersonKey) => PEOPLE[k].role === 'client';

function groupOf(agent: StaffKey): 'l1' | 'l2' | null {
  if (GROUPS.l1.members.includes(agent)) return 'l1';
  if (GROUPS.l2.members.includes(agent)) return 'l2';
  return null;
}

/**
 * Who works on a ticket. Customers' tickets go to the first line in the customer's language,
 * equipment failures that matter and anything that needed a site visit to the second line.
 */
function routing(
  seed: DemoTicketSeed,
  i: number,
  lang: TextLang,
): { assignee: StaffKey | null; group: 'l1' | 'l2' | null } {
  if (!isClient(seed.requester)) {
    const assignee = seed.assignee ?? null;
    if (assignee) return { assignee, group: groupOf(assignee) };
    return { assignee: null, group: seed.path === 'O3' ? 'l2' : null };
  }
  switch (seed.path) {
    case 'O1':
      return { assignee: null, group: seed.channel === 'agent' ? 'l1' : null };
    case 'O2':
      return { assignee: null, group: 'l1' };
    case 'O3':
      return { assignee: null, group: seed.type === 'technological_equipment' ? 'l2' : 'l1' };
  }
  const escalated =
    seed.path === 'C2' ||
    (seed.type === 'technological_equipment' && ['high', 'urgent'].includes(seed.priority));
  const team = escalated ? 'l2' : 'l1';
  const russian = lang === 'ru';
  const assignee: StaffKey =
    team === 'l1' ? (russian ? 'alexey' : 'tereza') : russian ? 'dmitry' : 'jan';
  // A few go to an agent directly, without the group.
  return { assignee, group: i % 5 === 0 ? null : team };
}

type TimelineStep = Step | 'assign' | 'take';
interface Routing {
  assigneeId: string | null;
  groupId: string | null;
}

/** The ticket rows with their comments and history, all timed relative to `now`. */
export function buildDemoTickets(now: Date, ids: DirectoryIds): DemoTicketRows {
  const out: DemoTicketRows = { tickets: [], comments: [], events: [] };
  const person = (k: PersonKey) => ids.people[k];
  const iso = (ms: number) => new Date(ms).toISOString();
  const nowMs = now.getTime();

  DEMO_TICKETS.forEach((seed, i) => {
    const id = randomUUID();
    const internalTicket = !isClient(seed.requester);
    const lang = seed.lang ?? PEOPLE[seed.requester].locale;
    const { assignee, group } = routing(seed, i, lang);
    const worker: StaffKey = assignee ?? 'marina';
    const creator: PersonKey =
      seed.channel === 'agent' && !internalTicket ? 'marina' : seed.requester;
    const finalRouting: Routing = {
      assigneeId: assignee ? person(assignee) : null,
      groupId: group ? ids.groups[group] : null,
    };

    // Opened during the customers' working day (06:00-15:00 UTC), the newest ones just now.
    const daysAgo = Math.round(((DEMO_TICKETS.length - 1 - i) * SPAN_DAYS) / DEMO_TICKETS.length);
    const day = Math.floor((nowMs - daysAgo * DAY) / DAY) * DAY;
    let createdMs = day + (6 + ((i * 5) % 10)) * HOUR + ((i * 17) % 60) * MINUTE;
    if (createdMs > nowMs - HOUR) createdMs = nowMs - (1 + (i % 3)) * HOUR;

    // Staff route what they open themselves; a customer's ticket is routed by the dispatcher
    // soon after it arrives, or put in a group queue for the agent to take.
    const routedLater = isClient(creator) && (assignee !== null || group !== null);
    const taken = routedLater && assignee !== null && group !== null && i % 3 === 0;
    const path: readonly Step[] = PATHS[seed.path];
    const steps: TimelineStep[] = [
      ...(routedLater ? (['assign'] as const) : []),
      ...(taken ? (['take'] as const) : []),
      ...path,
    ];
    const finalStatus = path.filter(isStatusStep).at(-1) ?? 'open';
    const postponedMs = finalStatus === 'needs_clarification' ? nowMs + (2 + (i % 5)) * DAY : null;

    // Spread the steps out by priority; squeeze them in when the ticket is younger than that.
    const gaps = steps.map((step, k) => {
      if (step === 'assign' || step === 'take') return (1 + (i % 3)) * 15 * MINUTE;
      if (step === 'closed') return (1 + ((i + k) % 3)) * DAY;
      if (step === 'answer') return (4 + (i % 3) * 6) * HOUR;
      return STEP_HOURS[seed.priority] * HOUR * (1 + ((i + k) % 3));
    });
    const total = gaps.reduce((a, b) => a + b, 0);
    const room = nowMs - createdMs - 10 * MINUTE;
    const scale = total > room ? room / total : 1;

    const event = (
      at: number,
      actor: PersonKey,
      kind: EventRow['kind'],
      fields: Partial<EventRow>,
    ) =>
      out.events.push({
        ticket_id: id,
        actor_id: person(actor),
        kind,
        field: null,
        old_value: null,
        new_value: null,
        internal: false,
        created_at: iso(at),
        seq: 0,
        ...fields,
      });

    let routed: Routing = routedLater ? { assigneeId: null, groupId: null } : finalRouting;
    // The number is the sequence's; the insert adds it to this event.
    event(createdMs, creator, 'created', {
      new_value: { subject: seed.subject, status: 'open', priority: seed.priority, ...routed },
    });

    let at = createdMs;
    let status: StatusStep = 'open';
    let postponedUntil: string | null = null;
    let resolvedMs: number | null = null;
    let closedMs: number | null = null;
    let firstResponseMs: number | null = null;
    let lastPublicAuthor: PersonKey | null = null;

    for (const [k, step] of steps.entries()) {
      at += Math.max(MINUTE, Math.round(gaps[k] * scale));
      if (step === 'assign' || step === 'take') {
        // Taking is the second half of "to the group, then to the agent who takes it".
        const next: Routing =
          step === 'assign' && taken
            ? { assigneeId: null, groupId: finalRouting.groupId }
            : finalRouting;
        event(at, step === 'take' ? worker : 'marina', step === 'take' ? 'taken' : 'assigned', {
          field: 'assigneeId',
          old_value: routed,
          new_value: next,
        });
        routed = next;
        continue;
      }
      if (isStatusStep(step)) {
        let actor: PersonKey = worker;
        if (step === 'open') actor = seed.requester; // the requester reopens
        if (step === 'closed') actor = internalTicket || i % 2 === 0 ? seed.requester : 'marina';
        event(at, actor, 'status_changed', { field: 'status', old_value: status, new_value: step });
        // Waiting for the customer is always until a date; leaving it clears the date.
        let postpone: string | null = null;
        if (step === 'needs_clarification') {
          postpone = iso(step === finalStatus && postponedMs !== null ? postponedMs : at + 3 * DAY);
        }
        if (postpone !== postponedUntil) {
          event(at, actor, 'field_changed', {
            field: 'postponedUntil',
            old_value: postponedUntil,
            new_value: postpone,
            seq: 1,
          });
          postponedUntil = postpone;
        }
        status = step;
        if (step === 'resolved') resolvedMs = at;
        if (step === 'open') resolvedMs = null;
        if (step === 'closed') closedMs = at;
        continue;
      }
      const kind: CommentStep = step;
      const fromRequester = ['ping', 'answer', 'thanks', 'reopen'].includes(kind);
      let author: PersonKey = fromRequester ? seed.requester : worker;
      if (kind === 'note' && (i % 3 === 0 || !assignee)) author = 'marina';
      const internal = kind === 'note';
      const commentId = randomUUID();
      out.comments.push({
        id: commentId,
        ticket_id: id,
        author_id: person(author),
        body: phrase(kind, lang, internalTicket, i + k, PEOPLE[author].locale),
        internal,
        created_at: iso(at),
      });
      event(at, author, 'comment_added', { internal, new_value: { commentId } });
      if (!internal) {
        lastPublicAuthor = author;
        // Any staff member's public comment is a response, as when written through the API.
        if (firstResponseMs === null && !isClient(author)) firstResponseMs = at;
      }
    }

    const active =
      status === 'open' || status === 'in_progress' || status === 'needs_clarification';
    const slaMs = createdMs + SLA_HOURS[seed.priority] * HOUR;
    let dueMs: number | null = slaMs;
    if (active && seed.overdue) dueMs = Math.min(slaMs, nowMs - 2 * HOUR);
    else if (postponedMs !== null) dueMs = postponedMs + SLA_HOURS[seed.priority] * HOUR;
    else if (active && internalTicket && seed.priority === 'low') dueMs = null;
    else if (active && slaMs < nowMs + HOUR) dueMs = nowMs + (6 + (i % 5) * 12) * HOUR;

    const org = internalTicket ? (seed.organization ?? null) : PEOPLE[seed.requester].organization;
    out.tickets.push({
      id,
      subject: seed.subject,
      description: seed.description,
      priority: seed.priority,
      status,
      type_key: seed.type,
      organization_id: org ? ids.organizations[org] : null,
      requester_id: person(seed.requester),
      assignee_id: finalRouting.assigneeId,
      group_id: finalRouting.groupId,
      due_at: dueMs === null ? null : iso(dueMs),
      postponed_until: postponedUntil,
      needs_reply: !internalTicket && active && lastPublicAuthor === seed.requester,
      first_responded_at: firstResponseMs === null ? null : iso(firstResponseMs),
      resolved_at: resolvedMs === null ? null : iso(resolvedMs),
      closed_at: closedMs === null ? null : iso(closedMs),
      channel: seed.channel,
      created_by_id: person(creator),
      created_at: iso(createdMs),
      updated_at: iso(at),
    });
  });
  return out;
}

/** Writes the tickets in three statements; numbers come from the sequence, oldest first. */
export async function insertDemoTickets(em: EntityManager, rows: DemoTicketRows): Promise<void> {
  const inserted = (await em.query(
    `INSERT INTO tickets (id, subject, description, priority, status, status_category, workflow_id,
                          type_id, organization_id, requester_id, assignee_id, group_id, due_at,
                          postponed_until, needs_reply, first_responded_at, resolved_at, closed_at,
                          channel, created_by_id, created_at, updated_at, status_changed_at,
                          next_timer_at)
     SELECT x.id, x.subject, x.description, x.priority, x.status, ws.category, w.id,
            tt.id, x.organization_id, x.requester_id, x.assignee_id, x.group_id, x.due_at,
            x.postponed_until, x.needs_reply, x.first_responded_at, x.resolved_at, x.closed_at,
            x.channel, x.created_by_id, x.created_at, x.updated_at, x.updated_at,
            -- Okdesk's only timer is the postpone-until return to Open.
            x.postponed_until
       FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, subject text, description text, priority text, status text, type_key text,
              organization_id uuid, requester_id uuid, assignee_id uuid, group_id uuid,
              due_at timestamptz, postponed_until timestamptz, needs_reply boolean,
              first_responded_at timestamptz, resolved_at timestamptz, closed_at timestamptz,
              channel text, created_by_id uuid, created_at timestamptz, updated_at timestamptz)
       JOIN workflows w ON w.key = 'okdesk'
       JOIN workflow_statuses ws ON ws.workflow_id = w.id AND ws.key = x.status
       JOIN ticket_types tt ON tt.key = x.type_key
      ORDER BY x.created_at
     RETURNING id`,
    [JSON.stringify(rows.tickets)],
  )) as { id: string }[];
  if (inserted.length !== rows.tickets.length) {
    // The Okdesk workflow or one of its types is missing: better no demo than half of one.
    throw new Error(
      `Demo data: ${rows.tickets.length - inserted.length} tickets did not match the okdesk workflow`,
    );
  }

  await em.query(
    `INSERT INTO ticket_comments (id, ticket_id, author_id, body, internal, created_at)
     SELECT x.id, x.ticket_id, x.author_id, x.body, x.internal, x.created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ticket_id uuid, author_id uuid, body text,
                                              internal boolean, created_at timestamptz)
      ORDER BY x.created_at`,
    [JSON.stringify(rows.comments)],
  );

  await em.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, internal, created_at)
     SELECT x.ticket_id, x.actor_id, x.kind, x.field, x.old_value,
            CASE WHEN x.kind = 'created' THEN x.new_value || jsonb_build_object('number', tk.number)
                 ELSE x.new_value END,
            x.internal, x.created_at + make_interval(secs => x.seq / 1000000.0)
       FROM jsonb_to_recordset($1::jsonb) AS x(ticket_id uuid, actor_id uuid, kind text, field text,
                                              old_value jsonb, new_value jsonb, internal boolean,
                                              created_at timestamptz, seq int)
       JOIN tickets tk ON tk.id = x.ticket_id
      ORDER BY x.created_at, x.seq`,
    [JSON.stringify(rows.events)],
  );
}
