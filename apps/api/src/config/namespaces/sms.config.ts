import { inspect } from 'node:util';
import { configNamespace, type ConfigType } from '../config-namespace.js';
import type { EnvReader } from '../env-reader.js';

export const SMS_DRIVERS = ['log', 'http'] as const;
export type SmsDriverName = (typeof SMS_DRIVERS)[number];

export const SMS_CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded'] as const;
export type SmsContentType = (typeof SMS_CONTENT_TYPES)[number];

export const SMS_PLACEHOLDERS = ['to', 'text', 'from'] as const;
/** `{{name}}`, spaces inside the braces allowed; the drivers fill them with this same pattern. */
export const SMS_PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * The gateway's credential header. Its value is a secret: printing the config (console.log, a
 * JSON dump, a log line that carries it by mistake) shows the header name only.
 */
export class SecretHeader {
  readonly #value: string;
  constructor(
    readonly name: string,
    value: string,
  ) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return `${this.name}: [redacted]`;
  }
  [inspect.custom](): string {
    return this.toJSON();
  }
}

const DEFAULT_TEMPLATES = {
  GET: 'to={{to}}&text={{text}}',
  'application/json': '{"to":"{{to}}","text":"{{text}}"}',
  'application/x-www-form-urlencoded': 'to={{to}}&text={{text}}',
} as const;

/**
 * SMS out (issue 14). SMS_DRIVER: `log` writes what would be sent to the log (the default outside
 * production), `http` calls a gateway; unset in production, SMS is off (one start-up line says
 * so), which is a valid choice for an installation without a gateway, not an error.
 */
export const smsConfig = configNamespace('sms', (env) => {
  const rawDriver = (env.raw('SMS_DRIVER') ?? '').trim().toLowerCase();
  let smsDriver: SmsDriverName | null = rawDriver === '' ? (env.production ? null : 'log') : null;
  if (rawDriver !== '') {
    if ((SMS_DRIVERS as readonly string[]).includes(rawDriver)) {
      smsDriver = rawDriver as SmsDriverName;
    } else {
      env.problem(`SMS_DRIVER must be one of ${SMS_DRIVERS.join(', ')}, got "${rawDriver}"`);
    }
  }
  const http = smsDriver === 'http';

  const method = (env.raw('SMS_GATEWAY_METHOD') ?? '').trim().toUpperCase() || 'POST';
  if (method !== 'POST' && method !== 'GET') {
    env.problem(`SMS_GATEWAY_METHOD must be POST or GET, got "${method}"`);
  }
  const smsGatewayMethod: 'POST' | 'GET' = method === 'GET' ? 'GET' : 'POST';

  const contentType = (env.raw('SMS_GATEWAY_CONTENT_TYPE') ?? '').trim().toLowerCase();
  let smsGatewayContentType: SmsContentType = 'application/json';
  if (contentType !== '') {
    if ((SMS_CONTENT_TYPES as readonly string[]).includes(contentType)) {
      smsGatewayContentType = contentType as SmsContentType;
    } else {
      env.problem(
        `SMS_GATEWAY_CONTENT_TYPE must be ${SMS_CONTENT_TYPES.join(' or ')}, got "${contentType}"`,
      );
    }
  }

  const smsFrom = (env.raw('SMS_FROM') ?? '').trim() || null;
  if (smsFrom !== null && (smsFrom.length > 20 || /[\p{Cc}]/u.test(smsFrom))) {
    env.problem('SMS_FROM must be a sender name or number of at most 20 characters');
  }

  const rawTemplate = env.raw('SMS_GATEWAY_BODY_TEMPLATE') ?? '';
  const smsGatewayBodyTemplate =
    rawTemplate.trim() !== ''
      ? rawTemplate
      : DEFAULT_TEMPLATES[smsGatewayMethod === 'GET' ? 'GET' : smsGatewayContentType];

  const config = {
    /** null: SMS is off. */
    smsDriver,
    smsGatewayUrl: http ? parseGatewayUrl(env.raw('SMS_GATEWAY_URL'), env) : null,
    smsGatewayMethod,
    /** Sent with every gateway request; never logged, never in an error text. */
    smsGatewayAuthHeader: http ? parseAuthHeader(env.raw('SMS_GATEWAY_AUTH_HEADER'), env) : null,
    /** The body (POST) or query string (GET) with {{to}}, {{text}} and {{from}} placeholders. */
    smsGatewayBodyTemplate,
    smsGatewayContentType,
    smsGatewayTimeoutMs: env.int('SMS_GATEWAY_TIMEOUT_MS', 10_000, 100, 120_000),
    smsFrom,
  };
  if (http) checkTemplate(config, env);
  return config;
});
export type SmsConfig = ConfigType<typeof smsConfig>;

function parseGatewayUrl(raw: string | undefined, env: EnvReader): string | null {
  const value = (raw ?? '').trim();
  if (value === '') {
    env.problem('SMS_GATEWAY_URL is required with SMS_DRIVER=http');
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Not echoed: the query may carry the gateway's API key.
    env.problem('SMS_GATEWAY_URL must be an absolute http(s) URL');
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    env.problem('SMS_GATEWAY_URL must be an http(s) URL');
    return null;
  }
  if (url.username || url.password) {
    env.problem(
      'SMS_GATEWAY_URL must not hold a user name or password; send them with ' +
        'SMS_GATEWAY_AUTH_HEADER (e.g. "Authorization: Basic <base64 of user:password>")',
    );
    return null;
  }
  if (url.hash) {
    env.problem('SMS_GATEWAY_URL must not have a #fragment');
    return null;
  }
  return url.href;
}

// RFC 9110 token characters.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function parseAuthHeader(raw: string | undefined, env: EnvReader): SecretHeader | null {
  if (raw === undefined || raw.trim() === '') return null;
  const colon = raw.indexOf(':');
  const name = colon === -1 ? '' : raw.slice(0, colon).trim();
  const value = colon === -1 ? '' : raw.slice(colon + 1).trim();
  // The problem never quotes the value: it is a credential.
  if (!HEADER_NAME.test(name) || value === '' || /[\r\n\0]/.test(value)) {
    env.problem(
      'SMS_GATEWAY_AUTH_HEADER must be one header line, "Name: value", such as ' +
        '"Authorization: Bearer <token>" (its value is not shown here)',
    );
    return null;
  }
  return new SecretHeader(name, value);
}

function checkTemplate(
  config: { smsGatewayBodyTemplate: string; smsGatewayMethod: string; smsFrom: string | null } & {
    smsGatewayContentType: SmsContentType;
  },
  env: EnvReader,
): void {
  const template = config.smsGatewayBodyTemplate;
  const used = [...template.matchAll(SMS_PLACEHOLDER)].map((m) => m[1]);
  const unknown = used.filter((p) => !(SMS_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0) {
    env.problem(
      `SMS_GATEWAY_BODY_TEMPLATE has unknown placeholders ${unknown.map((p) => `{{${p}}}`).join(', ')}; ` +
        'it may use {{to}}, {{text}} and {{from}}',
    );
  }
  for (const required of ['to', 'text']) {
    if (!used.includes(required)) {
      env.problem(`SMS_GATEWAY_BODY_TEMPLATE must contain {{${required}}}`);
    }
  }
  if (used.includes('from') && config.smsFrom === null) {
    env.problem('SMS_GATEWAY_BODY_TEMPLATE uses {{from}}: set SMS_FROM');
  }
  if (config.smsGatewayMethod === 'POST' && config.smsGatewayContentType === 'application/json') {
    const sample = template.replace(SMS_PLACEHOLDER, 'x');
    try {
      JSON.parse(sample);
    } catch {
      env.problem(
        'SMS_GATEWAY_BODY_TEMPLATE must be JSON with the placeholders inside strings, such as ' +
          '{"to":"{{to}}","message":"{{text}}"}',
      );
    }
  }
}
