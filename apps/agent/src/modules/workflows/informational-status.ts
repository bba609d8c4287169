import { OKDESK_STATUSES } from '@relaydesk/contracts';
import { newStatus, newTransition, type WorkflowDraft } from './editor-model';

/** The statuses work moves out of into Informational, and where it comes back to. */
const INTO_FROM = ['open', 'in_progress', 'needs_clarification'];
const BACK_TO = 'open';

/**
 * Whether the editor offers the Informational status (PayDox's "Информационное"): on a workflow
 * that still has the Okdesk preset's statuses and no status of the informational category yet.
 */
export function offersInformational(draft: WorkflowDraft): boolean {
  const keys = new Set(draft.statuses.map((s) => s.key.trim()));
  return (
    OKDESK_STATUSES.every((k) => keys.has(k)) &&
    !draft.statuses.some((s) => s.category === 'informational')
  );
}

/**
 * The draft with an Informational status (category informational: never overdue, not open work,
 * SLA clocks stopped) that staff may move a ticket into from the working statuses and back to
 * Open. The admin still saves the workflow.
 */
export function withInformational(draft: WorkflowDraft): WorkflowDraft {
  const taken = new Set(draft.statuses.map((s) => s.key.trim()));
  let key = 'informational';
  for (let n = 2; taken.has(key); n++) key = `informational_${n}`;
  const status = newStatus({
    key,
    name: { en: 'Informational', ru: 'Информационная', cs: 'Informativní' },
    category: 'informational',
  });
  const uidOf = (k: string) => draft.statuses.find((s) => s.key.trim() === k)?.uid;
  const into = INTO_FROM.map(uidOf).filter((uid): uid is string => !!uid);
  const back = uidOf(BACK_TO);
  return {
    ...draft,
    statuses: [...draft.statuses, status],
    transitions: [
      ...draft.transitions,
      ...into.map((from) => newTransition(from, status.uid)),
      ...(back ? [newTransition(status.uid, back)] : []),
    ],
  };
}
