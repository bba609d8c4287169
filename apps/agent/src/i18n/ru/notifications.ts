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
  clock: { first_response: 'первый ответ', resolution: 'решение' },
  kind: {
    sla_reminder: 'Напоминание SLA: прошло {{percent}}% срока ({{clock}}), срок {{due}}',
    sla_breached: 'Нарушен SLA: {{clock}}, срок был {{due}}',
    sla_escalated: 'Эскалация вам: пропущен срок ({{clock}}, {{due}})',
    deputyship_ended: 'Замещение окончено: {{deputy}} за {{principal}}',
    other: 'Уведомление',
  },
} satisfies Translation<typeof en>;
