// What users typed (subjects, names, comments) goes into headers, SMS and both mail parts. These
// keep it from forging lines (CR/LF in a subject is header injection; in the text part it fakes
// our own lines) and from reordering what is shown (bidi overrides can make a name read as a
// different one). They run before escaping, which is the HTML part's business.

// C0 and C1 controls, bidi embeddings/overrides/isolates, line and paragraph separators.
const CONTROLS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const BREAKS = /[\r\n\t\u2028\u2029\u0085]+/g;

/** Cuts to at most `max` characters (code points, so no half of an emoji), ending in "…". */
export function cap(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** One line: breaks become spaces, runs of white space one space, cut to `max` characters. */
export function oneLine(text: string, max = 200): string {
  return cap(text.replace(BREAKS, ' ').replace(CONTROLS, '').replace(/\s+/g, ' ').trim(), max);
}

/** Several lines as typed, with \n breaks only, at most one blank line in a row, cut to `max`. */
export function multiline(text: string, max = 10_000): string {
  const lines = text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, '    ')
    .replace(CONTROLS, '')
    .split('\n')
    .map((l) => l.trimEnd());
  return cap(
    lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    max,
  );
}
