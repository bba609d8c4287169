import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { TicketPriority, TranslatedText } from '@relaydesk/contracts';
import { createWorkflow } from '../../modules/workflow/create-workflow.js';
import { HAPPYDESK_PRESET } from '../../modules/workflow/presets/happydesk.preset.js';
import { PYTHAGORAS_PRESET } from '../../modules/workflow/presets/pythagoras.preset.js';
import { PEOPLE, type DirectoryIds, type PersonKey, type StaffKey } from './demo-directory.js';

const MINUTE = 60_000;
/** Pythagoras addresses a project's tickets to its manager; the demo project is Dmitry's. */
const PROJECT_MANAGER: StaffKey = 'dmitry';

interface DemoType {
  key: string;
  name: TranslatedText;
  isPublic: boolean;
  defaultPriority: TicketPriority;
  workflow: 'happydesk' | 'pythagoras';
}

export const DEMO_WORKFLOW_TYPES: DemoType[] = [
  {
    key: 'website_issue',
    name: { en: 'Website issue', ru: 'Проблема с сайтом', cs: 'Problém s webem' },
    isPublic: true,
    defaultPriority: 'high',
    workflow: 'happydesk',
  },
  {
    key: 'project_task',
    name: { en: 'Project task', ru: 'Задача проекта', cs: 'Projektový úkol' },
    isPublic: false,
    defaultPriority: 'normal',
    workflow: 'pythagoras',
  },
];

interface DemoWorkflowTicket {
  type: string;
  subject: string;
  description: string;
  requester: PersonKey;
  /**
   * Who works on it; a customer's ticket is routed to them by the dispatcher. null: nobody yet
   * (a customer's ticket waiting in New for someone to take it).
   */
  assignee: StaffKey | null;
  group: 'l1' | 'l2';
  channel: 'portal' | 'agent';
  /** Status keys after the initial one, each a transition of the workflow, by the assignee. */
  path: string[];
  /** Minutes before the seed's "now" the ticket was opened; the steps follow it. */
  minutesAgo: number;
}

/**
 * The newest tickets of the demo: ticket numbers follow creation time, and every Okdesk demo
 * ticket is at least an hour old, so these are opened within the last hour.
 */
const TICKETS: DemoWorkflowTicket[] = [
  {
    type: 'website_issue',
    subject: 'Сайт теплицы не открывается с телефона',
    description:
      'На телефоне страница заказа рассады показывает пустой экран, с компьютера всё работает.',
    requester: 'sergey',
    assignee: 'alexey',
    group: 'l1',
    channel: 'portal',
    path: ['in_progress'],
    minutesAgo: 55,
  },
  {
    type: 'website_issue',
    subject: 'Formulář objednávky na webu neodesílá e-mail',
    description: 'Zákazníci odešlou objednávku, ale potvrzovací e-mail jim nepřijde.',
    requester: 'lucie',
    assignee: 'tereza',
    group: 'l1',
    channel: 'portal',
    path: ['in_progress', 'fixed'],
    minutesAgo: 45,
  },
  {
    type: 'project_task',
    subject: 'Подготовить спецификацию системы капельного полива',
    description: 'Для проекта новой теплицы: расход воды по секциям, насосы, фильтры.',
    requester: 'marina',
    assignee: PROJECT_MANAGER,
    group: 'l2',
    channel: 'agent',
    path: ['solving'],
    minutesAgo: 35,
  },
  {
    type: 'project_task',
    subject: 'Aktualizovat výkresy rozvodů vytápění',
    description: 'Po výměně kotle je potřeba překreslit rozvody ve skleníku B.',
    requester: 'tereza',
    assignee: 'jan',
    group: 'l2',
    channel: 'agent',
    path: ['solving', 'done'],
    minutesAgo: 25,
  },
  {
    // Waiting in New for an agent: taking it (or the dispatcher assigning it) starts the work.
    type: 'website_issue',
    subject: 'Не приходит SMS с кодом для входа в личный кабинет',
    description: 'Нажимаю «Получить код», но сообщение так и не приходит уже полчаса.',
    requester: 'sergey',
    assignee: null,
    group: 'l1',
    channel: 'portal',
    path: [],
    minutesAgo: 15,
  },
  {
    // Addressed to the project's manager, who hands it to a member: it becomes Solving.
    type: 'project_task',
    subject: 'Подобрать датчики влажности почвы для секций A–D',
    description: 'Нужны модели с выходом 4–20 мА, по два датчика на секцию.',
    requester: 'marina',
    assignee: PROJECT_MANAGER,
    group: 'l2',
    channel: 'agent',
    path: [],
    minutesAgo: 10,
  },
];

/**
 * HappyDesk and Pythagoras, installed the way an admin installs them, with a ticket type each
 * and a few tickets that went some way through their lifecycle.
 */
export async function insertDemoWorkflows(
  em: EntityManager,
  ids: DirectoryIds,
  now: Date,
): Promise<void> {
  const workflowIds = {
    happydesk: await createWorkflow(em, HAPPYDESK_PRESET, now),
    pythagoras: await createWorkflow(em, PYTHAGORAS_PRESET, now),
  };
  await em.query(
    `INSERT INTO ticket_types (key, name, is_public, workflow_id, default_priority, position)
     SELECT x.key, x.name, x."isPublic", x."workflowId", x."defaultPriority",
            (SELECT coalesce(max(position), -1) FROM ticket_types) + x.ord
       FROM jsonb_to_recordset($1::jsonb) AS x(key text, name jsonb, "isPublic" boolean,
                                              "workflowId" uuid, "defaultPriority" text, ord int)`,
    [
      JSON.stringify(
        DEMO_WORKFLOW_TYPES.map((t, i) => ({
          ...t,
          workflowId: workflowIds[t.workflow],
          ord: i + 1,
        })),
      ),
    ],
  );
  await insertTickets(em, ids, now);
}

async function insertTickets(em: EntityManager, ids: DirectoryIds, now: Date): Promise<void> {
  const iso = (ms: number) => new Date(ms).toISOString();
  const tickets: Record<string, unknown>[] = [];
  const events: Record<string, unknown>[] = [];
  for (const t of TICKETS) {
    const type = DEMO_WORKFLOW_TYPES.find((d) => d.key === t.type)!;
    const preset = type.workflow === 'happydesk' ? HAPPYDESK_PRESET : PYTHAGORAS_PRESET;
    const initial = preset.statuses.find((s) => s.isInitial)!.key;
    const requester = PEOPLE[t.requester];
    const fromCustomer = requester.role === 'client';
    const routing = t.assignee
      ? { assigneeId: ids.people[t.assignee], groupId: ids.groups[t.group] }
      : { assigneeId: null, groupId: null };
    const id = randomUUID();
    const subject = t.subject;
    let at = now.getTime() - t.minutesAgo * MINUTE;
    const createdAt = at;
    const event = (actor: PersonKey, kind: string, fields: Record<string, unknown>) =>
      events.push({
        ticket_id: id,
        actor_id: ids.people[actor],
        kind,
        field: null,
        old_value: null,
        new_value: null,
        created_at: iso(at),
        ...fields,
      });

    // Staff file their own tasks already routed; a customer's waits for the dispatcher.
    const atCreation = fromCustomer ? { assigneeId: null, groupId: null } : routing;
    event(t.requester, 'created', {
      new_value: { subject, status: initial, priority: type.defaultPriority, ...atCreation },
    });
    if (fromCustomer && t.assignee) {
      at += 3 * MINUTE;
      event('marina', 'assigned', {
        field: 'assigneeId',
        old_value: atCreation,
        new_value: routing,
      });
    }
    let status = initial;
    let resolvedAt: string | null = null;
    for (const next of t.path) {
      at += (5 + t.minutesAgo / 5) * MINUTE;
      event(t.assignee!, 'status_changed', { field: 'status', old_value: status, new_value: next });
      status = next;
      const category = preset.statuses.find((s) => s.key === next)!.category;
      resolvedAt = category === 'resolved' ? iso(at) : null;
    }
    tickets.push({
      id,
      subject,
      description: t.description,
      priority: type.defaultPriority,
      status,
      type_key: t.type,
      organization_id: requester.organization ? ids.organizations[requester.organization] : null,
      requester_id: ids.people[t.requester],
      assignee_id: routing.assigneeId,
      group_id: routing.groupId,
      // A customer's website problem gets a day, like a high-priority Okdesk ticket.
      due_at: fromCustomer ? iso(createdAt + 24 * 60 * MINUTE) : null,
      resolved_at: resolvedAt,
      channel: t.channel,
      created_by_id: ids.people[t.requester],
      created_at: iso(createdAt),
      updated_at: iso(at),
    });
  }

  // The next timer, as a transition would set it: these tickets have no postpone-until.
  await em.query(
    `INSERT INTO tickets (id, subject, description, priority, status, status_category, workflow_id,
                          type_id, organization_id, requester_id, assignee_id, group_id, due_at,
                          resolved_at, channel, created_by_id, created_at, updated_at,
                          status_changed_at, next_timer_at, project_id)
     SELECT x.id, x.subject, x.description, x.priority, x.status, ws.category, tt.workflow_id,
            tt.id, x.organization_id, x.requester_id, x.assignee_id, x.group_id, x.due_at,
            x.resolved_at, x.channel, x.created_by_id, x.created_at, x.updated_at, x.updated_at,
            (SELECT min(x.updated_at + make_interval(secs => wt.after_seconds))
               FROM workflow_timers wt
              WHERE wt.workflow_id = tt.workflow_id AND wt.status_key = x.status
                AND wt.trigger = 'after_time'),
            -- Project tasks belong to the demo project their manager runs, when there is one.
            CASE WHEN x.type_key = 'project_task' THEN (
              SELECT p.id FROM projects p WHERE p.manager_id = $2 ORDER BY p.created_at LIMIT 1)
            END
       FROM jsonb_to_recordset($1::jsonb) AS x(
              id uuid, subject text, description text, priority text, status text, type_key text,
              organization_id uuid, requester_id uuid, assignee_id uuid, group_id uuid,
              due_at timestamptz, resolved_at timestamptz, channel text, created_by_id uuid,
              created_at timestamptz, updated_at timestamptz)
       JOIN ticket_types tt ON tt.key = x.type_key
       JOIN workflow_statuses ws ON ws.workflow_id = tt.workflow_id AND ws.key = x.status
      ORDER BY x.created_at`,
    [JSON.stringify(tickets), ids.people[PROJECT_MANAGER]],
  );
  await em.query(
    `INSERT INTO ticket_events (ticket_id, actor_id, kind, field, old_value, new_value, created_at)
     SELECT x.ticket_id, x.actor_id, x.kind, x.field, x.old_value,
            CASE WHEN x.kind = 'created' THEN x.new_value || jsonb_build_object('number', tk.number)
                 ELSE x.new_value END,
            x.created_at
       FROM jsonb_to_recordset($1::jsonb) AS x(ticket_id uuid, actor_id uuid, kind text,
                                              field text, old_value jsonb, new_value jsonb,
                                              created_at timestamptz)
       JOIN tickets tk ON tk.id = x.ticket_id
      ORDER BY x.created_at`,
    [JSON.stringify(events)],
  );
}
