import ipaddr from 'ipaddr.js';
import { BusinessRuleError } from '../../common/errors/domain-errors.js';
import type { WebhookAllowEntry } from '../../config/config-namespaces.js';
import {
  addressAllowed,
  hostOf,
  isPublicAddress,
  portOf,
  schemeAllowed,
} from './delivery/ssrf-guard.js';

/**
 * What an endpoint URL must be when an admin saves it: absolute http(s), no credentials in it,
 * https unless the allow-list names the target, and not a private address written as such.
 * Names are resolved only when a message goes out (they may change), and checked there again.
 */
export function checkEndpointUrl(raw: string, allow: readonly WebhookAllowEntry[]): string {
  const refuse = (message: string) => new BusinessRuleError(message, [{ field: 'url', message }]);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw refuse('must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refuse('must be an https URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw refuse('must not carry credentials; verify the signature instead');
  }
  if (!schemeAllowed(url, allow)) {
    throw refuse('must use https (plain http only for hosts in WEBHOOK_ALLOWED_HOSTS)');
  }
  const host = hostOf(url);
  if (ipaddr.isValid(host) && !isPublicAddress(host) && !addressAllowed(allow, host, portOf(url))) {
    throw refuse('points to a private or reserved address not listed in WEBHOOK_ALLOWED_HOSTS');
  }
  url.hash = '';
  return url.toString();
}
