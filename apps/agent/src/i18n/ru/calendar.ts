import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/calendar';

export default {
  title: 'Календарь',
  month: 'Месяц',
  week: 'Неделя',
  viewMode: 'Вид календаря',
  previousMonth: 'Предыдущий месяц',
  nextMonth: 'Следующий месяц',
  previousWeek: 'Предыдущая неделя',
  nextWeek: 'Следующая неделя',
  today: 'Сегодня',
  showAll: 'Показать все заявки',
  todayDate: '{{date}} (сегодня)',
  noTickets: 'заявок нет',
  more: 'Ещё {{count}}',
  moreHint: ' — все заявки дня ({{count}}): {{date}}',
  chip: {
    due: 'срок {{date}}',
    slaDue: 'срок по SLA {{date}}',
    created: 'создана {{date}}, срок не задан',
    priority: 'приоритет: {{priority}}',
    overdue: 'просрочена',
  },
  legend: 'Приоритет',
  empty: 'За этот период заявок нет',
  count_one: '{{count}} заявка',
  count_few: '{{count}} заявки',
  count_many: '{{count}} заявок',
  count_other: '{{count}} заявки',
  truncated:
    'Заявок слишком много, показаны только первые {{count}}. Выберите период короче или отключите «Показать все заявки».',
} satisfies Translation<typeof en>;
