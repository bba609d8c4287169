import ipaddr from 'ipaddr.js';
import { configNamespace, type ConfigType } from '../config-namespace.js';
import type { EnvReader } from '../env-reader.js';

/**
 * One entry of WEBHOOK_ALLOWED_HOSTS: a host name, an address or a CIDR range, optionally with a
 * port (`localhost:8080`, `127.0.0.1:9000`, `[::1]:9000`, `10.0.0.0/8`). An address or range
 * matches the resolved address a delivery connects to; a name matches the URL's host as written.
 */
export type WebhookAllowEntry =
  | { readonly kind: 'host'; readonly host: string; readonly port: number | null }
  | { readonly kind: 'cidr'; readonly cidr: string; readonly port: number | null };

/**
 * Webhook deliveries (issue 15). Private, loopback and link-local targets are refused unless
 * WEBHOOK_ALLOWED_HOSTS lists them: an installation that posts to its own intranet says so.
 */
export const webhooksConfig = configNamespace('webhooks', (env) => ({
  /** Targets the SSRF guard lets through although they are not public addresses. */
  webhookAllowedHosts: parseAllowList(env.raw('WEBHOOK_ALLOWED_HOSTS'), env),
  /** One attempt, redirects included, ends after this long. */
  webhookTimeoutMs: env.int('WEBHOOK_TIMEOUT_MS', 5_000, 100, 60_000),
  /** Attempts of one message before it is failed (exponential backoff from 30 s up to 12 h). */
  webhookMaxAttempts: env.int('WEBHOOK_MAX_ATTEMPTS', 8, 1, 20),
  /** Messages failed in a row after which an endpoint is disabled and the admins are mailed. */
  webhookDisableAfterFailures: env.int('WEBHOOK_DISABLE_AFTER_FAILURES', 20, 1, 10_000),
  /** Messages sent at once by one instance. */
  webhookConcurrency: env.int('WEBHOOK_CONCURRENCY', 4, 1, 64),
}));
export type WebhooksConfig = ConfigType<typeof webhooksConfig>;

function parseAllowList(raw: string | undefined, env: EnvReader): WebhookAllowEntry[] {
  const entries: WebhookAllowEntry[] = [];
  for (const item of (raw ?? '').split(',')) {
    const text = item.trim().toLowerCase();
    if (text === '') continue;
    const entry = parseAllowEntry(text);
    if (entry) entries.push(entry);
    else env.problem(`WEBHOOK_ALLOWED_HOSTS: "${text}" is not a host, host:port, address or CIDR`);
  }
  return entries;
}

export function parseAllowEntry(text: string): WebhookAllowEntry | null {
  let host = text;
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const withPort = /^([^:]+):(\d+)$/.exec(text);
  if (bracketed) {
    host = bracketed[1];
    port = bracketed[2] ? Number(bracketed[2]) : null;
  } else if (withPort) {
    host = withPort[1];
    port = Number(withPort[2]);
  }
  if (port !== null && (port < 1 || port > 65535)) return null;
  if (host.includes('/')) {
    try {
      const [address, bits] = ipaddr.parseCIDR(host);
      return { kind: 'cidr', cidr: `${address.toString()}/${bits}`, port };
    } catch {
      return null;
    }
  }
  if (ipaddr.isValid(host)) {
    const address = ipaddr.parse(host);
    const bits = address.kind() === 'ipv4' ? 32 : 128;
    return { kind: 'cidr', cidr: `${address.toString()}/${bits}`, port };
  }
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host)
    ? { kind: 'host', host, port }
    : null;
}
