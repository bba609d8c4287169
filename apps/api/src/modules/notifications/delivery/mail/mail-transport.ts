import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import {
  InjectConfig,
  mailConfig,
  storageConfig,
  type MailConfig,
  type StorageConfig,
} from '../../../../config/config-namespaces.js';

/** One message to one recipient, with every header already decided. */
export interface OutgoingMail {
  readonly deliveryId: string;
  readonly to: string;
  /** The SMTP MAIL FROM (VERP), while the From header stays MAIL_FROM. */
  readonly envelopeFrom: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  /** The ticket's signed reply address; else MAIL_REPLY_TO, if set. */
  readonly replyTo?: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

type Mailer = ReturnType<typeof nodemailer.createTransport>;

/**
 * The way out, built once from the mail config: a pooled SMTP transport (SMTP_URL; DKIM-signed
 * when configured), or the log driver, which writes each message as an .eml file under
 * `<DATA_DIR>/mail/` and logs one line (to, subject, file) — never the body, which holds
 * rating and unsubscribe links. Throws the transport's error when a send fails; the worker
 * decides what that means (smtp-failure.ts).
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly mailer: Mailer;
  readonly driver: MailConfig['mailDriver'];
  readonly logDir: string;

  constructor(
    @InjectConfig(mailConfig) private readonly config: MailConfig,
    @InjectConfig(storageConfig) storage: StorageConfig,
  ) {
    this.driver = config.mailDriver;
    this.logDir = join(storage.dataDir, 'mail');
    const dkim = config.mailDkim
      ? {
          domainName: config.mailDkim.domain,
          keySelector: config.mailDkim.selector,
          privateKey: config.mailDkim.privateKey,
        }
      : undefined;
    if (this.driver === 'smtp' && config.smtpUrl !== null) {
      const timeout = config.smtpTimeoutSeconds * 1000;
      this.mailer = nodemailer.createTransport({
        pool: true,
        url: config.smtpUrl,
        // One connection per concurrent send is all the worker can use.
        maxConnections: config.mailConcurrency,
        connectionTimeout: timeout,
        greetingTimeout: timeout,
        socketTimeout: timeout,
        dkim,
        // Nodemailer's own logger would print the SMTP dialogue (bodies included).
        logger: false,
        debug: false,
      });
    } else {
      this.mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, dkim });
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.mailer.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      ...((mail.replyTo ?? this.config.mailReplyTo)
        ? { replyTo: mail.replyTo ?? this.config.mailReplyTo ?? undefined }
        : {}),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
      ...(mail.references.length > 0 ? { references: [...mail.references] } : {}),
      headers: { ...mail.headers },
      envelope: { from: mail.envelopeFrom, to: [mail.to] },
    })) as { message?: unknown };
    if (this.driver === 'log') await this.writeEml(mail, info.message);
  }

  async onApplicationShutdown(): Promise<void> {
    this.mailer.close();
  }

  private async writeEml(mail: OutgoingMail, message: unknown): Promise<void> {
    if (!Buffer.isBuffer(message)) throw new Error('the log driver produced no message');
    await mkdir(this.logDir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(this.logDir, `${stamp}-d${mail.deliveryId}.eml`);
    // Written under another name and renamed: whoever watches the directory for .eml files (the
    // browser tests read links from them) never reads a mail half written.
    await writeFile(`${file}.part`, message, { mode: 0o600 });
    await rename(`${file}.part`, file);
    this.logger.log({ to: mail.to, subject: mail.subject, file }, 'mail written (log driver)');
  }
}
