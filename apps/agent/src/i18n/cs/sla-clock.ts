import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/sla-clock';

export default {
  duration: {
    lessThanMinute: '< 1 min',
    d: '{{d}} d',
    dh: '{{d}} d {{h}} h',
    h: '{{h}} h',
    hm: '{{h}} h {{m}} min',
    m: '{{m}} min',
  },
  left: 'zbývá {{time}}',
  overdueBy: 'Po termínu o {{time}}',
  paused: 'Pozastaveno',
  pausedLeft: 'Pozastaveno, zbývá {{time}}',
  urgency: { overdue: 'Po termínu', soon: 'Termín se blíží', ok: 'V termínu' },
  source: { sla: 'Termín SLA', manual: 'Termín' },
  card: {
    heading: 'SLA',
    policy: 'Pravidlo: {{name}}',
    noPolicy: 'Na tento požadavek se nevztahuje žádné pravidlo SLA.',
    firstResponse: 'První odpověď',
    resolution: 'Vyřešení',
    due: 'Termín {{time}}',
    notMeasured: 'Neměří se',
    met: 'Splněno',
    metAt: 'Splněno {{time}}',
    breached: 'Porušeno',
    breachedAt: 'Porušeno {{time}}',
    pausedSince: 'Hodiny pozastaveny od {{time}}',
  },
} satisfies Translation<typeof en>;
