import { Logger } from '@nestjs/common';
import { isE164Phone } from '@relaydesk/contracts';
import type { SmsConfig } from '../../../config/config-namespaces.js';
import { maskPhone } from './mask-phone.js';
import { buildSmsRequest } from './sms-request.js';
import { SmsGateway, type SmsResult } from './sms-gateway.js';

/** How much of a gateway's answer is read: enough for an id or an error text. */
const MAX_ANSWER_BYTES = 64 * 1024;
/** How much of it an error keeps (it lands in deliveries.last_error and on admin screens). */
const MAX_ERROR_DETAIL = 200;

/**
 * Sends through an HTTP gateway configured by SMS_GATEWAY_* (Twilio, SMS.ru, a JSON webhook...).
 * 2xx is sent; 408, 429, 5xx, a timeout or a network failure are transient (retried); any other
 * answer is permanent. Error texts name the gateway by host and path only and have the
 * credential (auth header value, query values of the configured URL) blanked out of whatever
 * the gateway echoed back.
 */
export class HttpSmsGateway extends SmsGateway {
  readonly driver = 'http';
  private readonly logger = new Logger('SmsGateway');
  /** host + path: what errors and logs call the gateway (its query may hold an API key). */
  private readonly where: string;
  private readonly secrets: string[];

  constructor(private readonly config: SmsConfig) {
    super();
    const url = new URL(config.smsGatewayUrl!);
    this.where = `${url.host}${url.pathname}`;
    this.secrets = secretsOf(config);
  }

  async send(to: string, text: string): Promise<SmsResult> {
    if (!isE164Phone(to)) return this.failed(to, true, 'not an E.164 phone number');
    const request = buildSmsRequest(this.config, to, text);
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        // A redirect would resend the credential to wherever the gateway points.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.smsGatewayTimeoutMs),
      });
    } catch (error) {
      return this.failed(to, false, this.networkError(error));
    }
    // The same signal bounds reading the answer: a gateway that stalls mid-body is a timeout too.
    const answer = await readAnswer(response);
    if (response.status >= 200 && response.status < 300) {
      const providerId = providerIdOf(answer);
      this.logger.log(
        { to: maskPhone(to), status: response.status, providerId },
        `SMS sent through ${this.where}`,
      );
      return { ok: true, providerId };
    }
    const transient = response.status === 408 || response.status === 429 || response.status >= 500;
    const detail = this.scrub(answer.replace(/\s+/g, ' ').trim()).slice(0, MAX_ERROR_DETAIL);
    const redirect =
      response.status >= 300 && response.status < 400
        ? '; redirects are not followed: set SMS_GATEWAY_URL to the final address'
        : '';
    return this.failed(
      to,
      !transient,
      `HTTP ${response.status} from ${this.where}${redirect}${detail ? `: ${detail}` : ''}`,
    );
  }

  private failed(to: string, permanent: boolean, error: string): SmsResult {
    this.logger.warn({ to: maskPhone(to), permanent, error }, 'SMS not sent');
    return { ok: false, permanent, error };
  }

  private networkError(error: unknown): string {
    const e = error as { name?: string; cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      return `no answer from ${this.where} within ${this.config.smsGatewayTimeoutMs} ms`;
    }
    const code = typeof e.cause?.code === 'string' ? e.cause.code : 'network error';
    return `could not reach ${this.where} (${code})`;
  }

  private scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out;
  }
}

/**
 * What must never appear in an error: the auth header value and its parts (a Bearer token, a
 * Basic credential and what it decodes to), and every value in the configured URL's query.
 */
function secretsOf(config: SmsConfig): string[] {
  const found = new Set<string>();
  const value = config.smsGatewayAuthHeader?.reveal();
  if (value) {
    found.add(value);
    for (const part of value.split(/\s+/)) {
      found.add(part);
      if (/^[A-Za-z0-9+/=]{8,}$/.test(part)) {
        const decoded = Buffer.from(part, 'base64').toString('utf8');
        found.add(decoded);
        for (const p of decoded.split(':')) found.add(p);
      }
    }
  }
  for (const [, v] of new URL(config.smsGatewayUrl!).searchParams) {
    found.add(v);
    found.add(encodeURIComponent(v));
  }
  // Short parts ("Bearer", "1") would blank out ordinary words; they are not credentials.
  return [...found].filter((s) => s.length >= 6 && !/^(bearer|basic|token)$/i.test(s));
}

async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ANSWER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
    if (size >= MAX_ANSWER_BYTES) await reader.cancel();
  } catch {
    // The status is what counts; a body cut short only loses detail.
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, MAX_ANSWER_BYTES);
}

/** The gateway's message id, when its answer is JSON with id, sid or message_id at the top. */
function providerIdOf(answer: string): string | null {
  try {
    const body = JSON.parse(answer) as Record<string, unknown>;
    for (const key of ['id', 'sid', 'message_id', 'messageId']) {
      const v = body?.[key];
      if (typeof v === 'string' && v !== '') return v.slice(0, 200);
      if (typeof v === 'number') return String(v);
    }
  } catch {
    // Not JSON: sent all the same, without an id.
  }
  return null;
}
