import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/notifications';

export default {
  bell: 'Oznámení',
  bellUnread_one: 'Oznámení, {{count}} nepřečtené',
  bellUnread_few: 'Oznámení, {{count}} nepřečtená',
  bellUnread_many: 'Oznámení, {{count}} nepřečteného',
  bellUnread_other: 'Oznámení, {{count}} nepřečtených',
  title: 'Oznámení',
  empty: 'Zatím žádná oznámení.',
  markAll: 'Označit vše jako přečtené',
  markRead: 'Přečteno',
  markReadLabel: 'Označit „{{text}}“ jako přečtené',
  unread: 'Nepřečteno',
  loadMore: 'Načíst další',
} satisfies Translation<typeof en>;
