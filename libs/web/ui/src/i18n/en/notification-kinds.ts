import type { NotificationKind } from '@relaydesk/contracts';

/**
 * Notification kinds and channels in words (namespace `notificationKinds`), shared by both apps:
 * the bell's sentences, the preferences card and the admins' defaults.
 */
const strings = {
  name: {
    ticket_acknowledged: 'Confirmation of a new request',
    ticket_new: 'New tickets',
    ticket_assigned: 'Tickets assigned to you',
    ticket_unassigned: 'Tickets no longer yours',
    ticket_escalated: 'Escalated tickets',
    comment_public: 'Replies',
    comment_internal: 'Internal notes',
    status_changed: 'Status changes',
    ticket_reopened: 'Reopened tickets',
    sla_reminder: 'SLA reminders',
    sla_breached: 'SLA breaches',
    sla_escalated: 'SLA breaches escalated to you',
    deputyship_started: 'Deputyship started',
    deputyship_ended: 'Deputyship ended',
    work_allowance_reached: 'Contract allowance reached',
  },
  sentence: {
    ticket_acknowledged: 'Your request has been received',
    ticket_new: 'New ticket',
    ticket_assigned: 'Assigned to you',
    ticket_unassigned: 'No longer assigned to you',
    ticket_escalated: 'Escalated to your group',
    comment_public: 'New reply',
    comment_internal: 'New internal note',
    status_changed: 'Status changed',
    status_changed_to: 'Status changed to {{status}}',
    ticket_reopened: 'Ticket reopened',
    sla_reminder: 'SLA reminder: {{percent}}% of the {{clock}} time used, due {{due}}',
    sla_breached: 'SLA breached: {{clock}} was due {{due}}',
    sla_escalated: 'Escalated to you: {{clock}} deadline missed ({{due}})',
    deputyship_started: 'Deputyship started: {{deputy}} for {{principal}}',
    deputyship_ended: 'Deputyship ended: {{deputy}} for {{principal}}',
    work_allowance_reached: 'Contract {{contract}}: {{percent}}% of the prepaid hours used',
    by: '{{text}} · {{name}}',
    other: 'Notification',
  },
  clock: { first_response: 'first response', resolution: 'resolution' },
  channel: { in_app: 'In the app', email: 'E-mail', sms: 'SMS' },
  preferences: {
    title: 'Notifications',
    hint: 'Choose how you hear of each kind of event.',
    kind: 'Event',
    cell: '{{kind}}: {{channel}}',
    chosen: 'Your choice (the default is different or may change)',
    reset: 'Reset to defaults',
    saved: 'Notification settings saved.',
    smsUnavailable:
      'SMS can be turned on once your profile has a phone number and your consent to SMS.',
  },
  defaults: {
    title: 'Notification defaults',
    hint: 'What people get until they choose for themselves. A change applies at once to everyone who has not chosen that cell.',
    audience: 'Who can get it',
    clients: 'Staff and clients',
    staff: 'Staff',
    saved: 'Defaults saved.',
  },
} as const;
export default strings;

// Every kind named and said: a kind added to the contracts fails the type check until it is.
// (A type-level check, not `satisfies`, which would widen the strings and lose the placeholder
// checks of the translations.)
type Covers<T> = [Exclude<NotificationKind, keyof T>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type EveryKindNamed = Assert<Covers<typeof strings.name>>;
export type EveryKindSaid = Assert<Covers<typeof strings.sentence>>;
