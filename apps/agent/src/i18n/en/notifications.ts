/** Strings of the notification list (namespace `notifications`), loaded with the bell's popover. */
export default {
  title: 'Notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all read',
  markRead: 'Mark read',
  markReadLabel: 'Mark “{{text}}” read',
  unread: 'Unread',
  loadMore: 'Load more',
  clock: { first_response: 'first response', resolution: 'resolution' },
  kind: {
    sla_reminder: 'SLA reminder: {{percent}}% of the {{clock}} time used, due {{due}}',
    sla_breached: 'SLA breached: {{clock}} was due {{due}}',
    sla_escalated: 'Escalated to you: {{clock}} deadline missed ({{due}})',
    deputyship_ended: 'Deputyship ended: {{deputy}} for {{principal}}',
    other: 'Notification',
  },
} as const;
