import type { QueryRunner } from 'typeorm';

const STAFF = ['admin', 'dispatcher', 'agent'];

const STATUSES = [
  {
    key: 'open',
    category: 'open',
    initial: true,
    final: false,
    pausesSla: false,
    name: { en: 'Open', ru: 'Открыта', cs: 'Otevřený' },
  },
  {
    key: 'in_progress',
    category: 'open',
    initial: false,
    final: false,
    pausesSla: false,
    name: { en: 'In progress', ru: 'В работе', cs: 'Řeší se' },
  },
  {
    key: 'needs_clarification',
    category: 'pending',
    initial: false,
    final: false,
    pausesSla: true,
    name: { en: 'Needs clarification', ru: 'Требует уточнения', cs: 'Vyžaduje upřesnění' },
  },
  {
    key: 'resolved',
    category: 'resolved',
    initial: false,
    final: false,
    pausesSla: true,
    name: { en: 'Resolved', ru: 'Решена', cs: 'Vyřešený' },
  },
  {
    key: 'closed',
    category: 'closed',
    initial: false,
    final: true,
    pausesSla: true,
    name: { en: 'Closed', ru: 'Закрыта', cs: 'Uzavřený' },
  },
] as const;

/** [from, to, requester may make it] — staff may make every one of them. */
const TRANSITIONS: [string, string, boolean][] = [
  ['open', 'in_progress', false],
  ['open', 'needs_clarification', false],
  ['open', 'resolved', false],
  ['in_progress', 'needs_clarification', false],
  ['in_progress', 'resolved', false],
  ['needs_clarification', 'open', false],
  ['needs_clarification', 'in_progress', false],
  ['needs_clarification', 'resolved', false],
  ['resolved', 'closed', true],
  ['resolved', 'open', true],
];

export const OKDESK_TICKET_TYPES = [
  {
    key: 'microclimate',
    public: true,
    name: { en: 'Microclimate', ru: 'Микроклимат', cs: 'Mikroklima' },
  },
  {
    key: 'technological_equipment',
    public: true,
    name: {
      en: 'Technological equipment',
      ru: 'Технологическое оборудование',
      cs: 'Technologické zařízení',
    },
  },
  {
    key: 'design',
    public: false,
    name: { en: 'Design', ru: 'Проектирование', cs: 'Projektování' },
  },
  {
    key: 'software',
    public: false,
    name: { en: 'Software', ru: 'Программное обеспечение', cs: 'Software' },
  },
  {
    key: 'production',
    public: false,
    name: { en: 'Production', ru: 'Производство', cs: 'Výroba' },
  },
  {
    key: 'components',
    public: false,
    name: { en: 'Components', ru: 'Комплектующие', cs: 'Komponenty' },
  },
  { key: 'installation', public: false, name: { en: 'Installation', ru: 'Монтаж', cs: 'Montáž' } },
  { key: 'operation', public: false, name: { en: 'Operation', ru: 'Эксплуатация', cs: 'Provoz' } },
] as const;

/**
 * The Okdesk lifecycle and ticket types: reference data every installation needs, so it is
 * written by the migration rather than by the demo seed.
 */
export async function seedOkdeskWorkflow(q: QueryRunner): Promise<void> {
  const [{ id: workflowId }] = (await q.query(
    `INSERT INTO workflows (key, name) VALUES ('okdesk', $1) RETURNING id`,
    [JSON.stringify({ en: 'Okdesk', ru: 'Okdesk', cs: 'Okdesk' })],
  )) as { id: string }[];

  for (const [position, s] of STATUSES.entries()) {
    await q.query(
      `INSERT INTO workflow_statuses (workflow_id, key, name, category, is_initial, is_final, pauses_sla, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        workflowId,
        s.key,
        JSON.stringify(s.name),
        s.category,
        s.initial,
        s.final,
        s.pausesSla,
        position,
      ],
    );
  }
  for (const [position, [from, to, requester]] of TRANSITIONS.entries()) {
    await q.query(
      `INSERT INTO workflow_transitions
         (workflow_id, from_status, to_status, allowed_roles, allow_requester, requires_postpone, position)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [workflowId, from, to, STAFF, requester, to === 'needs_clarification', position],
    );
  }
  await q.query(
    `INSERT INTO workflow_timers (workflow_id, status_key, trigger, to_status)
     VALUES ($1, 'needs_clarification', 'postpone_expired', 'open')`,
    [workflowId],
  );
  for (const [position, t] of OKDESK_TICKET_TYPES.entries()) {
    await q.query(
      `INSERT INTO ticket_types (key, name, is_public, workflow_id, position) VALUES ($1, $2, $3, $4, $5)`,
      [t.key, JSON.stringify(t.name), t.public, workflowId, position],
    );
  }
}
