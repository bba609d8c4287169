import { InvalidInputError } from '../errors/domain-errors.js';

const DEFAULT_RANGE_MS = 30 * 86_400_000;

/**
 * The [from, to) range a report covers: `to` defaults to now, `from` to 30 days before `to`;
 * an empty or reversed range is a 400 naming `from`.
 */
export function reportRange(
  query: { from?: string; to?: string },
  now: Date,
): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (from.getTime() >= to.getTime()) {
    throw new InvalidInputError('The range is empty', [
      { field: 'from', message: 'must be before `to`' },
    ]);
  }
  return { from, to };
}
