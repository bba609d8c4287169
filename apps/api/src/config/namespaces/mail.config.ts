import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { configNamespace, type ConfigType } from '../config-namespace.js';
import type { EnvReader } from '../env-reader.js';

export const MAIL_DRIVERS = ['smtp', 'log'] as const;
export type MailDriver = (typeof MAIL_DRIVERS)[number];

/** The parts of SMTP_URL that may be shown (admin view, logs): never the password. */
export interface SmtpEndpoint {
  readonly host: string;
  readonly port: number;
  /** smtps:// (TLS from the first byte); smtp:// upgrades with STARTTLS when offered. */
  readonly secure: boolean;
  readonly user: string | null;
}

export interface DkimSettings {
  readonly domain: string;
  readonly selector: string;
  /** PEM; read once at boot from MAIL_DKIM_PRIVATE_KEY_FILE. */
  readonly privateKey: string;
}

const ADDRESS =
  /^[^\s@<>"(),;:]+@([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)$/;
const DOMAIN =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

export const mailConfig = configNamespace('mail', (env) => {
  const smtpUrl = env.raw('SMTP_URL')?.trim() || null;
  const smtpEndpoint = smtpUrl === null ? null : parseSmtpUrl(smtpUrl, env);
  const mailDriver = parseDriver(env, smtpUrl !== null);
  const mailFrom = env.raw('MAIL_FROM')?.trim() || defaultFrom(env.raw('PUBLIC_URL'));
  if (parseMailbox(mailFrom) === null) {
    env.problem(
      `MAIL_FROM must be an address, optionally with a display name ("Help desk <help@example.com>"), got "${mailFrom}"`,
    );
  }
  if (env.production && mailDriver === 'smtp' && !env.raw('MAIL_FROM')?.trim()) {
    env.problem('MAIL_FROM must be set in production (the address mail is sent from)');
  }
  const mailDomain = env.raw('MAIL_DOMAIN')?.trim().toLowerCase() || null;
  if (mailDomain !== null && !DOMAIN.test(mailDomain)) {
    env.problem(
      `MAIL_DOMAIN must be a domain name such as helpdesk.example.com, got "${mailDomain}"`,
    );
  }
  const mailReplyTo = env.raw('MAIL_REPLY_TO')?.trim() || null;
  if (mailReplyTo !== null && parseMailbox(mailReplyTo) === null) {
    env.problem(`MAIL_REPLY_TO must be an address, got "${mailReplyTo}"`);
  }
  // Each lane holds a pooled connection while it sends: leave the other half to requests. Unset,
  // it follows a small pool down (4, or half of DATABASE_POOL_SIZE); set, it must fit.
  const pool = Number(env.raw('DATABASE_POOL_SIZE') || 20);
  const half = Number.isInteger(pool) && pool > 0 ? Math.max(1, Math.floor(pool / 2)) : 4;
  const mailConcurrency = env.int('MAIL_CONCURRENCY', Math.min(4, half), 1, 32);
  if (mailConcurrency > half) {
    env.problem(
      `MAIL_CONCURRENCY (${mailConcurrency}) must be at most half of DATABASE_POOL_SIZE (${pool}): each sending lane holds a database connection`,
    );
  }
  return {
    mailDriver,
    /** Holds the SMTP password: never logged, never shown; see smtpEndpoint for what may be. */
    smtpUrl,
    smtpEndpoint,
    mailFrom,
    /** Message-ID and VERP domain; null: the domain of MAIL_FROM. */
    mailDomain,
    /** Where replies go; unset until the intake mailbox exists. */
    mailReplyTo,
    mailDkim: parseDkim(env),
    /** Automatic mails per recipient address per hour (RFC 3834: no storms). */
    mailRateLimitPerHour: env.int('MAIL_RATE_LIMIT_PER_HOUR', 10, 1, 100000),
    /**
     * The same for staff addresses: desk mail nobody outside answers automatically, and an agent
     * assigned a dozen tickets in an hour must hear of each; a loop or storm is still cut.
     */
    mailStaffRateLimitPerHour: env.int('MAIL_STAFF_RATE_LIMIT_PER_HOUR', 120, 1, 100000),
    /** Messages sent at once by one instance; each holds a database connection while it sends. */
    mailConcurrency,
    /** First retry after about this long; doubles per attempt, with jitter. */
    mailRetryBaseSeconds: env.int('MAIL_RETRY_BASE_SECONDS', 30, 1, 3600),
    mailRetryMaxDelaySeconds: env.int('MAIL_RETRY_MAX_DELAY_SECONDS', 3600, 1, 86400),
    /** A recipient that keeps answering 4xx is given up after this long. */
    mailRetryMaxAgeHours: env.int('MAIL_RETRY_MAX_AGE_HOURS', 72, 1, 24 * 60),
    /**
     * New tickets one sender may open by mail per hour; more are held in the quarantine (the
     * e-mail-bomb relay: forged senders making us mail someone acknowledgements).
     */
    mailIntakeTicketsPerSenderPerHour: env.int(
      'MAIL_INTAKE_TICKETS_PER_SENDER_PER_HOUR',
      20,
      1,
      100000,
    ),
    /**
     * Refusal mails (to senders who may not file) the whole installation sends per hour; beyond
     * it they are skipped and logged, so forged senders cannot make us a mail cannon.
     */
    mailRefusalsPerHour: env.int('MAIL_REFUSALS_PER_HOUR', 50, 0, 100000),
    /**
     * Web form confirmation mails the whole installation sends per hour; beyond it the form
     * answers as usual but mails nothing (logged): many addresses cannot make us a mail cannon.
     */
    webFormConfirmationsPerHour: env.int('WEB_FORM_CONFIRMATIONS_PER_HOUR', 200, 0, 100000),
    /** Connect, greeting and socket timeouts of the SMTP connection. */
    smtpTimeoutSeconds: env.int('SMTP_TIMEOUT_SECONDS', 30, 1, 600),
  };
});
export type MailConfig = ConfigType<typeof mailConfig>;

function parseDriver(env: EnvReader, hasSmtpUrl: boolean): MailDriver {
  const raw = env.raw('MAIL_DRIVER')?.trim().toLowerCase() || '';
  if (raw !== '' && !(MAIL_DRIVERS as readonly string[]).includes(raw)) {
    env.problem(`MAIL_DRIVER must be smtp or log, got "${raw}"`);
    return hasSmtpUrl ? 'smtp' : 'log';
  }
  if (raw === 'smtp' && !hasSmtpUrl) {
    env.problem('MAIL_DRIVER=smtp needs SMTP_URL (smtp://user:password@host:587 or smtps://…:465)');
  }
  if (raw === '' && !hasSmtpUrl && env.production && !env.has('mailDriver')) {
    env.problem(
      'SMTP_URL must be set in production (smtp://user:password@host:587 or smtps://…:465); ' +
        'to write mail to files under DATA_DIR/mail instead, set MAIL_DRIVER=log explicitly',
    );
  }
  if (raw !== '') return raw as MailDriver;
  return hasSmtpUrl ? 'smtp' : 'log';
}

/** SMTP_URL's shape, checked at boot; the message never repeats the URL (it holds a password). */
function parseSmtpUrl(raw: string, env: EnvReader): SmtpEndpoint | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    env.problem('SMTP_URL must be a URL such as smtp://user:password@smtp.example.com:587');
    return null;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    env.problem(`SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
    return null;
  }
  if (!url.hostname) {
    env.problem('SMTP_URL must name a host');
    return null;
  }
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    user: url.username ? decodeURIComponent(url.username) : null,
  };
}

function parseDkim(env: EnvReader): DkimSettings | null {
  const domain = env.raw('MAIL_DKIM_DOMAIN')?.trim().toLowerCase() || '';
  const selector = env.raw('MAIL_DKIM_SELECTOR')?.trim() || '';
  const file = env.raw('MAIL_DKIM_PRIVATE_KEY_FILE')?.trim() || '';
  const given = [domain, selector, file].filter(Boolean).length;
  if (given === 0) return null;
  if (given < 3) {
    env.problem(
      'MAIL_DKIM_DOMAIN, MAIL_DKIM_SELECTOR and MAIL_DKIM_PRIVATE_KEY_FILE must be set together',
    );
    return null;
  }
  if (!DOMAIN.test(domain)) env.problem(`MAIL_DKIM_DOMAIN must be a domain name, got "${domain}"`);
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(selector)) {
    env.problem(`MAIL_DKIM_SELECTOR must be a DNS label such as "mail2026", got "${selector}"`);
  }
  let privateKey: string;
  try {
    privateKey = readFileSync(file, 'utf8');
    createPrivateKey(privateKey);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? 'not a PEM private key';
    env.problem(`MAIL_DKIM_PRIVATE_KEY_FILE ${file} cannot be used as a private key (${why})`);
    return null;
  }
  return { domain, selector, privateKey };
}

/** Development default: an address in PUBLIC_URL's host, so Message-IDs name this installation. */
function defaultFrom(publicUrl: string | undefined): string {
  let host = 'localhost';
  try {
    if (publicUrl) host = new URL(publicUrl).hostname || host;
  } catch {
    // the http namespace reports a bad PUBLIC_URL
  }
  return `Relaydesk <relaydesk@${host}>`;
}

/** "Name <a@b>" or "a@b" → its parts; null when it is not one mailbox. */
export function parseMailbox(
  value: string,
): { readonly name: string | null; readonly address: string; readonly domain: string } | null {
  const angle = /^\s*(?:"([^"]*)"|([^<>"]*?))\s*<([^<>]+)>\s*$/.exec(value);
  const name = angle ? (angle[1] ?? angle[2] ?? '').trim() || null : null;
  const address = (angle ? angle[3] : value).trim();
  const m = ADDRESS.exec(address);
  if (!m) return null;
  return { name, address, domain: m[1].toLowerCase() };
}
