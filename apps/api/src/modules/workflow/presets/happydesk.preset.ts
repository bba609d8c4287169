import { status, transition } from './preset-builders.js';
import type { WorkflowPreset } from './workflow-preset.js';

const HOUR = 3600;

/** Closing a ticket as a duplicate names the ticket it duplicates, and links the two. */
const asDuplicate = { requiresDuplicateOf: true };
/** Hold is always until a date, at most postponeMaxDays ahead. */
const untilDate = { requiresPostpone: true };

/**
 * HappyDesk: work, wait for the customer or put on hold, then Fixed until the customer accepts,
 * reopens, replies, or stays silent for 48 hours.
 */
export const HAPPYDESK_PRESET: WorkflowPreset = {
  key: 'happydesk',
  name: { en: 'HappyDesk', ru: 'HappyDesk', cs: 'HappyDesk' },
  statuses: [
    status({
      key: 'new',
      name: { en: 'New', ru: 'Новая', cs: 'Nový' },
      category: 'new',
      isInitial: true,
    }),
    status({
      key: 'in_progress',
      name: { en: 'In Progress', ru: 'В работе', cs: 'Řeší se' },
      category: 'open',
    }),
    status({
      key: 'waiting_for_customer',
      name: { en: 'Waiting for Customer', ru: 'Ожидает клиента', cs: 'Čeká na zákazníka' },
      category: 'pending',
      pausesSla: true,
    }),
    status({
      key: 'hold',
      name: { en: 'Hold', ru: 'Отложена', cs: 'Pozastaveno' },
      category: 'pending',
      pausesSla: true,
      postponeMaxDays: 30,
    }),
    status({
      key: 'fixed',
      name: { en: 'Fixed', ru: 'Исправлена', cs: 'Opraveno' },
      category: 'resolved',
      pausesSla: true,
    }),
    status({
      key: 'closed',
      name: { en: 'Closed', ru: 'Закрыта', cs: 'Uzavřeno' },
      category: 'closed',
      isFinal: true,
      pausesSla: true,
    }),
    status({
      key: 'canceled',
      name: { en: 'Canceled', ru: 'Отменена', cs: 'Zrušeno' },
      category: 'canceled',
      isFinal: true,
      pausesSla: true,
    }),
  ],
  transitions: [
    transition('new', 'in_progress'),
    transition('new', 'canceled', asDuplicate),
    transition('in_progress', 'waiting_for_customer'),
    transition('in_progress', 'hold', untilDate),
    transition('in_progress', 'fixed'),
    transition('in_progress', 'canceled', asDuplicate),
    transition('waiting_for_customer', 'in_progress'),
    transition('waiting_for_customer', 'hold', untilDate),
    transition('waiting_for_customer', 'fixed'),
    transition('waiting_for_customer', 'canceled', asDuplicate),
    transition('hold', 'in_progress'),
    transition('hold', 'canceled', asDuplicate),
    // The customer reopens or accepts the fix; staff may do either for them.
    transition('fixed', 'in_progress', { allowRequester: true }),
    transition('fixed', 'closed', { allowRequester: true }),
    // The customer closes their own request as solved from any open state (the knowledge
    // base's "this solved my problem"); only they may. Migration 1765850000000.
    ...['new', 'in_progress', 'waiting_for_customer', 'hold'].map((from) =>
      transition(from, 'closed', { allowedRoles: [], allowRequester: true }),
    ),
  ],
  // Listed in the order GET returns them: by status, then trigger.
  autoTransitions: [
    { status: 'fixed', trigger: 'after_time', afterSeconds: 48 * HOUR, to: 'closed' },
    { status: 'fixed', trigger: 'requester_replied', afterSeconds: null, to: 'in_progress' },
    { status: 'hold', trigger: 'postpone_expired', afterSeconds: null, to: 'in_progress' },
    // Taken or assigned (by anyone, a rule or the group's distribution): work has started.
    { status: 'new', trigger: 'assigned', afterSeconds: null, to: 'in_progress' },
    {
      status: 'waiting_for_customer',
      trigger: 'requester_replied',
      afterSeconds: null,
      to: 'in_progress',
    },
  ],
};
