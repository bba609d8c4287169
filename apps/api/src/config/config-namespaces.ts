import { Inject, type Provider } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

/**
 * A typed slice of the configuration that one concern needs, with its own injection token.
 * loadConfig still reads and validates the whole environment at once (every problem in one
 * message); modules inject only their slice (`@InjectConfig(authConfig)`), so what a module
 * depends on is visible in its constructor and a test can see which settings it reads.
 */
export interface ConfigNamespace<T> {
  readonly name: string;
  readonly token: symbol;
  readonly keys: readonly (keyof AppConfig)[];
  /** Only for typing: ConfigType<typeof ns>. */
  readonly __type?: T;
}

export type ConfigType<N> = N extends ConfigNamespace<infer T> ? T : never;

function namespace<K extends keyof AppConfig>(
  name: string,
  keys: readonly K[],
): ConfigNamespace<Readonly<Pick<AppConfig, K>>> {
  return { name, token: Symbol(`config:${name}`), keys };
}

export const databaseConfig = namespace('database', [
  'databaseUrl',
  'databasePoolSize',
  'databaseConnectTimeoutMs',
  'databasePreparedStatements',
]);
export type DatabaseConfig = ConfigType<typeof databaseConfig>;

export const httpConfig = namespace('http', [
  'port',
  'publicUrl',
  'trustProxy',
  'corsOrigins',
  'jsonBodyLimitBytes',
  'webRoot',
  'benchRoutes',
  'testRoutes',
]);
export type HttpConfig = ConfigType<typeof httpConfig>;

export const authConfig = namespace('auth', [
  'jwtSecret',
  'accessTokenTtlSeconds',
  'refreshTokenTtlSeconds',
  'sessionMaxAgeDays',
]);
export type AuthConfig = ConfigType<typeof authConfig>;

/** Per-client request limits of the public endpoints (see common/http/throttling). */
export const rateLimitConfig = namespace('rateLimit', [
  'loginMaxAttemptsPerIp',
  'loginMaxAttemptsPerAccount',
  'loginWindowSeconds',
  'refreshMaxPerIp',
  'ratingMaxPerIp',
  'rateLimitWindowSeconds',
]);
export type RateLimitConfig = ConfigType<typeof rateLimitConfig>;

export const storageConfig = namespace('storage', ['dataDir', 'attachmentMaxBytes']);
export type StorageConfig = ConfigType<typeof storageConfig>;

export const schedulingConfig = namespace('scheduling', ['schedulerEnabled']);
export type SchedulingConfig = ConfigType<typeof schedulingConfig>;

export const demoConfig = namespace('demo', [
  'demoData',
  'adminEmail',
  'adminPassword',
  'production',
]);
export type DemoConfig = ConfigType<typeof demoConfig>;

export const ratingsConfig = namespace('ratings', ['ratingLinkTtlDays']);
export type RatingsConfig = ConfigType<typeof ratingsConfig>;

export const loggingConfig = namespace('logging', ['logLevel']);
export type LoggingConfig = ConfigType<typeof loggingConfig>;

export const CONFIG_NAMESPACES: readonly ConfigNamespace<unknown>[] = [
  databaseConfig,
  httpConfig,
  authConfig,
  rateLimitConfig,
  storageConfig,
  schedulingConfig,
  demoConfig,
  ratingsConfig,
  loggingConfig,
];

/** The slice of `config` that `ns` names, frozen. */
export function sliceOf<T>(config: AppConfig, ns: ConfigNamespace<T>): T {
  return Object.freeze(Object.fromEntries(ns.keys.map((k) => [k, config[k]]))) as T;
}

/** One provider per namespace, for the global core module. */
export function configProviders(config: AppConfig): Provider[] {
  return CONFIG_NAMESPACES.map((ns) => ({ provide: ns.token, useValue: sliceOf(config, ns) }));
}

export const InjectConfig = (ns: ConfigNamespace<unknown>) => Inject(ns.token);
