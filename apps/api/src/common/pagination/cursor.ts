import { InvalidInputError } from '../errors/domain-errors.js';

/** Keyset cursor: the sort value and id of the last row of the previous page, opaque to clients. */
export interface KeysetCursor {
  v: string | number | null;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.v, cursor.id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the sort column of a list holds, so a cursor's value is checked before it reaches SQL: a
 * forged or stale cursor (one of another sort order) must be a 400 naming `cursor`, not a value
 * PostgreSQL refuses to cast (a database error) or one that overflows its column.
 * - timestamp: ISO 8601 or PostgreSQL's `timestamptz::text`, a real calendar date, year 1-9999
 * - integer: a safe integer (ticket numbers)
 * - text: any string (names)
 */
export type CursorKind = 'timestamp' | 'integer' | 'text';

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|[+-]\d{2}(?::?\d{2}){0,2})?$/;

function isTimestampText(v: string): boolean {
  const m = TIMESTAMP.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1 &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60 &&
    second < 60
  );
}

function fits(v: string | number, kind: CursorKind): boolean {
  if (kind === 'integer') return typeof v === 'number' && Number.isSafeInteger(v);
  if (kind === 'timestamp') return typeof v === 'string' && isTimestampText(v);
  return typeof v === 'string';
}

export function decodeCursor(raw: string | undefined, kind: CursorKind): KeysetCursor | null {
  if (raw === undefined || raw === '') return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      ['string', 'number'].includes(typeof parsed[0]) &&
      typeof parsed[1] === 'string' &&
      UUID.test(parsed[1]) &&
      fits(parsed[0] as string | number, kind)
    ) {
      return { v: parsed[0] as string | number, id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw invalidCursorError();
}

export function invalidCursorError(): InvalidInputError {
  return new InvalidInputError('The cursor is not valid; start again without it', [
    { field: 'cursor', message: 'is not a cursor this API issued' },
  ]);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether there is more.
 */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
  cursorOf: (row: R) => KeysetCursor,
): Page<T> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: pageRows.map(map),
    nextCursor: hasMore ? encodeCursor(cursorOf(pageRows[pageRows.length - 1])) : null,
  };
}
