/**
 * Strings both SPAs use: the login page, actions, errors, and the words for the values of the
 * data model (priorities, statuses, status categories, roles), defined here once.
 */
export default {
  appName: 'Relaydesk',
  login: {
    title: 'Sign in',
    email: 'E-mail',
    password: 'Password',
    submit: 'Sign in',
    failed: 'Invalid e-mail or password',
    tooMany: 'Too many attempts. Try again in {{seconds}} s.',
    staffOnly: 'This workspace is for staff. Clients use the portal.',
    forgot: 'Forgot password?',
  },
  logout: 'Sign out',
  sessions: {
    title: 'Sessions',
    hint: 'Signs you out on every device and in both apps, this browser included. Use it if a device was lost or someone else may know your password.',
    signOutEverywhere: 'Sign out everywhere',
  },
  language: 'Language',
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
  reload: 'Reload',
  loading: 'Loading…',
  search: 'Search',
  none: '—',
  loadMore: 'Load more',
  empty: 'Nothing here yet',
  pwa: {
    offline: 'You are offline. What you see was loaded earlier; changes need a connection.',
    updated: 'A new version of Relaydesk is available.',
  },
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'The server cannot be reached.',
    notFound: 'Not found, or you do not have access.',
    forbidden: 'You are not allowed to do this.',
    conflict: 'Someone else changed this in the meantime.',
    tooLarge: 'The file or text is too large.',
  },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  role: {
    admin: 'Administrator',
    dispatcher: 'Dispatcher',
    agent: 'Agent',
    client: 'Client',
  },
  statusCategory: {
    new: 'New',
    open: 'Open',
    pending: 'Pending',
    resolved: 'Resolved',
    closed: 'Closed',
    canceled: 'Canceled',
    informational: 'Informational',
  },
  status: {
    open: 'Open',
    in_progress: 'In progress',
    needs_clarification: 'Needs clarification',
    resolved: 'Resolved',
    closed: 'Closed',
    // The HappyDesk and Pythagoras presets' own statuses.
    new: 'New',
    waiting_for_customer: 'Waiting for customer',
    hold: 'Hold',
    fixed: 'Fixed',
    canceled: 'Canceled',
    solving: 'Solving',
    returned: 'Returned',
    done: 'Done',
    // The Informational status an admin adds to the Okdesk workflow (PayDox).
    informational: 'Informational',
  },
} as const;
