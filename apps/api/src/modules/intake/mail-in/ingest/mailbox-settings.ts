import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TicketPriority } from '@relaydesk/contracts';
import { sql } from '../../../../common/database/sql.js';
import { InjectConfig, mailConfig, type MailConfig } from '../../../../config/config-namespaces.js';
import { parseMailbox } from '../../../../config/namespaces/mail.config.js';
import { MailSettings } from '../../../notifications/index.js';
import type { UnknownSenderPolicy } from '../mailboxes/support-mailbox.entity.js';

/** What the mailbox a message came through says about the tickets it opens. */
export interface MailboxDefaults {
  typeId: string | null;
  groupId: string | null;
  priority: TicketPriority | null;
  unknownSenderPolicy: UnknownSenderPolicy;
}

/**
 * The HTTP pipe without a mailbox: no defaults, and strangers wait in the quarantine (a refusal
 * mails someone who may not exist; holding costs nothing).
 */
export const INSTALLATION_DEFAULTS: MailboxDefaults = {
  typeId: null,
  groupId: null,
  priority: null,
  unknownSenderPolicy: 'quarantine',
};

/** `support+t1042-…@x` and `support@x` are the same mailbox. */
export function baseAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  return `${a.slice(0, at).split('+')[0]}@${a.slice(at + 1)}`;
}

/** Mailbox defaults and the desk's own addresses (mail from them is a loop). */
@Injectable()
export class MailboxSettings {
  private readonly configured: string[];

  constructor(
    @InjectConfig(mailConfig) config: MailConfig,
    private readonly mail: MailSettings,
  ) {
    this.configured = [config.mailFrom, config.mailReplyTo]
      .map((v) => (v ? parseMailbox(v)?.address : undefined))
      .filter((a): a is string => !!a)
      .map(baseAddress);
  }

  /** Our Message-ID / VERP domain. */
  get domain(): string {
    return this.mail.domain;
  }

  async defaults(em: EntityManager, mailboxId: string | null): Promise<MailboxDefaults> {
    if (mailboxId === null) return INSTALLATION_DEFAULTS;
    const [row] = await sql<{
      default_type_id: string | null;
      default_group_id: string | null;
      default_priority: TicketPriority | null;
      unknown_sender_policy: UnknownSenderPolicy;
    }>(
      em,
      `SELECT default_type_id, default_group_id, default_priority, unknown_sender_policy
         FROM support_mailboxes WHERE id = $1`,
      [mailboxId],
    );
    if (!row) return INSTALLATION_DEFAULTS;
    return {
      typeId: row.default_type_id,
      groupId: row.default_group_id,
      priority: row.default_priority,
      unknownSenderPolicy: row.unknown_sender_policy,
    };
  }

  /** Whether the address is the desk itself: MAIL_FROM, MAIL_REPLY_TO, a mailbox, a VERP sender. */
  async isOwnAddress(em: EntityManager, address: string): Promise<boolean> {
    const base = baseAddress(address);
    if (this.configured.includes(base)) return true;
    if (base === `bounces@${this.domain}`) return true;
    const [row] = await sql<{ one: number }>(
      em,
      `SELECT 1 AS one FROM support_mailboxes WHERE lower(address) = $1 LIMIT 1`,
      [base],
    );
    return row !== undefined;
  }
}
