/** `text` with `insert` in place of the selection; `cursor` is just after the inserted part. */
export function insertAtCursor(
  text: string,
  selection: { start: number; end: number },
  insert: string,
): { text: string; cursor: number } {
  const start = Math.min(Math.max(selection.start, 0), text.length);
  const end = Math.min(Math.max(selection.end, start), text.length);
  return { text: text.slice(0, start) + insert + text.slice(end), cursor: start + insert.length };
}
