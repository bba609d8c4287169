import { useState } from 'react';
import type { Schemas } from '@relaydesk/api-client';
import type { Ticket } from '../../api';
import { sameMinute } from './date-time';
import { useTicketConcurrency } from './ticket-concurrency';

/** The fields PATCH /tickets/{id} accepts, as the form edits them. */
export interface EditableFields {
  subject: string;
  description: string;
  priority: Ticket['priority'];
  typeId: string | null;
  organizationId: string | null;
  requesterId: string | null;
  dueAt: string | null;
  categoryId: string | null;
  projectId: string | null;
}

type FieldName = keyof EditableFields;

function current(ticket: Ticket): EditableFields {
  return {
    subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    typeId: ticket.typeId,
    organizationId: ticket.organizationId,
    requesterId: ticket.requesterId,
    dueAt: ticket.dueAt,
    categoryId: ticket.categoryId,
    projectId: ticket.projectId,
  };
}

function same<K extends FieldName>(field: K, a: EditableFields[K], b: EditableFields[K]): boolean {
  if (field === 'dueAt') return sameMinute(a as string | null, b as string | null);
  return a === b;
}

interface Draft {
  values: Partial<EditableFields>;
  /** The version the user was looking at when they started editing. */
  baseVersion: number;
  epoch: number;
}

/**
 * Unsaved edits of a ticket, kept apart from the ticket itself: the ticket refreshes under the
 * form (polling, reloads) without wiping what the user typed, and the save carries the version
 * the user started from, so a change made meanwhile by someone else is a 409, not overwritten.
 */
export function useTicketDraft(ticket: Ticket) {
  const { epoch } = useTicketConcurrency();
  const [draft, setDraft] = useState<Draft | null>(null);
  const base = current(ticket);
  const baseVersion = draft && draft.epoch === epoch ? draft.baseVersion : ticket.version;

  const value = <K extends FieldName>(field: K): EditableFields[K] =>
    draft && field in draft.values ? (draft.values[field] as EditableFields[K]) : base[field];

  const set = <K extends FieldName>(field: K, v: EditableFields[K]) =>
    setDraft((d) => ({
      values: { ...(d?.values ?? {}), [field]: v },
      baseVersion: d && d.epoch === epoch ? d.baseVersion : ticket.version,
      epoch,
    }));

  const changes: Partial<EditableFields> = {};
  for (const [field, v] of Object.entries(draft?.values ?? {}) as [FieldName, never][]) {
    if (!same(field, v, base[field])) (changes as Record<string, unknown>)[field] = v;
  }
  const dirty = Object.keys(changes).length > 0;

  /** The PATCH body: only what changed, plus the version the edit started from. */
  const body = (fields?: FieldName[]): Schemas['UpdateTicketDto'] => {
    const picked = fields
      ? Object.fromEntries(Object.entries(changes).filter(([k]) => fields.includes(k as FieldName)))
      : changes;
    return { ...(picked as Schemas['UpdateTicketDto']), version: baseVersion };
  };

  /** Forget edits (all, or some fields after they were saved). */
  const reset = (fields?: FieldName[]) =>
    setDraft((d) => {
      if (!d || !fields) return null;
      const values = { ...d.values };
      for (const f of fields) delete values[f];
      return Object.keys(values).length ? { ...d, values } : null;
    });

  const isDirty = (field: FieldName) => field in changes;

  return { value, set, changes, dirty, isDirty, body, reset };
}

export type TicketDraft = ReturnType<typeof useTicketDraft>;
