/**
 * The "any of" conditions of assignment rules and SLA policies: an absent or empty list holds
 * for every value, otherwise the value must be in it.
 */
export const inList = <T>(list: readonly T[] | undefined, value: T | null): boolean =>
  !list || list.length === 0 || (value !== null && list.includes(value));
