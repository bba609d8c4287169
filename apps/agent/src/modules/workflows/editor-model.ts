import type { AutoTransitionTrigger, Role, StatusCategory } from '@relaydesk/contracts';
import { namesBody, namesOf, type NamesValue } from '../../shared/forms/names-inputs';
import type { Workflow, WorkflowDefinitionBody } from './api';

/**
 * The editor's copy of a workflow. Rows carry a `uid` that never changes, and transitions point
 * at statuses by uid, so renaming a status key keeps its transitions attached to it.
 */
export interface StatusDraft {
  uid: string;
  key: string;
  name: NamesValue;
  category: StatusCategory;
  isInitial: boolean;
  isFinal: boolean;
  pausesSla: boolean;
  postponeMaxDays: number | null;
  readOnly: boolean;
}

export interface TransitionDraft {
  uid: string;
  from: string;
  to: string;
  allowedRoles: Role[];
  allowRequester: boolean;
  allowAssignee: boolean;
  requiresPostpone: boolean;
  commentRequired: boolean;
  requiredFields: string[];
  requiresDuplicateOf: boolean;
}

export interface AutoTransitionDraft {
  uid: string;
  status: string;
  trigger: AutoTransitionTrigger;
  /** after_time only; the API counts seconds, people think in hours. */
  afterHours: number | null;
  to: string;
}

export interface WorkflowDraft {
  key: string;
  name: NamesValue;
  statuses: StatusDraft[];
  transitions: TransitionDraft[];
  autoTransitions: AutoTransitionDraft[];
}

let counter = 0;
export const newUid = () => `r${++counter}`;

export function draftOf(workflow: Workflow): WorkflowDraft {
  const uidOf = new Map(workflow.statuses.map((s) => [s.key, newUid()]));
  const ref = (key: string) => uidOf.get(key) ?? key;
  return {
    key: workflow.key,
    name: namesOf(workflow.name),
    statuses: workflow.statuses.map((s) => ({ ...s, uid: ref(s.key), name: namesOf(s.name) })),
    transitions: workflow.transitions.map((t) => ({
      ...t,
      uid: newUid(),
      from: ref(t.from),
      to: ref(t.to),
      requiredFields: [...t.requiredFields],
      allowedRoles: [...t.allowedRoles],
    })),
    autoTransitions: workflow.autoTransitions.map((a) => ({
      uid: newUid(),
      status: ref(a.status),
      trigger: a.trigger,
      afterHours: a.afterSeconds == null ? null : a.afterSeconds / 3600,
      to: ref(a.to),
    })),
  };
}

export function newStatus(partial: Partial<StatusDraft> = {}): StatusDraft {
  return {
    uid: newUid(),
    key: '',
    name: { en: '', ru: '', cs: '' },
    category: 'open',
    isInitial: false,
    isFinal: false,
    pausesSla: false,
    postponeMaxDays: null,
    readOnly: false,
    ...partial,
  };
}

export function newTransition(from: string, to: string): TransitionDraft {
  return {
    uid: newUid(),
    from,
    to,
    allowedRoles: ['admin', 'dispatcher', 'agent'],
    allowRequester: false,
    allowAssignee: false,
    requiresPostpone: false,
    commentRequired: false,
    requiredFields: [],
    requiresDuplicateOf: false,
  };
}

export function newAutoTransition(status: string, to: string): AutoTransitionDraft {
  return { uid: newUid(), status, trigger: 'after_time', afterHours: 48, to };
}

/** A fresh workflow: one initial status and one final one. */
export function emptyDraft(): WorkflowDraft {
  const first = newStatus({
    key: 'new',
    name: { en: 'New', ru: 'Новая', cs: 'Nový' },
    category: 'new',
    isInitial: true,
  });
  const last = newStatus({
    key: 'closed',
    name: { en: 'Closed', ru: 'Закрыта', cs: 'Uzavřeno' },
    category: 'closed',
    isFinal: true,
  });
  return {
    key: '',
    name: { en: '', ru: '', cs: '' },
    statuses: [first, last],
    transitions: [newTransition(first.uid, last.uid)],
    autoTransitions: [],
  };
}

/** The full definition the API takes, statuses in the order of the table. */
export function toDefinition(draft: WorkflowDraft): WorkflowDefinitionBody {
  const keyOf = new Map(draft.statuses.map((s) => [s.uid, s.key.trim()]));
  const key = (uid: string) => keyOf.get(uid) ?? '';
  return {
    key: draft.key.trim(),
    name: namesBody(draft.name),
    statuses: draft.statuses.map((s) => ({
      key: s.key.trim(),
      name: namesBody(s.name),
      category: s.category,
      isInitial: s.isInitial,
      isFinal: s.isFinal,
      pausesSla: s.pausesSla,
      postponeMaxDays: s.postponeMaxDays,
      readOnly: s.readOnly,
    })),
    transitions: draft.transitions.map((t) => ({
      from: key(t.from),
      to: key(t.to),
      allowedRoles: t.allowedRoles,
      allowRequester: t.allowRequester,
      allowAssignee: t.allowAssignee,
      requiresPostpone: t.requiresPostpone,
      commentRequired: t.commentRequired,
      requiredFields: t.requiredFields,
      requiresDuplicateOf: t.requiresDuplicateOf,
    })),
    autoTransitions: draft.autoTransitions.map((a) => ({
      status: key(a.status),
      trigger: a.trigger,
      afterSeconds:
        a.trigger === 'after_time' && a.afterHours != null ? Math.round(a.afterHours * 3600) : null,
      to: key(a.to),
    })),
  };
}

/** Removing a status removes what leads into or out of it. */
export function withoutStatus(draft: WorkflowDraft, uid: string): WorkflowDraft {
  return {
    ...draft,
    statuses: draft.statuses.filter((s) => s.uid !== uid),
    transitions: draft.transitions.filter((t) => t.from !== uid && t.to !== uid),
    autoTransitions: draft.autoTransitions.filter((a) => a.status !== uid && a.to !== uid),
  };
}

/**
 * Mistakes worth catching before asking the server, keyed like the API's field paths so both
 * land on the same inputs. The server checks everything else.
 */
const KEY = /^[a-z][a-z0-9_]{0,49}$/;
export function localErrors(draft: WorkflowDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!KEY.test(draft.key.trim())) out.key = 'key';
  if (!draft.name.en.trim()) out['name.en'] = 'required';
  const seen = new Set<string>();
  draft.statuses.forEach((s, i) => {
    const k = s.key.trim();
    if (!KEY.test(k)) out[`statuses[${i}].key`] = 'key';
    else if (seen.has(k)) out[`statuses[${i}].key`] = 'duplicate';
    seen.add(k);
    if (!s.name.en.trim()) out[`statuses[${i}].name.en`] = 'required';
  });
  if (draft.statuses.filter((s) => s.isInitial).length !== 1) out.statuses = 'oneInitial';
  return out;
}

/** Keys the saved workflow has and the draft no longer does (their tickets need a new home). */
export function removedKeys(saved: Workflow, draft: WorkflowDraft): string[] {
  const kept = new Set(draft.statuses.map((s) => s.key.trim()));
  return saved.statuses.map((s) => s.key).filter((k) => !kept.has(k));
}
