/** Strings of the namespace `calendar`. */
export default {
  title: 'Calendar',
  month: 'Month',
  week: 'Week',
  viewMode: 'Calendar view',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  today: 'Today',
  showAll: 'Show all tickets',
  todayDate: '{{date}} (today)',
  noTickets: 'no tickets',
  more: '+{{count}} more',
  moreHint: ' — all tickets of the day ({{count}}): {{date}}',
  chip: {
    due: 'due {{date}}',
    created: 'created {{date}}, no due date',
    priority: 'priority: {{priority}}',
    overdue: 'overdue',
  },
  legend: 'Priority',
  empty: 'No tickets in this period',
  count_one: '{{count}} ticket',
  count_other: '{{count}} tickets',
  truncated:
    'There are too many tickets: only the first {{count}} are shown. Choose a shorter period or turn off “Show all tickets”.',
} as const;
