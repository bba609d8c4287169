import type { Translation } from '@relaydesk/web-ui';
import type en from '../en/ticket-routing';

export default {
  level: 'Линия поддержки',
  levelValue: 'L{{level}}',
  noLevel: 'Нет',
  escalate: {
    button: 'Передать на следующую линию',
    title: 'Эскалация на L{{level}}',
    hint: 'Заявка перейдёт в группу следующей линии поддержки, которая назначит её по своим правилам.',
    reason: 'Причина',
    reasonPlaceholder: 'Что уже сделано и зачем нужна следующая линия',
    reasonRequired: 'Укажите причину.',
    submit: 'Передать',
    done: 'Заявка передана на L{{level}}',
    doneGone: 'Заявка передана на L{{level}}; в ваших очередях её больше нет.',
  },
  history: {
    ruleApplied: 'Применено правило назначения «{{name}}»',
    ruleSet: '{{what}}: {{value}}',
    set: {
      groupId: 'группа',
      assigneeId: 'исполнитель',
      priority: 'приоритет',
      supportLevel: 'линия',
    },
    autoAssigned: 'Автоматически назначена на {{who}} ({{mode}}, {{group}})',
    distribution: {
      round_robin: 'по очереди',
      least_open: 'наименее загруженному',
      manual: 'вручную',
    },
    escalated: 'Передана с {{from}} на {{to}} ({{group}}): {{reason}}',
    slaReminder: 'Напоминание SLA: {{clock}} до {{due}}',
    slaBreached: 'Нарушен SLA: {{clock}}, срок был {{due}}',
    clock: { first_response: 'первый ответ', resolution: 'решение' },
    onBehalfOf: '{{actor}} за {{principal}}',
  },
} satisfies Translation<typeof en>;
