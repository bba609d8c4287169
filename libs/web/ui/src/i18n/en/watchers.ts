/** Ticket watchers (namespace `watchers`), shared by both apps. */
export default {
  heading: 'Watchers',
  watch: 'Watch',
  unwatch: 'Stop watching',
  empty: 'Nobody watches this ticket.',
  remove: 'Remove {{name}}',
  client: 'client',
  add: 'Add a watcher',
  addHint: 'Colleagues and contacts of the organization who can see the ticket.',
  addColleagueHint: 'Colleagues of your organization who can see the ticket.',
  noCandidates: 'Nobody else to add.',
  historyAdded: '{{name}} watches the ticket',
  historyRemoved: '{{name}} no longer watches the ticket',
} as const;
