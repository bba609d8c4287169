import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/calendar';

export default {
  title: 'Kalendář',
  month: 'Měsíc',
  week: 'Týden',
  viewMode: 'Zobrazení kalendáře',
  previousMonth: 'Předchozí měsíc',
  nextMonth: 'Další měsíc',
  previousWeek: 'Předchozí týden',
  nextWeek: 'Další týden',
  today: 'Dnes',
  showAll: 'Zobrazit všechny požadavky',
  todayDate: '{{date}} (dnes)',
  noTickets: 'žádné požadavky',
  more: 'Další: {{count}}',
  moreHint: ' — všechny požadavky dne ({{count}}): {{date}}',
  chip: {
    due: 'termín {{date}}',
    slaDue: 'termín SLA {{date}}',
    created: 'vytvořen {{date}}, bez termínu',
    priority: 'priorita: {{priority}}',
    overdue: 'po termínu',
  },
  legend: 'Priorita',
  empty: 'V tomto období nejsou žádné požadavky',
  count_one: '{{count}} požadavek',
  count_few: '{{count}} požadavky',
  count_many: '{{count}} požadavku',
  count_other: '{{count}} požadavků',
  truncated:
    'Požadavků je příliš mnoho, zobrazuje se jen prvních {{count}}. Zvolte kratší období nebo vypněte „Zobrazit všechny požadavky“.',
} satisfies Translation<typeof en>;
