/**
 * Guesses the charset of 8-bit text that arrived without a usable label (mailparser then decodes it
 * as UTF-8 and gets U+FFFD). The candidates are the legacy charsets our users' mail still comes in;
 * each decoding is scored by how much it looks like prose in Russian, Czech or a Western language.
 */
export const GUESS_CANDIDATES = ['windows-1251', 'koi8-r', 'iso-8859-2', 'windows-1252'] as const;
export type GuessedCharset = (typeof GUESS_CANDIDATES)[number];

/** Russian letters by frequency, most frequent first. */
const CYRILLIC_BY_FREQUENCY = 'оеаинтсрвлкмдпуяыьгзбчйжхшюцщэфъё';
/**
 * Non-ASCII Latin letters that tell the tables apart: the Czech ones iso-8859-2 yields where
 * windows-1252 yields a rarer Western letter or a symbol, and the other way round (è→č, à→ŕ).
 */
const LATIN_WEIGHTS: Record<string, number> = {
  ...Object.fromEntries([...'řěůšžťďň'].map((c) => [c, 2])),
  ...Object.fromEntries([...'áéíóúýč'].map((c) => [c, 1.5])),
  ...Object.fromEntries([...'èàçêâîôûëïüäöÿßñœæ'].map((c) => [c, 2])),
  ...Object.fromEntries([...'ùøì'].map((c) => [c, 0.5])),
  ...Object.fromEntries([...'ŕĺľőűţşăł'].map((c) => [c, -1])),
};

export function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export function hasHighBytes(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

function letterWeight(ch: string): number {
  const lower = ch.toLowerCase();
  const rank = CYRILLIC_BY_FREQUENCY.indexOf(lower);
  if (rank >= 0) return 2.5 - rank * 0.07;
  if (/\p{Script=Cyrillic}/u.test(ch)) return -1;
  return LATIN_WEIGHTS[lower] ?? 0.2;
}

/** Higher is more plausible. Only the non-ASCII characters and the words they sit in count. */
export function plausibility(text: string): number {
  let score = 0;
  for (const m of text.matchAll(/[\p{L}\p{M}\p{S}\p{Cc}\p{Co}\u00a0-\u00bf\u2500-\u25ff]+/gu)) {
    const word = m[0];
    if (!/[^\x00-\x7f]/.test(word)) continue;
    const chars = [...word];
    const letters = chars.filter((c) => /\p{L}/u.test(c));
    const cyrillic = letters.filter((c) => /\p{Script=Cyrillic}/u.test(c)).length;
    const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
    if (cyrillic > 0 && latin > 0) score -= 5 * chars.length;
    const nonAsciiLatin = letters.filter((c) => /\p{Script=Latin}/u.test(c) && c > '\x7f').length;
    if (latin >= 3 && nonAsciiLatin / latin > 0.5) score -= 3 * latin;
    chars.forEach((c, i) => {
      if (/\p{L}/u.test(c)) {
        if (c > '\x7f') score += letterWeight(c);
        const prev = chars[i - 1];
        const isUpper = c !== c.toLowerCase();
        if (i > 0 && isUpper && prev && /\p{Ll}/u.test(prev)) score -= 3;
      } else if (c > '\x7f') {
        // symbols, box drawing and C1 controls in the middle of letters are a wrong table
        score -= 4;
        if (i > 0 && i < chars.length - 1) score -= 6;
      }
    });
  }
  return score;
}

/** Enough text to tell the tables apart; scoring a whole multi-megabyte body would take seconds. */
const SAMPLE_BYTES = 64 * 1024;

/** The candidate decoding that reads most like text (ties go to the earlier candidate). */
export function guessDecode(bytes: Buffer): { charset: GuessedCharset; text: string } {
  // Single-byte charsets: a cut anywhere is a clean cut.
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let best: { charset: GuessedCharset; score: number } | null = null;
  for (const charset of GUESS_CANDIDATES) {
    const score = plausibility(new TextDecoder(charset).decode(sample));
    if (!best || score > best.score) best = { charset, score };
  }
  const charset = best!.charset;
  return { charset, text: new TextDecoder(charset).decode(bytes) };
}
