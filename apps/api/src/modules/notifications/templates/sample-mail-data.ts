import type { MailData, MailKind, TicketMailBase } from './mail-data.js';

// One filled-in example of every kind's data, for tests and previews. Typed against the contract,
// so a new kind (or a new field) without a sample fails to compile.

const base = (audience: TicketMailBase['audience']): TicketMailBase => ({
  ticket: {
    id: '6f1c2d3e-0000-4000-8000-000000001042',
    number: 1042,
    subject: 'Printer jams',
    priority: 'high',
    statusName: 'Open',
  },
  audience,
  actorName: 'Anna Novak',
  timeZone: 'Europe/Prague',
  occurredAt: '2026-12-07T08:00:00.000Z',
});

const deputyship = {
  principal: { id: 'b1000000-0000-4000-8000-000000000001', name: 'Petr Svoboda' },
  deputy: { id: 'b1000000-0000-4000-8000-000000000002', name: 'Jana Dvořák' },
  startsAt: '2026-12-07T07:00:00.000Z',
  endsAt: '2026-12-12T16:00:00.000Z',
  timeZone: 'Europe/Prague',
};

export const SAMPLE_MAIL_DATA: { readonly [K in MailKind]: MailData<K> } = {
  ticket_acknowledged: {
    ...base('client'),
    firstResponseDueAt: '2026-12-07T12:00:00.000Z',
    resolutionDueAt: '2026-12-09T08:00:00.000Z',
    workingHours: null,
  },
  ticket_new: {
    ...base('staff'),
    requesterName: 'Olga Petrova',
    organizationName: 'Acme s.r.o.',
    description: 'The printer on floor 2 jams on every page.\nTried a new toner.',
  },
  ticket_assigned: { ...base('staff'), assigneeName: 'Karel Novy', groupName: 'Hardware' },
  ticket_unassigned: { ...base('staff'), newAssigneeName: 'Karel Novy' },
  ticket_escalated: { ...base('staff'), fromLevel: 1, toLevel: 2, groupName: 'Second line' },
  comment_public: {
    ...base('client'),
    commentId: 'c1000000-0000-4000-8000-000000000001',
    authorName: 'Karel Novy',
    body: 'Please restart the printer.\n\nIf it still jams, send us a photo.',
  },
  comment_internal: {
    ...base('staff'),
    commentId: 'c1000000-0000-4000-8000-000000000002',
    authorName: 'Karel Novy',
    body: 'The customer has an expired contract; check before sending a technician.',
  },
  status_changed: {
    ...base('client'),
    ticket: { ...base('client').ticket, statusName: 'Resolved' },
    category: 'resolved',
    question: 'We replaced the fuser unit.',
    ratingUrl: 'https://desk.example.com/api/v1/ratings/sample-token?rating=5',
    acceptance: true,
  },
  ticket_reopened: base('staff'),
  sla_reminder: {
    ...base('staff'),
    clock: 'first_response',
    dueAt: '2026-12-07T10:30:00.000Z',
    reminderPercent: 75,
  },
  sla_breached: { ...base('staff'), clock: 'resolution', dueAt: '2026-12-07T07:55:00.000Z' },
  sla_escalated: { ...base('staff'), clock: 'resolution', dueAt: '2026-12-07T06:00:00.000Z' },
  deputyship_started: deputyship,
  deputyship_ended: { ...deputyship, reason: 'expired' },
  work_allowance_reached: {
    contract: {
      id: '6f1c2a4e-0000-4000-8000-000000000018',
      number: 'SO-117/2025',
      title: 'Service',
    },
    organizationName: 'Yuzhny',
    threshold: 80,
    periodStart: '2026-12-01',
    periodEnd: '2026-12-31',
    usedSeconds: 115200,
    allowanceSeconds: 144000,
  },
  account_welcome: {
    name: 'Olga Petrova',
    actionUrl: 'https://desk.example.com/set-password?token=sample-secret-token',
    expiresAt: '2026-12-10T08:00:00.000Z',
    audience: 'client',
  },
  password_reset: {
    name: 'Olga Petrova',
    actionUrl: 'https://desk.example.com/reset-password?token=sample-secret-token',
    expiresAt: '2026-12-07T09:00:00.000Z',
    audience: 'client',
  },
  email_change: {
    name: 'Olga Petrova',
    newEmail: 'olga.new@customer.test',
    actionUrl: 'https://desk.example.com/confirm-email?token=sample-secret-token',
    expiresAt: '2026-12-08T08:00:00.000Z',
    audience: 'staff',
  },
  web_form_confirmation: {
    actionUrl: 'https://desk.example.com/form/confirm#token=sample-secret-token',
    expiresAt: '2026-12-08T08:00:00.000Z',
    audience: 'client',
  },
  mail_refused: {
    receivedAt: '2026-12-07T08:00:00.000Z',
    why: 'unknown_sender',
    audience: 'client',
  },
  webhook_disabled: {
    name: 'Anna Admin',
    actionUrl: 'https://desk.example.com/agent/admin/webhooks',
    endpointUrl: 'https://erp.example.com/hooks/relaydesk',
    description: 'ERP sync',
    failures: 20,
    lastError: 'the receiver answered 503',
    disabledAt: '2026-12-07T08:00:00.000Z',
    audience: 'staff',
  },
};
