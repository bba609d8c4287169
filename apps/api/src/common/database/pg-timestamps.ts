import pg from 'pg';

/** OID of `timestamp with time zone`. */
const TIMESTAMPTZ = 1184;

/** pg's own parser (postgres-date), kept for what the fast path leaves to it. */
const parseDate = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (
  s: string,
) => Date | number | null;

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : NaN;
};

const twoDigits = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1);

/**
 * `timestamptz` text as PostgreSQL writes it (`2026-12-06 02:53:29.086123+00`, any offset with
 * minutes and seconds), parsed without regular expressions: a ticket page has about 200 such
 * values and the general parser (`postgres-date`, three regular expressions per value) was
 * 3% of the API's time on the queue page. Anything else (BC, infinity, a year before 100 or
 * past 9999) goes to that parser, so every answer is the one it would give: the same instant,
 * with milliseconds truncated as Date.UTC truncates them.
 */
export const parseTimestamptz = timestamptzParser(parseDate);

/** The parser, with what it hands the unusual cases to (pg's parser; a spy in the tests). */
export function timestamptzParser(
  parseDate: (s: string) => Date | number | null,
): (s: string) => Date | number | null {
  return (s) => parseFast(s, parseDate);
}

function parseFast(
  s: string,
  parseDate: (s: string) => Date | number | null,
): Date | number | null {
  const n = s.length;
  if (
    n < 22 ||
    s.charCodeAt(4) !== 45 || // -
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 32 || // space
    s.charCodeAt(13) !== 58 || // :
    s.charCodeAt(16) !== 58
  ) {
    return parseDate(s);
  }
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    // The fraction: its first three digits are the milliseconds, the rest is truncated.
    i++;
    let scale = 100;
    while (i < n && digit(s, i) >= 0) {
      if (scale >= 1) ms += digit(s, i) * scale;
      scale /= 10;
      i++;
    }
  }
  const sign = s.charCodeAt(i);
  if (year < 100 || (sign !== 43 && sign !== 45) || (n - i - 3) % 3 !== 0 || n - i > 9) {
    return parseDate(s);
  }
  let offset = twoDigits(s, i + 1) * 3600;
  for (let j = i + 3, unit = 60; j < n; j += 3, unit /= 60) {
    if (s.charCodeAt(j) !== 58) return parseDate(s);
    offset += twoDigits(s, j + 1) * unit;
  }
  const time =
    Date.UTC(
      year,
      twoDigits(s, 5) - 1,
      twoDigits(s, 8),
      twoDigits(s, 11),
      twoDigits(s, 14),
      twoDigits(s, 17),
      ms,
    ) -
    (sign === 45 ? -1 : 1) * offset * 1000;
  return Number.isNaN(time) ? parseDate(s) : new Date(time);
}

/** Installs the parser in `pg` (process-wide, as pg's own parsers are); safe to call again. */
export function installTimestampParser(): void {
  pg.types.setTypeParser(TIMESTAMPTZ, parseTimestamptz);
}
