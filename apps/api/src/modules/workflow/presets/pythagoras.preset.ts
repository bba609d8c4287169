import type { Role } from '@relaydesk/contracts';
import { status, transition } from './preset-builders.js';
import type { WorkflowPreset } from './workflow-preset.js';

/** Who steers a ticket besides its assignee (the project manager, then the solver). */
const SUPERVISORS: Role[] = ['admin', 'dispatcher'];
/** Only the submitter: not staff, not the submitter's colleagues. */
const SUBMITTER = { allowedRoles: [] as Role[], allowRequester: true };

/**
 * Pythagoras: a ticket is addressed to the project manager (its first assignee), who starts
 * work or hands it to a solver; the solver returns it or marks it done; only the submitter
 * accepts (closes, and the ticket is archived) or rejects it.
 */
export const PYTHAGORAS_PRESET: WorkflowPreset = {
  key: 'pythagoras',
  name: { en: 'Pythagoras', ru: 'Пифагор', cs: 'Pythagoras' },
  statuses: [
    status({
      key: 'new',
      name: { en: 'New', ru: 'Новая', cs: 'Nový' },
      category: 'new',
      isInitial: true,
    }),
    status({
      key: 'solving',
      name: { en: 'Solving', ru: 'Решается', cs: 'Řeší se' },
      category: 'open',
    }),
    status({
      key: 'returned',
      name: { en: 'Returned', ru: 'Возвращена', cs: 'Vráceno' },
      category: 'pending',
      pausesSla: true,
    }),
    status({
      key: 'done',
      name: { en: 'Done', ru: 'Выполнена', cs: 'Hotovo' },
      category: 'resolved',
      pausesSla: true,
    }),
    status({
      key: 'closed',
      name: { en: 'Closed', ru: 'Закрыта', cs: 'Uzavřeno' },
      category: 'closed',
      isFinal: true,
      pausesSla: true,
      readOnly: true,
    }),
  ],
  transitions: [
    transition('new', 'solving', { allowedRoles: SUPERVISORS, allowAssignee: true }),
    // The reason (information missing, not solvable) goes to the submitter as the comment.
    transition('solving', 'returned', {
      allowedRoles: SUPERVISORS,
      allowAssignee: true,
      commentRequired: true,
    }),
    transition('solving', 'done', { allowedRoles: SUPERVISORS, allowAssignee: true }),
    transition('returned', 'solving', { allowedRoles: SUPERVISORS, allowRequester: true }),
    transition('returned', 'closed', SUBMITTER),
    transition('done', 'closed', SUBMITTER),
    transition('done', 'solving', { ...SUBMITTER, commentRequired: true }),
  ],
  // The manager hands a new ticket to a member of the project: the solver starts on it.
  autoTransitions: [{ status: 'new', trigger: 'handed_over', afterSeconds: null, to: 'solving' }],
};
