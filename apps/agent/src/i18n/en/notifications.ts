/** Strings of the notification list (namespace `notifications`), loaded with the bell's popover. */
export default {
  title: 'Notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all read',
  markRead: 'Mark read',
  markReadLabel: 'Mark “{{text}}” read',
  unread: 'Unread',
  loadMore: 'Load more',
} as const;
