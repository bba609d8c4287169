import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/sla-clock';

export default {
  duration: {
    lessThanMinute: '< 1 мин',
    d: '{{d}} д',
    dh: '{{d}} д {{h}} ч',
    h: '{{h}} ч',
    hm: '{{h}} ч {{m}} мин',
    m: '{{m}} мин',
  },
  left: 'осталось {{time}}',
  overdueBy: 'Просрочено на {{time}}',
  paused: 'На паузе',
  pausedLeft: 'На паузе, осталось {{time}}',
  urgency: { overdue: 'Просрочено', soon: 'Срок скоро', ok: 'В срок' },
  source: { sla: 'Срок по SLA', manual: 'Срок' },
  card: {
    heading: 'SLA',
    policy: 'Политика: {{name}}',
    noPolicy: 'К этой заявке не применяется политика SLA.',
    firstResponse: 'Первый ответ',
    resolution: 'Решение',
    due: 'Срок {{time}}',
    notMeasured: 'Не измеряется',
    met: 'Выполнено',
    metAt: 'Выполнено {{time}}',
    breached: 'Нарушено',
    breachedAt: 'Нарушено {{time}}',
    pausedSince: 'Часы на паузе с {{time}}',
  },
} satisfies Translation<typeof en>;
