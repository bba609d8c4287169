import { resolve } from 'node:path';
import { configNamespace, type ConfigType } from '../config-namespace.js';

export const storageConfig = configNamespace('storage', (env) => ({
  /** Embedded database, attachments, the development JWT secret. */
  dataDir: resolve(env.raw('DATA_DIR') || './.data'),
  attachmentMaxBytes: env.int('ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1024, 2 * 1024 ** 3),
}));
export type StorageConfig = ConfigType<typeof storageConfig>;

export const schedulingConfig = configNamespace('scheduling', (env) => ({
  /** Run the scheduled loops in this instance (ScheduleModule is not loaded otherwise). */
  schedulerEnabled: env.bool('SCHEDULER_ENABLED', true),
}));
export type SchedulingConfig = ConfigType<typeof schedulingConfig>;

export const ratingsConfig = configNamespace('ratings', (env) => ({
  /** How long a signed rating link (for e-mails) stays usable. */
  ratingLinkTtlDays: env.int('RATING_LINK_TTL_DAYS', 14, 1, 365),
}));
export type RatingsConfig = ConfigType<typeof ratingsConfig>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const loggingConfig = configNamespace('logging', (env) => {
  const logLevel = (env.raw('LOG_LEVEL') ?? 'info') as (typeof LOG_LEVELS)[number];
  if (!LOG_LEVELS.includes(logLevel)) {
    env.problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return { logLevel };
});
export type LoggingConfig = ConfigType<typeof loggingConfig>;

export const demoConfig = configNamespace('demo', (env) => {
  const adminEmail = env.raw('RELAYDESK_ADMIN_EMAIL') || null;
  const adminPassword = env.raw('RELAYDESK_ADMIN_PASSWORD') || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    env.problem('RELAYDESK_ADMIN_EMAIL and RELAYDESK_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    env.problem('RELAYDESK_ADMIN_PASSWORD must be at least 8 characters');
  }
  return {
    // An installation that names its admin is a real one: demo data only when asked for.
    demoData: env.bool('RELAYDESK_DEMO', adminEmail === null),
    adminEmail,
    adminPassword,
    /** NODE_ENV=production: refuse development-only switches, warn about demo passwords. */
    production: env.production,
  };
});
export type DemoConfig = ConfigType<typeof demoConfig>;
