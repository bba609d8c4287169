/**
 * How a failed send counts:
 * - `permanent`: the receiving side refused this message or recipient for good (5xx to RCPT or
 *   DATA): retrying cannot help; the row is failed with the reply.
 * - `recipient`: a temporary refusal of this recipient (4xx to RCPT or DATA: greylisting, a full
 *   mailbox): retried with backoff, given up after MAIL_RETRY_MAX_AGE_HOURS.
 * - `outage`: our relay cannot be used at all (refused or timed-out connection, TLS, login, a
 *   refusal of our own sender): nothing about the message is wrong, so it never expires; it is
 *   retried with backoff for as long as the outage lasts, and the tick stops claiming more.
 */
export type FailureClass = 'permanent' | 'recipient' | 'outage';

export interface SendFailure {
  readonly class: FailureClass;
  /** The SMTP reply, or the error without secrets, short. */
  readonly message: string;
}

/** Steps where a refusal is about the connection or our account, not the recipient. */
const RELAY_COMMANDS = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL FROM|API)/i;
const MAX_LENGTH = 500;

interface NodemailerError {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

export function classifySmtpError(e: unknown): SendFailure {
  const err = (e ?? {}) as NodemailerError;
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;
  const reply = (err.response ?? err.message ?? String(e)).replace(/\s+/g, ' ').trim();
  const message = reply.slice(0, MAX_LENGTH);
  const relayStep = err.command === undefined || RELAY_COMMANDS.test(err.command);
  if (code === null || relayStep || err.code === 'EAUTH') return { class: 'outage', message };
  if (code >= 500 && code < 600) return { class: 'permanent', message };
  return { class: 'recipient', message };
}
