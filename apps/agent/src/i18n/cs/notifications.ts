import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/notifications';

export default {
  title: 'Oznámení',
  empty: 'Zatím žádná oznámení.',
  markAll: 'Označit vše jako přečtené',
  markRead: 'Přečteno',
  markReadLabel: 'Označit „{{text}}“ jako přečtené',
  unread: 'Nepřečteno',
  loadMore: 'Načíst další',
} satisfies Translation<typeof en>;
