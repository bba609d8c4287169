import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-routing';

export default {
  level: 'Úroveň podpory',
  levelValue: 'L{{level}}',
  noLevel: 'Žádná',
  escalate: {
    button: 'Eskalovat na další úroveň',
    title: 'Eskalace na L{{level}}',
    hint: 'Požadavek přejde do skupiny další úrovně podpory, která jej přidělí podle svých pravidel.',
    reason: 'Důvod',
    reasonPlaceholder: 'Co už bylo vyzkoušeno a proč je potřeba další úroveň',
    reasonRequired: 'Uveďte důvod.',
    submit: 'Eskalovat',
    done: 'Eskalováno na L{{level}}',
    doneGone: 'Eskalováno na L{{level}}; požadavek už ve vašich frontách není.',
  },
  history: {
    ruleApplied: 'Použito pravidlo přidělení „{{name}}“',
    ruleSet: '{{what}}: {{value}}',
    set: {
      groupId: 'skupina',
      assigneeId: 'řešitel',
      priority: 'priorita',
      supportLevel: 'úroveň',
    },
    autoAssigned: 'Automaticky přiděleno: {{who}} ({{mode}}, {{group}})',
    distribution: {
      round_robin: 'střídavě',
      least_open: 'nejméně vytíženému',
      manual: 'ručně',
    },
    escalated: 'Eskalováno z {{from}} na {{to}} ({{group}}): {{reason}}',
    slaReminder: 'Připomínka SLA: {{clock}} do {{due}}',
    slaBreached: 'SLA porušeno: {{clock}}, termín byl {{due}}',
    clock: { first_response: 'první odpověď', resolution: 'vyřešení' },
    onBehalfOf: '{{actor}} v zastoupení {{principal}}',
  },
} satisfies Translation<typeof en>;
