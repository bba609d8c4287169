import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { WebhookAllowEntry } from '../../../config/config-namespaces.js';

/** A target the guard will not connect to; the reason is shown in the delivery log. */
export class TargetRefusedError extends Error {}

/** The address a request connects to, checked: the request is pinned to it (no second lookup). */
export interface CheckedTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
  readonly port: number;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Only globally routable unicast is public. Everything else ipaddr.js names (private, loopback,
 * linkLocal with the cloud metadata address, carrierGradeNat, uniqueLocal, unspecified,
 * multicast, broadcast, reserved, and the IPv6 forms that embed an IPv4 address: ipv4Mapped,
 * rfc6052/rfc6145 NAT64, 6to4, teredo) is refused, so a range added to the list later is refused
 * too rather than let through.
 */
export function isPublicAddress(address: string): boolean {
  try {
    return ipaddr.parse(address).range() === 'unicast';
  } catch {
    return false;
  }
}

export function portOf(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** The URL's host as written, without IPv6 brackets, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function portMatches(entry: WebhookAllowEntry, port: number): boolean {
  return entry.port === null || entry.port === port;
}

/** The admin allow-list (WEBHOOK_ALLOWED_HOSTS) names this host (as written in the URL). */
export function hostAllowed(allow: readonly WebhookAllowEntry[], host: string, port: number) {
  return allow.some((e) => e.kind === 'host' && e.host === host && portMatches(e, port));
}

/** The allow-list covers this resolved address. */
export function addressAllowed(
  allow: readonly WebhookAllowEntry[],
  address: string,
  port: number,
): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return false;
  }
  return allow.some((e) => {
    if (e.kind !== 'cidr' || !portMatches(e, port)) return false;
    const [range, bits] = ipaddr.parseCIDR(e.cidr);
    return range.kind() === parsed.kind() && parsed.match([range, bits] as never);
  });
}

/**
 * Plain http is accepted only for a target the allow-list names (an intranet receiver, a test):
 * a message to the public internet goes over TLS.
 */
export function schemeAllowed(url: URL, allow: readonly WebhookAllowEntry[]): boolean {
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  const host = hostOf(url);
  const port = portOf(url);
  return (
    hostAllowed(allow, host, port) || (ipaddr.isValid(host) && addressAllowed(allow, host, port))
  );
}

/**
 * Resolves the URL's host (every address it has) and refuses it when any address is not public,
 * unless the allow-list covers the host or that address. Every address is checked, not only the
 * first, so a name that answers with a public and a private address cannot be used to reach the
 * private one; the request then connects to the first address, pinned, so a second lookup (DNS
 * rebinding) cannot change where it goes.
 */
export async function checkTarget(
  url: URL,
  allow: readonly WebhookAllowEntry[],
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  if (!schemeAllowed(url, allow)) {
    throw new TargetRefusedError(
      url.protocol === 'http:'
        ? `plain http to ${url.host} is refused: use https, or list the host in WEBHOOK_ALLOWED_HOSTS`
        : `the scheme ${url.protocol} is not supported`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new TargetRefusedError('credentials in the URL are refused');
  }
  const host = hostOf(url);
  const port = portOf(url);
  let addresses: { address: string; family: number }[];
  if (ipaddr.isValid(host)) {
    addresses = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await resolve(host);
    } catch (e) {
      throw new TargetRefusedError(`cannot resolve ${host}: ${(e as { code?: string }).code ?? e}`);
    }
  }
  if (addresses.length === 0) throw new TargetRefusedError(`${host} has no address`);
  const byName = hostAllowed(allow, host, port);
  for (const { address } of addresses) {
    if (byName || isPublicAddress(address) || addressAllowed(allow, address, port)) continue;
    const range = ipaddr.isValid(address) ? ipaddr.parse(address).range() : 'invalid';
    throw new TargetRefusedError(
      `${host} resolves to ${address} (${range}), which is not a public address; list it in WEBHOOK_ALLOWED_HOSTS to allow it`,
    );
  }
  const first = addresses[0];
  return { url, address: first.address, family: first.family === 6 ? 6 : 4, port };
}
