import type { Provider } from '@nestjs/common';
import type { AppConfig } from './app-config.js';
import type { ConfigNamespace } from './config-namespace.js';
import { accountConfig } from './namespaces/account.config.js';
import { authConfig } from './namespaces/auth.config.js';
import { databaseConfig } from './namespaces/database.config.js';
import { httpConfig } from './namespaces/http.config.js';
import { rateLimitConfig } from './namespaces/rate-limit.config.js';
import { demoConfig } from './namespaces/demo.config.js';
import { loggingConfig } from './namespaces/logging.config.js';
import { mailConfig } from './namespaces/mail.config.js';
import { ratingsConfig } from './namespaces/ratings.config.js';
import { schedulingConfig } from './namespaces/scheduling.config.js';
import { secretsConfig } from './namespaces/secrets.config.js';
import { smsConfig } from './namespaces/sms.config.js';
import { storageConfig } from './namespaces/storage.config.js';
import { webhooksConfig } from './namespaces/webhooks.config.js';

export { InjectConfig, type ConfigNamespace, type ConfigType } from './config-namespace.js';
export { accountConfig, type AccountConfig } from './namespaces/account.config.js';
export { authConfig, type AuthConfig } from './namespaces/auth.config.js';
export { databaseConfig, type DatabaseConfig } from './namespaces/database.config.js';
export { httpConfig, type HttpConfig } from './namespaces/http.config.js';
export { rateLimitConfig, type RateLimitConfig } from './namespaces/rate-limit.config.js';
export { demoConfig, type DemoConfig } from './namespaces/demo.config.js';
export { loggingConfig, type LoggingConfig } from './namespaces/logging.config.js';
export { mailConfig, type MailConfig } from './namespaces/mail.config.js';
export { ratingsConfig, type RatingsConfig } from './namespaces/ratings.config.js';
export { schedulingConfig, type SchedulingConfig } from './namespaces/scheduling.config.js';
export { secretsConfig, type SecretsConfig } from './namespaces/secrets.config.js';
export {
  smsConfig,
  SMS_PLACEHOLDER,
  SecretHeader,
  type SmsConfig,
} from './namespaces/sms.config.js';
export { storageConfig, type StorageConfig } from './namespaces/storage.config.js';
export {
  webhooksConfig,
  type WebhooksConfig,
  type WebhookAllowEntry,
} from './namespaces/webhooks.config.js';

/** Every namespace; AppConfig is all of them together. */
export const CONFIG_NAMESPACES = [
  databaseConfig,
  httpConfig,
  authConfig,
  accountConfig,
  rateLimitConfig,
  storageConfig,
  schedulingConfig,
  demoConfig,
  ratingsConfig,
  loggingConfig,
  smsConfig,
  mailConfig,
  secretsConfig,
  webhooksConfig,
] as const;

/** The part of `config` that `ns` holds, frozen. */
export function sliceOf<T extends object>(config: AppConfig, ns: ConfigNamespace<T>): T {
  const all = config as unknown as Record<string, unknown>;
  return Object.freeze(Object.fromEntries(ns.keys.map((k) => [k, all[k]]))) as T;
}

/** One provider per namespace, for the global core module. */
export function configProviders(config: AppConfig): Provider[] {
  return CONFIG_NAMESPACES.map((ns) => ({
    provide: ns.token,
    useValue: sliceOf(config, ns as ConfigNamespace<object>),
  }));
}
