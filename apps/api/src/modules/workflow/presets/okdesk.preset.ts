import { transition as staffTransition } from './preset-builders.js';
import type { WorkflowPreset } from './workflow-preset.js';

/** Staff make every transition; the requester accepts or reopens a resolved ticket. */
function transition(from: string, to: string, requester: boolean) {
  return staffTransition(from, to, {
    allowRequester: requester,
    // Waiting for the customer is always until a date; the timer brings the ticket back.
    requiresPostpone: to === 'needs_clarification',
  });
}

/** A move only the requester makes, to Closed. */
function requesterClose(from: string) {
  return staffTransition(from, 'closed', { allowedRoles: [], allowRequester: true });
}

/**
 * The foundation's lifecycle, exactly as the initial migration writes it
 * (database/seeds/okdesk-workflow.ts) and later upgrades change it (1765850000000: the
 * requester's close; a test compares the two). Those migrations are history and never change,
 * so this is a copy rather than a shared constant.
 */
export const OKDESK_PRESET: WorkflowPreset = {
  key: 'okdesk',
  name: { en: 'Okdesk', ru: 'Okdesk', cs: 'Okdesk' },
  statuses: [
    {
      key: 'open',
      name: { en: 'Open', ru: 'Открыта', cs: 'Otevřený' },
      category: 'open',
      isInitial: true,
      isFinal: false,
      pausesSla: false,
      postponeMaxDays: null,
      readOnly: false,
    },
    {
      key: 'in_progress',
      name: { en: 'In progress', ru: 'В работе', cs: 'Řeší se' },
      category: 'open',
      isInitial: false,
      isFinal: false,
      pausesSla: false,
      postponeMaxDays: null,
      readOnly: false,
    },
    {
      key: 'needs_clarification',
      name: { en: 'Needs clarification', ru: 'Требует уточнения', cs: 'Vyžaduje upřesnění' },
      category: 'pending',
      isInitial: false,
      isFinal: false,
      pausesSla: true,
      postponeMaxDays: null,
      readOnly: false,
    },
    {
      key: 'resolved',
      name: { en: 'Resolved', ru: 'Решена', cs: 'Vyřešený' },
      category: 'resolved',
      isInitial: false,
      isFinal: false,
      pausesSla: true,
      postponeMaxDays: null,
      readOnly: false,
    },
    {
      key: 'closed',
      name: { en: 'Closed', ru: 'Закрыта', cs: 'Uzavřený' },
      category: 'closed',
      isInitial: false,
      isFinal: true,
      pausesSla: true,
      postponeMaxDays: null,
      readOnly: false,
    },
  ],
  transitions: [
    transition('open', 'in_progress', false),
    transition('open', 'needs_clarification', false),
    transition('open', 'resolved', false),
    transition('in_progress', 'needs_clarification', false),
    transition('in_progress', 'resolved', false),
    transition('needs_clarification', 'open', false),
    transition('needs_clarification', 'in_progress', false),
    transition('needs_clarification', 'resolved', false),
    transition('resolved', 'closed', true),
    transition('resolved', 'open', true),
    // The requester closes their own request as solved from any open state (the knowledge
    // base's "this solved my problem"); staff go through Resolved. Migration 1765850000000.
    requesterClose('open'),
    requesterClose('in_progress'),
    requesterClose('needs_clarification'),
  ],
  autoTransitions: [
    { status: 'needs_clarification', trigger: 'postpone_expired', afterSeconds: null, to: 'open' },
  ],
};
