import type { Provider } from '@nestjs/common';
import type { AppConfig } from './app-config.js';
import type { ConfigNamespace } from './config-namespace.js';
import { authConfig } from './namespaces/auth.config.js';
import { databaseConfig } from './namespaces/database.config.js';
import { httpConfig } from './namespaces/http.config.js';
import { rateLimitConfig } from './namespaces/rate-limit.config.js';
import {
  demoConfig,
  loggingConfig,
  ratingsConfig,
  schedulingConfig,
  storageConfig,
} from './namespaces/small.config.js';

export { InjectConfig, type ConfigNamespace, type ConfigType } from './config-namespace.js';
export { authConfig, type AuthConfig } from './namespaces/auth.config.js';
export { databaseConfig, type DatabaseConfig } from './namespaces/database.config.js';
export { httpConfig, type HttpConfig } from './namespaces/http.config.js';
export { rateLimitConfig, type RateLimitConfig } from './namespaces/rate-limit.config.js';
export {
  demoConfig,
  loggingConfig,
  ratingsConfig,
  schedulingConfig,
  storageConfig,
  type DemoConfig,
  type LoggingConfig,
  type RatingsConfig,
  type SchedulingConfig,
  type StorageConfig,
} from './namespaces/small.config.js';

/** Every namespace; AppConfig is all of them together. */
export const CONFIG_NAMESPACES = [
  databaseConfig,
  httpConfig,
  authConfig,
  rateLimitConfig,
  storageConfig,
  schedulingConfig,
  demoConfig,
  ratingsConfig,
  loggingConfig,
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
