/** The first retry's delay; each next one is four times longer, up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 30_000;
export const RETRY_MAX_MS = 12 * 3_600_000;

/**
 * Delay before the attempt after `attempts` failed ones: 30 s, 2 min, 8 min, 32 min, ~2 h,
 * ~8.5 h, then 12 h; with 8 attempts a message is tried for about a day before it fails.
 */
export function retryDelayMs(attempts: number): number {
  return Math.min(RETRY_FIRST_MS * 4 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
}
