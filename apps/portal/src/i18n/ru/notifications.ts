import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/notifications';

export default {
  bell: 'Уведомления',
  bellUnread_one: 'Уведомления, {{count}} непрочитанное',
  bellUnread_few: 'Уведомления, {{count}} непрочитанных',
  bellUnread_many: 'Уведомления, {{count}} непрочитанных',
  bellUnread_other: 'Уведомления, {{count}} непрочитанного',
  title: 'Уведомления',
  empty: 'Уведомлений пока нет.',
  markAll: 'Прочитать все',
  markRead: 'Прочитано',
  markReadLabel: 'Отметить «{{text}}» прочитанным',
  unread: 'Не прочитано',
  loadMore: 'Показать ещё',
} satisfies Translation<typeof en>;
