import type { EntityManager } from 'typeorm';
import type { TicketPriority, WorkingInterval } from '@relaydesk/contracts';
import { BusinessCalendar } from '../../modules/sla/business-time.js';
import { clocksStopped, deadlines, nextCheckAt, NOT_PAUSED } from '../../modules/sla/sla-clock.js';

const OFFICE: WorkingInterval[] = [{ start: '09:00', end: '18:00' }];
const SHORT: WorkingInterval[] = [{ start: '09:00', end: '17:00' }];

/** Russia's non-working days of 2026 (production calendar, with the transferred days). */
const RU_HOLIDAYS_2026 = [
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((d) => `2026-01-${d}`),
  '2026-02-23',
  '2026-03-09',
  '2026-05-01',
  '2026-05-11',
  '2026-06-12',
  '2026-11-04',
  '2026-12-31',
];
/** Pre-holiday days are an hour shorter. */
const RU_SHORT_DAYS_2026 = ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'];

const POLICIES: {
  name: string;
  priorities: TicketPriority[];
  firstResponseSeconds: number;
  resolutionSeconds: number;
}[] = [
  {
    name: 'Urgent and high',
    priorities: ['urgent', 'high'],
    firstResponseSeconds: 3600,
    resolutionSeconds: 8 * 3600,
  },
  {
    name: 'Standard',
    priorities: [],
    firstResponseSeconds: 4 * 3600,
    resolutionSeconds: 27 * 3600,
  },
];

/**
 * A Moscow office calendar (Mon–Fri 09:00–18:00, Russian holidays) with two policies, and the
 * SLA clocks of every demo ticket computed as the API would have on creation. Clocks of tickets
 * resolved or waiting stand still since they entered that status; the sweep records what is
 * overdue on its first tick, so the demo's bell has breaches and escalations in it.
 */
export async function insertDemoSla(em: EntityManager): Promise<void> {
  const spec = {
    timeZone: 'Europe/Moscow',
    week: [OFFICE, OFFICE, OFFICE, OFFICE, OFFICE, [], []],
    holidays: RU_HOLIDAYS_2026,
    exceptions: RU_SHORT_DAYS_2026.map((date) => ({ date, intervals: SHORT })),
  };
  const [{ id: calendarId }] = (await em.query(
    `INSERT INTO sla_calendars (name, time_zone, week, holidays, exceptions)
     VALUES ('Moscow office', $1, $2::jsonb, $3::jsonb, $4::jsonb) RETURNING id`,
    [
      spec.timeZone,
      JSON.stringify(spec.week),
      JSON.stringify(spec.holidays),
      JSON.stringify(spec.exceptions),
    ],
  )) as { id: string }[];
  const policies: { id: string; priorities: TicketPriority[]; fr: number; res: number }[] = [];
  for (const [position, p] of POLICIES.entries()) {
    const [{ id }] = (await em.query(
      `INSERT INTO sla_policies (name, position, calendar_id, priorities, first_response_seconds, resolution_seconds)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [p.name, position, calendarId, p.priorities, p.firstResponseSeconds, p.resolutionSeconds],
    )) as { id: string }[];
    policies.push({
      id,
      priorities: p.priorities,
      fr: p.firstResponseSeconds,
      res: p.resolutionSeconds,
    });
  }

  const calendar = new BusinessCalendar(spec);
  const tickets = (await em.query(
    `SELECT t.id, t.priority, t.created_at, t.status_changed_at, t.first_responded_at,
            t.status_category, COALESCE(ws.pauses_sla, false) AS pauses_sla
       FROM tickets t
       LEFT JOIN workflow_statuses ws ON ws.workflow_id = t.workflow_id AND ws.key = t.status`,
  )) as {
    id: string;
    priority: TicketPriority;
    created_at: Date;
    status_changed_at: Date;
    first_responded_at: Date | null;
    status_category: string;
    pauses_sla: boolean;
  }[];
  const rows = tickets.map((t) => {
    const policy = policies.find(
      (p) => p.priorities.length === 0 || p.priorities.includes(t.priority),
    )!;
    const d = deadlines(
      calendar,
      { firstResponseSeconds: policy.fr, resolutionSeconds: policy.res, reminderPercent: 75 },
      t.created_at,
      NOT_PAUSED,
    );
    const pausedAt = clocksStopped({ pausesSla: t.pauses_sla, category: t.status_category })
      ? t.status_changed_at
      : null;
    const next = nextCheckAt({
      ...d,
      pausedAt,
      firstRespondedAt: t.first_responded_at,
      firstResponseBreachedAt: null,
      resolutionBreachedAt: null,
      remindersSent: 0,
    });
    return [
      t.id,
      policy.id,
      d.firstResponseDueAt,
      d.firstResponseRemindAt,
      d.resolutionDueAt,
      d.resolutionRemindAt,
      pausedAt,
      next,
    ];
  });
  const column = (i: number) => rows.map((r) => r[i]);
  await em.query(
    `UPDATE tickets t SET sla_policy_id = x.policy, first_response_due_at = x.fr_due,
            first_response_remind_at = x.fr_remind, resolution_due_at = x.res_due,
            resolution_remind_at = x.res_remind, sla_paused_at = x.paused, sla_next_check_at = x.next
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
                   $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
            AS x(id, policy, fr_due, fr_remind, res_due, res_remind, paused, next)
      WHERE t.id = x.id`,
    [0, 1, 2, 3, 4, 5, 6, 7].map(column),
  );
}
