import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/notifications';

export default {
  title: 'Уведомления',
  empty: 'Уведомлений пока нет.',
  markAll: 'Прочитать все',
  markRead: 'Прочитано',
  markReadLabel: 'Отметить «{{text}}» прочитанным',
  unread: 'Не прочитано',
  loadMore: 'Показать ещё',
} satisfies Translation<typeof en>;
