import { ImapFlow, type ImapFlowError } from 'imapflow';
import type { MailboxTlsMode } from '../mailboxes/support-mailbox.entity.js';

/** Where and how to log in; the password in clear, so never logged or returned. */
export interface ImapSettings {
  host: string;
  port: number;
  tls: MailboxTlsMode;
  user: string;
  password: string;
}

export interface ImapTimeouts {
  /** DNS, TCP and TLS together. */
  connectMs: number;
  /** A socket silent this long is dead (IDLE is restarted well within it). */
  socketMs: number;
}

export const DEFAULT_TIMEOUTS: ImapTimeouts = { connectMs: 15_000, socketMs: 5 * 60_000 };

/**
 * A logged-in client. `starttls` insists on the upgrade (a server that does not offer it is an
 * error, not a silent fall back to clear text); `none` never upgrades: for a server on the same
 * host or network only, which the admin chose knowingly.
 */
export async function connectImap(
  s: ImapSettings,
  timeouts: ImapTimeouts = DEFAULT_TIMEOUTS,
): Promise<ImapFlow> {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls === 'tls',
    doSTARTTLS: s.tls === 'starttls' ? true : s.tls === 'none' ? false : undefined,
    auth: { user: s.user, pass: s.password },
    logger: false,
    connectionTimeout: timeouts.connectMs,
    greetingTimeout: timeouts.connectMs,
    socketTimeout: timeouts.socketMs,
    // Restart IDLE now and then: some servers and NAT boxes drop a connection silent for long.
    maxIdleTime: Math.min(timeouts.socketMs / 2, 4 * 60_000),
    // Enter IDLE soon after a pass, so new mail is announced instead of found at the next poll.
    autoIdleDelay: 2_000,
    clientInfo: { name: 'Relaydesk' },
  });
  // An error after connect (socket reset) is emitted; without a listener it would crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    client.close();
    throw e;
  }
  return client;
}

/** Logs out politely, or drops the socket when the server does not answer. */
export async function closeImap(client: ImapFlow): Promise<void> {
  if (!client.usable) {
    client.close();
    return;
  }
  const timer = setTimeout(() => client.close(), 5_000);
  try {
    await client.logout();
  } catch {
    client.close();
  } finally {
    clearTimeout(timer);
  }
}

/** An IMAP or network failure in words an admin can act on; never contains the password. */
export function describeImapError(e: unknown, s?: Pick<ImapSettings, 'host' | 'port'>): string {
  const err = e as ImapFlowError & { authenticationFailed?: boolean; responseText?: string };
  const where = s ? ` ${s.host}:${s.port}` : '';
  if (err?.authenticationFailed) {
    const text = err.responseText ? ` (${err.responseText})` : '';
    return `The server refused the user name or password${text}`;
  }
  switch (err?.code) {
    case 'ECONNREFUSED':
      return `Connection refused by${where}: is the port right and the server running?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name${where ? ` ${s?.host}` : ''} does not resolve`;
    case 'CONNECT_TIMEOUT':
    case 'GREETING_TIMEOUT':
    case 'UPGRADE_TIMEOUT':
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
      return `No answer from${where} in time`;
    case 'ECONNRESET':
    case 'EConnectionClosed':
    case 'NoConnection':
      return `The connection to${where} was closed`;
    case 'MissingServerExtension':
      return 'The server lacks a needed IMAP extension (STARTTLS or UIDPLUS/MOVE)';
  }
  if (typeof err?.code === 'string' && /CERT|SSL|TLS|SELF_SIGNED/.test(err.code)) {
    return `TLS failed with${where}: ${err.code}`;
  }
  const text = err?.responseText || (err instanceof Error ? err.message : String(e));
  return text.slice(0, 500);
}
