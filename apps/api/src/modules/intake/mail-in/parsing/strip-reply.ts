/**
 * The line our outgoing notifications may carry above the quoted ticket text: everything from it
 * down is our own mail coming back. Matched by its phrase, case-insensitively, quoted or not.
 */
export const REPLY_ABOVE_MARKER = '-- Reply above this line --';
export const REPLY_ABOVE_MARKERS = {
  en: REPLY_ABOVE_MARKER,
  ru: '-- Ответьте над этой строкой --',
  cs: '-- Odpovězte nad tímto řádkem --',
} as const;

const MARKER_PHRASES = Object.values(REPLY_ABOVE_MARKERS).map((m) =>
  m.replace(/^[-\s]+|[-\s]+$/g, '').toLowerCase(),
);

/** Lines that introduce quoted history (the quote follows them): client attribution lines. */
const ATTRIBUTION = [
  /^On\b.{0,300}\bwrote:$/i,
  /^Am\b.{0,300}\bschrieb\b.{0,200}:$/i,
  // \b is ASCII-only even with /u, hence \s around the Cyrillic and Czech words
  /^В\s.{0,300}\sнаписал(?:\(а\)|а)?:$/iu,
  /^.{0,300}\sпишет:$/iu,
  /^Dne\s.{0,300}\snapsal(?:\(a\)|a)?:$/iu,
  /^Le\b.{0,300}\ba écrit\s?:$/i,
];

/** Outlook's separator lines, in the languages of our users. */
const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:Original Message|Ursprüngliche Nachricht|Исходное сообщение|Původní zpráva|Původní e-mail|Message d'origine)\s*-{2,}$/i;
const OUTLOOK_FROM = /^\*?(?:From|Von|От|Od|De)\s*:\*?\s*\S/i;
const OUTLOOK_SENT = /^\*?(?:Sent|Date|Gesendet|Datum|Отправлено|Дата|Odesláno|Envoyé)\s*:/i;
const SIGNATURE = /^-- ?$/;
/** Gmail, Thunderbird, Apple Mail forward headers: what follows is the content, not history. */
const FORWARD_LINE =
  /^(?:-{3,}\s*(?:Forwarded message|Weitergeleitete Nachricht|Пересылаемое сообщение|Přeposlaná zpráva|Message transféré)\s*-{3,}|Begin forwarded message:)$/i;
/** Fwd:, FW:, WG:, TR:, Пересл:, PŘ: (Outlook's forward has no header line, only its subject). */
const FORWARD_SUBJECT = /^\s*(?:fwd?|wg|tr|př|пересл\.?)\s*:/i;

export function isForwardSubject(subject: string): boolean {
  return FORWARD_SUBJECT.test(subject);
}
const QUOTED = /^\s*>/;

function isMarker(line: string): boolean {
  const bare = line.replace(/^[\s>]+/, '').toLowerCase();
  return MARKER_PHRASES.some((phrase) => bare.includes(phrase));
}

/** Index of the first line where quoted history or the signature starts; lines.length when none. */
function cutIndex(lines: string[]): number {
  // The cheap tests (a trailing ':', a leading '-') come first: a pasted log has a million lines.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (SIGNATURE.test(lines[i]) || isMarker(line)) return i;
    if (line.startsWith('-') && ORIGINAL_MESSAGE.test(line)) return i;
    if (line.endsWith(':') && ATTRIBUTION.some((re) => re.test(line))) return i;
    // Any other locale (Gmail in Russian has no verb at all): a line with a time or an address,
    // ending in ':', right above the quote.
    if (line.endsWith(':') && QUOTED.test(lines[i + 1] ?? '') && /@|\d{1,2}:\d{2}/.test(line)) {
      return i;
    }
    // Gmail and Thunderbird wrap a long attribution over two lines.
    const next = (lines[i + 1] ?? '').trim();
    if (next.endsWith(':') && !QUOTED.test(lines[i]) && QUOTED.test(lines[i + 2] ?? '>')) {
      const joined = `${line} ${next}`;
      if (ATTRIBUTION.some((re) => re.test(joined))) return i;
    }
    if (line.includes(':') && OUTLOOK_FROM.test(line)) {
      const header = lines.slice(i + 1, i + 5).map((l) => l.trim());
      if (header.some((l) => OUTLOOK_SENT.test(l)))
        return i > 0 && /^_{10,}$/.test(lines[i - 1].trim()) ? i - 1 : i;
    }
  }
  return lines.length;
}

function tidy(lines: string[]): string {
  return lines
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The new part of a reply (a forward is kept whole): quoted lines, the attribution line and
 * everything below it (Outlook quotes without `>`), the signature and our own quoted notification
 * are removed. Never returns '' for a text that has content: a bottom-posted reply keeps its
 * unquoted lines, and when nothing is left the whole text is kept, since a comment that silently
 * lost its body is worse than a long one.
 */
export function stripReply(text: string, options: { forwarded?: boolean } = {}): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // A forward to the desk is the customer's mail being handed on: all of it is the content.
  if (options.forwarded || lines.some((line) => FORWARD_LINE.test(line.trim()))) return tidy(lines);
  const cut = cutIndex(lines);
  const top = tidy(lines.slice(0, cut).filter((line) => !QUOTED.test(line)));
  if (top !== '') return top;
  // Bottom-posting: the reply is under the quote. Keep the unquoted lines before any signature.
  const rest = lines.slice(cut + 1);
  const restCut = cutIndex(rest);
  const below = tidy(rest.slice(0, restCut).filter((line) => !QUOTED.test(line)));
  if (below !== '') return below;
  return tidy(lines);
}
