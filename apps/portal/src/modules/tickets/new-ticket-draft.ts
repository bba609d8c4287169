import type { CustomFieldValues } from '@relaydesk/contracts';
import { newIdempotencyKey } from '@relaydesk/web-tickets';
import type { Priority } from './api';

/**
 * What a client has typed into the new-ticket form, kept while they read a suggested article in
 * the same tab and restored when they come back. Only the text they typed and their choices go
 * to sessionStorage (this tab only, gone when it closes), under the user's id so another account
 * signing in on the tab never sees it. Chosen files cannot be stored there: they stay in this
 * module's memory, which lives as long as the page does.
 */
export interface NewTicketDraft {
  subject: string;
  description: string;
  typeId: string | null;
  priority: Priority | null;
  categoryId: string;
  projectId: string;
  /** Issue 18: the client's own site and device the request is about ('' for none). */
  serviceObjectId: string;
  equipmentId: string;
  custom: CustomFieldValues;
  /**
   * The form's suggestion session: the opened suggestions are recorded under it and the ticket
   * is filed with it, which is how the server tells a deflection from a filed ticket.
   */
  suggestionSessionId: string;
}

const keyOf = (userId: string) => `relaydesk.portal.new-ticket-draft.${userId}`;

let files: { userId: string; files: File[] } | null = null;

export function emptyDraft(): NewTicketDraft {
  return {
    subject: '',
    description: '',
    typeId: null,
    priority: null,
    categoryId: '',
    projectId: '',
    serviceObjectId: '',
    equipmentId: '',
    custom: {},
    suggestionSessionId: newIdempotencyKey(),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';

/** The stored draft, or a new empty one (a stored value of another shape is ignored). */
export function loadDraft(userId: string): NewTicketDraft {
  try {
    const raw = sessionStorage.getItem(keyOf(userId));
    const d = raw ? (JSON.parse(raw) as Partial<NewTicketDraft>) : null;
    if (
      d &&
      isString(d.subject) &&
      isString(d.description) &&
      isString(d.categoryId) &&
      isString(d.projectId) &&
      isString(d.suggestionSessionId) &&
      typeof d.custom === 'object' &&
      d.custom !== null
    ) {
      return {
        subject: d.subject,
        description: d.description,
        typeId: isString(d.typeId) ? d.typeId : null,
        priority: isString(d.priority) ? (d.priority as Priority) : null,
        categoryId: d.categoryId,
        projectId: d.projectId,
        // A draft kept before the pickers existed has neither.
        serviceObjectId: isString(d.serviceObjectId) ? d.serviceObjectId : '',
        equipmentId: isString(d.equipmentId) ? d.equipmentId : '',
        custom: d.custom,
        suggestionSessionId: d.suggestionSessionId,
      };
    }
  } catch {
    // Storage off (private mode) or a broken value: start empty.
  }
  return emptyDraft();
}

export function saveDraft(userId: string, draft: NewTicketDraft): void {
  try {
    sessionStorage.setItem(keyOf(userId), JSON.stringify(draft));
  } catch {
    // Storage full or off: the form still works, the draft is not kept across pages.
  }
}

export function loadDraftFiles(userId: string): File[] {
  return files?.userId === userId ? files.files : [];
}

export function saveDraftFiles(userId: string, chosen: File[]): void {
  files = { userId, files: chosen };
}

/** After filing or cancelling: the next form is a new request with a new session. */
export function clearDraft(userId: string): void {
  files = null;
  try {
    sessionStorage.removeItem(keyOf(userId));
  } catch {
    // nothing stored
  }
}

/** Whether a draft is waiting (the "Back to my request" link on a suggested article). */
export function hasDraft(userId: string): boolean {
  try {
    return sessionStorage.getItem(keyOf(userId)) !== null;
  } catch {
    return false;
  }
}
