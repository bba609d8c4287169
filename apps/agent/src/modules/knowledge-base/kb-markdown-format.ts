import { insertAtCursor } from '../canned-responses/insert-at-cursor';

/** A text and what is selected in it (start = end: just a cursor). */
export interface TextEdit {
  text: string;
  start: number;
  end: number;
}

/**
 * `before`+selection+`after`; with nothing selected, a placeholder goes between the marks and
 * stays selected, so typing replaces it (as in the usual editors).
 */
export function wrapSelection(e: TextEdit, before: string, after: string, placeholder: string) {
  const inner = e.text.slice(e.start, e.end) || placeholder;
  const text = e.text.slice(0, e.start) + before + inner + after + e.text.slice(e.end);
  const start = e.start + before.length;
  return { text, start, end: start + inner.length };
}

/**
 * Puts `prefix(i)` in front of every line the selection touches (a heading, list items, a quote);
 * an empty line alone gets the placeholder too, so the mark is visible in the preview.
 */
export function prefixLines(e: TextEdit, prefix: (index: number) => string, placeholder: string) {
  const lineStart = e.text.lastIndexOf('\n', e.start - 1) + 1;
  const nextBreak = e.text.indexOf('\n', Math.max(e.end - (e.end > e.start ? 1 : 0), e.start));
  const lineEnd = nextBreak === -1 ? e.text.length : nextBreak;
  const lines = e.text.slice(lineStart, lineEnd).split('\n');
  const changed = lines
    .map((line, i) => prefix(i) + (line === '' && lines.length === 1 ? placeholder : line))
    .join('\n');
  const text = e.text.slice(0, lineStart) + changed + e.text.slice(lineEnd);
  return { text, start: lineStart, end: lineStart + changed.length };
}

/** `[text](https://)` with the address selected: the author types or pastes it next. */
export function insertLink(e: TextEdit, placeholder: string) {
  const label = e.text.slice(e.start, e.end) || placeholder;
  const url = 'https://';
  const insert = `[${label}](${url})`;
  const { text } = insertAtCursor(e.text, e, insert);
  const start = e.start + label.length + 3;
  return { text, start, end: start + url.length };
}

/** A fenced block on lines of its own around the selection. */
export function codeBlock(e: TextEdit, placeholder: string) {
  const before = e.start > 0 && e.text[e.start - 1] !== '\n' ? '\n```\n' : '```\n';
  return wrapSelection(e, before, '\n```\n', placeholder);
}
