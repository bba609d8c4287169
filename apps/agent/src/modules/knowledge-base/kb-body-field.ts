import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { insertAtCursor as insertInto } from '../canned-responses/insert-at-cursor';
import type { TextEdit } from './kb-markdown-format';

/**
 * The editor's Markdown body: a controlled value with its textarea, and the one way code
 * changes it (the toolbar, an uploaded image's `![name](url)`): `apply`/`insertAtCursor`
 * replace the text and then put the selection where the change says, after React rendered it.
 */
export function useKbBodyField(initial: string) {
  const [value, setValue] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  const pending = useRef<{ start: number; end: number } | null>(null);

  useLayoutEffect(() => {
    const area = ref.current;
    const selection = pending.current;
    if (!area || !selection) return;
    pending.current = null;
    area.focus();
    area.setSelectionRange(selection.start, selection.end);
  }, [value]);

  const current = useCallback((): TextEdit => {
    const area = ref.current;
    return {
      text: area?.value ?? value,
      start: area?.selectionStart ?? value.length,
      end: area?.selectionEnd ?? value.length,
    };
  }, [value]);

  const apply = useCallback(
    (edit: (e: TextEdit) => TextEdit) => {
      const next = edit(current());
      pending.current = { start: next.start, end: next.end };
      setValue(next.text);
    },
    [current],
  );

  /** Inserts text at the cursor (replacing a selection), the cursor after it. */
  const insertAtCursor = useCallback(
    (text: string) =>
      apply((e) => {
        const r = insertInto(e.text, e, text);
        return { text: r.text, start: r.cursor, end: r.cursor };
      }),
    [apply],
  );

  return { value, setValue, ref, apply, insertAtCursor };
}

export type KbBodyField = ReturnType<typeof useKbBodyField>;
