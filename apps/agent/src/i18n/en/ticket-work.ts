/**
 * Strings of what configurable workflows added to the ticket screens (namespace `ticketWork`):
 * categories, projects, custom fields, links, transition requirements, the client's rating.
 */
export default {
  archived: {
    badge: 'Archived',
    note: 'This ticket is archived: it can be read, but no longer commented on, edited or given files.',
  },
  clear: 'Clear: {{label}}',
  fields: {
    category: 'Category',
    noCategory: 'No category',
    project: 'Project',
    noProject: 'No project',
    searchProject: 'Search projects',
    customHeading: 'Fields of the type',
    customSaved: 'Fields saved',
    customNone: 'This ticket type has no fields of its own.',
  },
  transition: {
    missing: 'Fill in first: {{fields}}',
    missingFor: 'To move to “{{status}}”, fill in: {{fields}}.',
    untilMax: 'At most {{days}} days ahead.',
    untilTooLate: 'The date can be at most {{days}} days ahead.',
    duplicateOf: 'Duplicate of',
    duplicateOfHint: 'The ticket this one repeats; the two are linked.',
    duplicateOfNeeded: 'Choose the ticket this one duplicates.',
    openChildrenTitle: 'Child tickets are still open',
    openChildrenBody: 'This ticket has open child tickets: {{numbers}}. Close them first.',
    openChildrenForce:
      'As a dispatcher or administrator you may close it anyway; this is recorded in the history.',
    closeAnyway: 'Close anyway',
  },
  pickers: {
    searchTicket: 'Number or words from the subject',
    ticketOption: '#{{number}} {{subject}}',
  },
  links: {
    heading: 'Linked tickets',
    empty: 'No linked tickets.',
    relation: 'Relation',
    ticket: 'Ticket',
    add: 'Link',
    added: 'Ticket linked',
    remove: 'Remove the link to #{{number}}',
    removed: 'Link removed',
    relations: {
      duplicate_of: 'Duplicate of',
      duplicated_by: 'Duplicated by',
      related: 'Related to',
      parent: 'Parent',
      child: 'Child',
    },
  },
  satisfaction: {
    heading: 'Client rating',
    stars: '{{rating}} of 5',
    via: { portal: 'in the portal', link: 'through a rating link' },
    given: 'Rated {{when}}, {{via}}',
  },
  history: {
    linkAdded: 'Linked: {{relation}} #{{number}}',
    linkRemoved: 'Link removed: {{relation}} #{{number}}',
    rated: 'Rated by the client: {{rating}} of 5',
    closeForced: 'Closed although child tickets were open: {{numbers}}',
    ratingLinkCreated: 'Rating link issued',
  },
} as const;
