import { EnvReader } from './env-reader.js';
import type { AccountConfig } from './namespaces/account.config.js';
import type { AuthConfig } from './namespaces/auth.config.js';
import type { DatabaseConfig } from './namespaces/database.config.js';
import type { HttpConfig } from './namespaces/http.config.js';
import type { RateLimitConfig } from './namespaces/rate-limit.config.js';
import type { DemoConfig } from './namespaces/demo.config.js';
import type { LoggingConfig } from './namespaces/logging.config.js';
import type { MailConfig } from './namespaces/mail.config.js';
import type { RatingsConfig } from './namespaces/ratings.config.js';
import type { SchedulingConfig } from './namespaces/scheduling.config.js';
import type { SecretsConfig } from './namespaces/secrets.config.js';
import type { SmsConfig } from './namespaces/sms.config.js';
import type { StorageConfig } from './namespaces/storage.config.js';
import type { WebhooksConfig } from './namespaces/webhooks.config.js';
import { CONFIG_NAMESPACES } from './config-namespaces.js';

/**
 * Every setting the API reads: all the namespaces (config-namespaces.ts) together, each of
 * which reads and validates its own variables. Built once at boot; nothing else reads
 * process.env. Modules never see it whole: they inject their namespace
 * (`@InjectConfig(authConfig)`); the bootstrap code (main, create-app, app.module) reads it.
 */
export type AppConfig = DatabaseConfig &
  HttpConfig &
  AuthConfig &
  AccountConfig &
  RateLimitConfig &
  StorageConfig &
  SchedulingConfig &
  DemoConfig &
  RatingsConfig &
  LoggingConfig &
  SmsConfig &
  MailConfig &
  SecretsConfig &
  WebhooksConfig;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Parses and validates the environment, namespace by namespace. Collects every problem before
 * failing so an operator fixes them in one go instead of one restart per mistake. `overrides`
 * (tests, the OpenAPI generator) replace settings, and need not be in `env`.
 */
export function loadConfig(env: Env, overrides: Partial<AppConfig> = {}): AppConfig {
  const reader = new EnvReader(env, new Set(Object.keys(overrides)));
  const config = Object.assign(
    {},
    ...CONFIG_NAMESPACES.map((ns) => ns.load(reader)),
    overrides,
  ) as AppConfig;
  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return Object.freeze(config);
}
