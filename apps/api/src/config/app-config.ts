import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * Every setting the API reads. Built once at boot from the environment and validated as a whole
 * (every problem in one message); nothing else reads process.env. Modules never see it whole:
 * they inject their namespace's slice (config-namespaces.ts).
 */
export interface AppConfig {
  port: number;
  databaseUrl: string;
  dataDir: string;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Absolute lifetime of a login: no refresh is accepted this long after it, rotated or not. */
  sessionMaxAgeDays: number;
  demoData: boolean;
  adminEmail: string | null;
  adminPassword: string | null;
  attachmentMaxBytes: number;
  jsonBodyLimitBytes: number;
  corsOrigins: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  loginMaxAttemptsPerAccount: number;
  loginMaxAttemptsPerIp: number;
  loginWindowSeconds: number;
  /** Token refreshes per client address per rateLimitWindowSeconds. */
  refreshMaxPerIp: number;
  /** Rating-link submissions per client address per rateLimitWindowSeconds. */
  ratingMaxPerIp: number;
  /** The window of the refresh and rating limits. */
  rateLimitWindowSeconds: number;
  /**
   * Express `trust proxy`: false, a hop count, or the proxies' addresses/CIDRs (and the names
   * loopback, linklocal, uniquelocal). Never a blanket true: that lets any client pick its IP.
   */
  trustProxy: false | number | string[];
  /** Where users reach this installation (links in feeds and mails); never taken from `Host`. */
  publicUrl: string;
  /** NODE_ENV=production: refuse development-only switches, warn about demo passwords. */
  production: boolean;
  schedulerEnabled: boolean;
  /** Name hot statements so each connection plans them once (off behind old PgBouncers). */
  databasePreparedStatements: boolean;
  /** Connections in this instance's pool. */
  databasePoolSize: number;
  /** How long a request waits to connect or for a free pooled connection before it gets a 503. */
  databaseConnectTimeoutMs: number;
  /** How long a signed rating link (for e-mails) stays usable. */
  ratingLinkTtlDays: number;
  benchRoutes: boolean;
  /**
   * Test-only routes for the multi-process cluster test: move this instance's clock and run its
   * scheduled work now (modules/test-support). Refused in production.
   */
  testRoutes: boolean;
  /** Folder holding agent/dist and portal/dist, the built SPAs the API serves. */
  webRoot: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Parses and validates the environment. Collects every problem before failing so an operator
 * fixes them in one go instead of one restart per mistake.
 */
export function loadConfig(env: Env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false, got "${raw}"`);
    return fallback;
  };

  const databaseUrl = env.DATABASE_URL ?? '';
  if (!overrides.databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push(
      'DATABASE_URL must be a postgres:// URL (npm start sets it for the embedded server)',
    );
  }

  let jwtSecret = env.JWT_SECRET ?? '';
  if (jwtSecret === '') {
    // A random secret is fine for one process in development: tokens die with a restart.
    // Several instances must share one, which is why production sets JWT_SECRET.
    jwtSecret = randomBytes(32).toString('hex');
  } else if (jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }

  const logLevel = (env.LOG_LEVEL ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }

  const adminEmail = env.RELAYDESK_ADMIN_EMAIL || null;
  const adminPassword = env.RELAYDESK_ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    problems.push('RELAYDESK_ADMIN_EMAIL and RELAYDESK_ADMIN_PASSWORD must be set together');
  }
  if (adminPassword !== null && adminPassword.length < 8) {
    problems.push('RELAYDESK_ADMIN_PASSWORD must be at least 8 characters');
  }

  const production = env.NODE_ENV === 'production';
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
  const port = int('PORT', 3000, 0, 65535);
  const publicUrl = parsePublicUrl(env.PUBLIC_URL, port, problems);
  const benchRoutes = bool('RELAYDESK_BENCH_ROUTES', false);
  if (benchRoutes && production) {
    problems.push(
      'RELAYDESK_BENCH_ROUTES is for npm run bench only and cannot be on in production',
    );
  }
  const testRoutes = bool('RELAYDESK_TEST_ROUTES', false);
  if (testRoutes && production) {
    problems.push(
      'RELAYDESK_TEST_ROUTES is for the test suite only and cannot be on in production',
    );
  }

  const config: AppConfig = {
    port,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR || './.data'),
    jwtSecret,
    accessTokenTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
    refreshTokenTtlSeconds: int('JWT_REFRESH_TTL_SECONDS', 30 * 86400, 300, 365 * 86400),
    sessionMaxAgeDays: int('SESSION_MAX_AGE_DAYS', 30, 1, 3650),
    // An installation that names its admin is a real one: demo data only when asked for.
    demoData: bool('RELAYDESK_DEMO', adminEmail === null),
    adminEmail,
    adminPassword,
    attachmentMaxBytes: int('ATTACHMENT_MAX_BYTES', 25 * 1024 * 1024, 1024, 2 * 1024 ** 3),
    jsonBodyLimitBytes: int('JSON_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    logLevel,
    loginMaxAttemptsPerAccount: int('LOGIN_MAX_ATTEMPTS_PER_ACCOUNT', 10, 1, 10000),
    loginMaxAttemptsPerIp: int('LOGIN_MAX_ATTEMPTS_PER_IP', 100, 1, 1000000),
    loginWindowSeconds: int('LOGIN_WINDOW_SECONDS', 900, 1, 86400),
    refreshMaxPerIp: int('REFRESH_MAX_PER_IP', 300, 1, 1000000),
    ratingMaxPerIp: int('RATING_MAX_PER_IP', 30, 1, 1000000),
    rateLimitWindowSeconds: int('RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86400),
    trustProxy,
    publicUrl,
    production,
    schedulerEnabled: bool('SCHEDULER_ENABLED', true),
    databasePreparedStatements: bool('DATABASE_PREPARED_STATEMENTS', true),
    databasePoolSize: int('DATABASE_POOL_SIZE', 20, 1, 1000),
    databaseConnectTimeoutMs: int('DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    ratingLinkTtlDays: int('RATING_LINK_TTL_DAYS', 14, 1, 365),
    benchRoutes,
    testRoutes,
    webRoot: resolve(env.RELAYDESK_WEB_ROOT || './apps'),
    ...overrides,
  };

  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:.]+(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;

/** TRUST_PROXY as Express understands it, minus `true` (which trusts whatever a client sends). */
function parseTrustProxy(raw: string | undefined, problems: string[]): AppConfig['trustProxy'] {
  const value = (raw ?? '').trim();
  if (value === '' || ['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  }
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) {
    problems.push(
      'TRUST_PROXY=true would believe any X-Forwarded-For a client sends; set the number of proxies ' +
        'in front of Relaydesk (e.g. 1) or their addresses (e.g. 10.0.0.5,10.1.0.0/16 or loopback)',
    );
    return false;
  }
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter(
    (e) => !TRUST_PROXY_NAMES.has(e) && !IPV4.test(e) && !(e.includes(':') && IPV6.test(e)),
  );
  if (bad.length > 0 || entries.length === 0) {
    problems.push(
      `TRUST_PROXY must be false, a hop count from 1 to 10, or proxy addresses/CIDRs; got "${raw}"`,
    );
    return false;
  }
  return entries;
}

/** PUBLIC_URL: an absolute http(s) URL without query or fragment, kept without a trailing slash. */
function parsePublicUrl(raw: string | undefined, port: number, problems: string[]): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    problems.push(
      `PUBLIC_URL must be an absolute URL such as https://help.example.com, got "${raw}"`,
    );
    return '';
  }
  if (
    !['http:', 'https:'].includes(url.protocol) ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  ) {
    problems.push(
      `PUBLIC_URL must be an http(s) URL without credentials, query or fragment, got "${raw}"`,
    );
    return '';
  }
  return url.href.replace(/\/+$/, '');
}
