import type { MailConfig } from '../../../config/config-namespaces.js';

type RetrySettings = Pick<
  MailConfig,
  'mailRetryBaseSeconds' | 'mailRetryMaxDelaySeconds' | 'mailRetryMaxAgeHours'
>;

/**
 * The wait before the next attempt: exponential from MAIL_RETRY_BASE_SECONDS, capped at
 * MAIL_RETRY_MAX_DELAY_SECONDS, and jittered to between half and all of it, so the rows a
 * long outage piled up do not all come due in the same second once it ends.
 */
export function retryDelayMs(
  attempts: number,
  settings: RetrySettings,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const full = Math.min(
    settings.mailRetryMaxDelaySeconds,
    settings.mailRetryBaseSeconds * 2 ** exponent,
  );
  return Math.round(full * 1000 * (0.5 + random() * 0.5));
}

/** A recipient that kept answering "try later" since `createdAt` is given up at this age. */
export function expired(createdAt: Date, now: Date, settings: RetrySettings): boolean {
  return now.getTime() - createdAt.getTime() >= settings.mailRetryMaxAgeHours * 3_600_000;
}
