import { resolve } from 'node:path';
import { configNamespace, type ConfigType } from '../config-namespace.js';
import type { EnvReader } from '../env-reader.js';

/**
 * Express `trust proxy`: false, a hop count, or the proxies' addresses/CIDRs (and the names
 * loopback, linklocal, uniquelocal). Never a blanket true: that lets any client pick its IP.
 */
export type TrustProxy = false | number | string[];

export const httpConfig = configNamespace('http', (env) => {
  const port = env.int('PORT', 3000, 0, 65535);
  const benchRoutes = env.bool('RELAYDESK_BENCH_ROUTES', false);
  if (benchRoutes && env.production) {
    env.problem('RELAYDESK_BENCH_ROUTES is for npm run bench only and cannot be on in production');
  }
  const testRoutes = env.bool('RELAYDESK_TEST_ROUTES', false);
  if (testRoutes && env.production) {
    env.problem('RELAYDESK_TEST_ROUTES is for the test suite only and cannot be on in production');
  }
  return {
    port,
    /** Where users reach this installation (links in feeds and mails); never taken from `Host`. */
    publicUrl: parsePublicUrl(env.raw('PUBLIC_URL'), port, env),
    trustProxy: parseTrustProxy(env.raw('TRUST_PROXY'), env),
    corsOrigins: (env.raw('CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    jsonBodyLimitBytes: env.int('JSON_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    /** Folder holding agent/dist and portal/dist, the built SPAs the API serves. */
    webRoot: resolve(env.raw('RELAYDESK_WEB_ROOT') || './apps'),
    benchRoutes,
    /**
     * Test-only routes for the multi-process cluster test: move this instance's clock and run its
     * scheduled work now (modules/test-support). Refused in production.
     */
    testRoutes,
  };
});
export type HttpConfig = ConfigType<typeof httpConfig>;

const TRUST_PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const IPV6 = /^[0-9a-f:.]+(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;

/** TRUST_PROXY as Express understands it, minus `true` (which trusts whatever a client sends). */
function parseTrustProxy(raw: string | undefined, env: EnvReader): TrustProxy {
  const value = (raw ?? '').trim();
  if (value === '' || ['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  }
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) {
    env.problem(
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
    env.problem(
      `TRUST_PROXY must be false, a hop count from 1 to 10, or proxy addresses/CIDRs; got "${raw}"`,
    );
    return false;
  }
  return entries;
}

/** PUBLIC_URL: an absolute http(s) URL without query or fragment, kept without a trailing slash. */
function parsePublicUrl(raw: string | undefined, port: number, env: EnvReader): string {
  if (raw === undefined || raw.trim() === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    env.problem(
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
    env.problem(
      `PUBLIC_URL must be an http(s) URL without credentials, query or fragment, got "${raw}"`,
    );
    return '';
  }
  return url.href.replace(/\/+$/, '');
}
