/** Strings of the bell (namespace `notifications`). */
export default {
  bell: 'Notifications',
  bellUnread_one: 'Notifications, {{count}} unread',
  bellUnread_other: 'Notifications, {{count}} unread',
  title: 'Notifications',
  empty: 'No notifications yet.',
  markAll: 'Mark all read',
  markRead: 'Mark read',
  markReadLabel: 'Mark “{{text}}” read',
  unread: 'Unread',
  loadMore: 'Load more',
} as const;
