import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/layout';

export default {
  workspace: 'Рабочее место',
  newTicket: 'Новая заявка',
  queues: 'Очереди',
  views: {
    unassigned: 'Неназначенные',
    mine: 'Для меня',
    created_by_me: 'Созданные мной',
    open: 'Открытые',
    closed: 'Закрытые',
    needs_reply: 'Требуют ответа',
    overdue: 'Просроченные',
    recent: 'Последние',
    by_user: 'По пользователю',
    by_department: 'По подразделению',
    all: 'Все заявки',
  },
  calendar: 'Календарь',
  admin: 'Администрирование',
  satisfaction: 'Отчёт об удовлетворённости',
  profile: 'Профиль',
  notifications: 'Уведомления',
  notificationsUnread_one: 'Уведомления, {{count}} непрочитанное',
  notificationsUnread_few: 'Уведомления, {{count}} непрочитанных',
  notificationsUnread_many: 'Уведомления, {{count}} непрочитанных',
  notificationsUnread_other: 'Уведомления, {{count}} непрочитанного',
  supportLevels: 'Отчёт по линиям поддержки',
  mailQuarantine: 'Карантин почты',
  navigation: 'Основная навигация',
  toggleNavigation: 'Показать или скрыть меню',
} satisfies Translation<typeof en>;
