import { SMS_PLACEHOLDER, type SmsConfig } from '../../../config/config-namespaces.js';

export interface SmsRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  body: string | undefined;
}

type Escape = (value: string) => string;

/** Inside a JSON string: quotes, backslashes, newlines and control characters escaped. */
const jsonString: Escape = (value) => JSON.stringify(value).slice(1, -1);
/** A form field or query parameter value (UTF-8, percent-encoded). */
const urlComponent: Escape = (value) => encodeURIComponent(value);

function fill(template: string, values: Record<string, string>, escape: Escape): string {
  // One pass over the template: a value that itself looks like {{to}} is never expanded.
  return template.replace(SMS_PLACEHOLDER, (_match, name: string) => escape(values[name] ?? ''));
}

/**
 * The gateway request for one message, from SMS_GATEWAY_* (validated at boot): the template is the
 * body of a POST (escaped for its content type) or the query string of a GET.
 */
export function buildSmsRequest(config: SmsConfig, to: string, text: string): SmsRequest {
  const values = { to, text, from: config.smsFrom ?? '' };
  const headers: Record<string, string> = {};
  const auth = config.smsGatewayAuthHeader;
  if (auth) headers[auth.name] = auth.reveal();
  const base = config.smsGatewayUrl!;
  if (config.smsGatewayMethod === 'GET') {
    const query = fill(config.smsGatewayBodyTemplate, values, urlComponent);
    const url = base.includes('?') ? `${base}&${query}` : `${base}?${query}`;
    return { url, method: 'GET', headers, body: undefined };
  }
  const json = config.smsGatewayContentType === 'application/json';
  headers['Content-Type'] = json
    ? 'application/json; charset=utf-8'
    : 'application/x-www-form-urlencoded; charset=utf-8';
  return {
    url: base,
    method: 'POST',
    headers,
    body: fill(config.smsGatewayBodyTemplate, values, json ? jsonString : urlComponent),
  };
}
