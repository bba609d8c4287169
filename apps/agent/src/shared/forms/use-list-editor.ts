import { useState } from 'react';

/** What the form in a RecordModal edits: a record, or nothing yet (a new one). */
export type Editing<T> = { record?: T } | null;

/**
 * The edit-modal state of a section whose records come from one list query: which record the
 * modal edits, and a key that gives the form a fresh start when it opens or reloads. After a
 * version conflict, `reload` refetches the list and reopens the form on the record as it is now
 * (or closes it when the record is gone).
 */
export function useListEditor<T extends { id: string }>(refetch: () => Promise<{ data?: T[] }>) {
  const [editing, setEditing] = useState<Editing<T>>(null);
  const [formKey, setFormKey] = useState(0);
  return {
    editing,
    formKey,
    open: (record?: T) => {
      setEditing({ record });
      setFormKey((k) => k + 1);
    },
    close: () => setEditing(null),
    reload: async () => {
      const fresh = await refetch();
      const record = fresh.data?.find((r) => r.id === editing?.record?.id);
      setEditing(record ? { record } : null);
      setFormKey((k) => k + 1);
    },
  };
}
