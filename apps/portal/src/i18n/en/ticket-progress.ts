/**
 * Strings of what a client sees of a ticket's progress (namespace `ticketProgress`): the
 * promised times, the history beside the conversation, and projects.
 */
export default {
  promise: {
    title: 'What to expect',
    firstResponse: 'First answer expected by {{date}}',
    resolution: 'Solution expected by {{date}}',
    paused: 'Paused',
    pausedHint: 'The clock stands still while the ticket waits, for example for your reply.',
    cardFirstResponse: 'Answer by {{date}}',
    cardResolution: 'Solution by {{date}}',
  },
  history: {
    title: 'History',
    empty: 'Nothing has happened yet.',
    more: 'Show earlier events',
    created: 'Ticket created',
    status: 'Status changed: {{from}} → {{to}}',
    assigned: 'Taken on by the support team',
    comment: 'New reply',
    attachment: 'File added',
    rated: 'Solution rated',
    watcherAdded: 'Watcher added',
    watcherRemoved: 'Watcher removed',
    fieldChanged: '{{field}} changed',
    fieldValue: '{{field}}: {{value}}',
    fields: {
      subject: 'Subject',
      description: 'Description',
      priority: 'Priority',
      typeId: 'Type',
      organizationId: 'Organization',
      requesterId: 'Requester',
      categoryId: 'Category',
      postponedUntil: 'Postponed until',
      custom: 'A field',
    },
    you: 'You',
    supportTeam: 'Support team',
    system: 'Automatically',
  },
  project: {
    label: 'Project',
    none: 'No project',
    all: 'All projects',
  },
} as const;
