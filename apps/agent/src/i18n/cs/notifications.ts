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
  clock: { first_response: 'první odpověď', resolution: 'vyřešení' },
  kind: {
    sla_reminder: 'Připomínka SLA: uplynulo {{percent}} % lhůty ({{clock}}), termín {{due}}',
    sla_breached: 'SLA porušeno: {{clock}}, termín byl {{due}}',
    sla_escalated: 'Eskalováno vám: zmeškaný termín ({{clock}}, {{due}})',
    deputyship_ended: 'Zastupování skončilo: {{deputy}} za {{principal}}',
    other: 'Oznámení',
  },
} satisfies Translation<typeof en>;
