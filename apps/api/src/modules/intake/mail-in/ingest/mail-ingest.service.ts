import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Locale } from '@relaydesk/contracts';
import type { AuthUser } from '../../../../common/auth/auth-user.js';
import { loadAuthUser } from '../../../../common/auth/auth-user.sql.js';
import { sql } from '../../../../common/database/sql.js';
import { DomainError } from '../../../../common/errors/domain-errors.js';
import { Clock } from '../../../../common/time/clock.js';
import { InjectConfig, mailConfig, type MailConfig } from '../../../../config/config-namespaces.js';
import { AuthorizedRequesters } from '../../../contracts/index.js';
import { MailContacts, type MailOrganization } from '../../../directory/index.js';
import { DeliveryBounces } from '../../../notifications/index.js';
import { AttachmentsService, isTicketVisible } from '../../../tickets/index.js';
import { parseMail } from '../parsing/parse-mail.js';
import { syntheticMessageId } from '../parsing/message-id.js';
import type { ParsedMail } from '../parsing/parsed-mail.js';
import type { InboundAttachmentRecord, InboundStatus } from './entities/inbound-message.entity.js';
import type { IngestOutcome, IngestResult, IngestSource } from './ingest-types.js';
import { MailFiling } from './mail-filing.js';
import { MailRefusals } from './mail-refusals.js';
import { MailThreading, isOurMessageId, type ThreadMatch } from './mail-threading.js';
import { baseAddress, MailboxSettings, type MailboxDefaults } from './mailbox-settings.js';

/** PostgreSQL's serialization failure and deadlock: worth one more try. */
const TRANSIENT = new Set(['40001', '40P01']);

/** What a source hears of a message that failed: the error itself is on its row. */
export const FAILED_MESSAGE = 'The message could not be processed; it is kept for an administrator';

/** Parts beyond these are dropped by the parser with a problem noted. */
export const MAIL_LIMITS = { maxAttachments: 20, maxAttachmentBytes: 20 * 1024 * 1024 };

/** What became of a message, as written on its row. */
interface Decision {
  status: InboundStatus;
  result: IngestResult;
  reason?: string | null;
  ticketId?: string | null;
  commentId?: string | null;
  threadTicketId?: string | null;
  senderId?: string | null;
  createdTicket?: boolean;
  attachments?: InboundAttachmentRecord[];
}

/** Who the From address is to us. */
type Sender =
  | { kind: 'user'; user: AuthUser }
  /** A user, but deactivated (or their organization is): may not act. */
  | { kind: 'inactive'; userId: string }
  /** No user, but an organization allows the domain: a contact is created to file. */
  | { kind: 'domain'; organization: MailOrganization }
  | { kind: 'unknown' };

/**
 * What happens to one inbound message (issue 15, notes.md): the sources (IMAP poller, HTTP pipe)
 * call `ingest` and act on the outcome; it never throws for a bad message.
 *
 * One transaction per message: the `inbound_messages` row (raw bytes, unique by mailbox UID and
 * by Message-ID: a second fetch, or a second instance, gets `duplicate` and does nothing), then
 * the decision and its effect (ticket, comment, files, bounce mark, refusal mail in the outbox),
 * then the commit. An error rolls all of it back and the message is kept anyway, as `failed`
 * with its error, so it is neither lost nor fetched again in a loop.
 *
 * The order of the checks is the point: bounces and our own mail first (never a ticket, never
 * an answer), then anything auto-submitted (kept, never answered), then threading, which only
 * says where the message points: the From address (never Reply-To) must be allowed to see that
 * ticket, else the message never lands there. New tickets follow the sender authorization
 * (contacts, allowed domains, authorized requesters, the mailbox's unknown-sender policy) and a
 * per-sender rate limit.
 */
@Injectable()
export class MailIngestService {
  private readonly logger = new Logger(MailIngestService.name);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    @InjectConfig(mailConfig) private readonly config: MailConfig,
    private readonly mailboxes: MailboxSettings,
    private readonly threading: MailThreading,
    private readonly contacts: MailContacts,
    private readonly filing: MailFiling,
    private readonly bounces: DeliveryBounces,
    private readonly refusals: MailRefusals,
    private readonly attachments: AttachmentsService,
    private readonly requesters: AuthorizedRequesters,
  ) {}

  async ingest(source: IngestSource, raw: Buffer): Promise<IngestOutcome> {
    let mail: ParsedMail | null = null;
    let error: unknown = null;
    try {
      mail = await parseMail(raw, MAIL_LIMITS);
    } catch (e) {
      error = e;
    }
    const messageId = mail?.messageId || syntheticMessageId(raw);
    const storedKeys: string[] = [];
    // A deadlock or serialization failure says nothing about the message: once more, then
    // anything that still fails is kept as failed.
    for (let attempt = 1; mail && attempt <= 2; attempt++) {
      const parsed = mail;
      try {
        return await this.db.transaction(async (em) => {
          const rowId = await this.insert(em, source, raw, parsed, messageId, 'processed');
          if (rowId === null) return this.duplicate(em, source, messageId);
          const decision = await this.decide(em, rowId, source, parsed, raw, storedKeys);
          // What the parser had to repair (a broken boundary, a guessed charset) stays on record.
          const repaired =
            parsed.problems.length > 0 ? `parsing: ${parsed.problems.join('; ')}` : null;
          decision.reason = [decision.reason, repaired].filter(Boolean).join('; ') || null;
          await this.record(em, rowId, decision);
          return {
            result: decision.result,
            inboundMessageId: rowId,
            ...(decision.ticketId ? { ticketId: decision.ticketId } : {}),
          };
        });
      } catch (e) {
        error = e;
        await this.attachments.removeStored(storedKeys.splice(0));
        if (!TRANSIENT.has((e as { code?: string }).code ?? '')) break;
      }
    }
    return this.keepFailed(source, raw, mail, messageId, error);
  }

  /** The row, or null when this message is already stored (by UID or by Message-ID). */
  private async insert(
    em: EntityManager,
    source: IngestSource,
    raw: Buffer,
    mail: ParsedMail | null,
    messageId: string,
    status: InboundStatus,
    reason: string | null = null,
  ): Promise<string | null> {
    const [row] = await sql<{ id: string }>(
      em,
      `INSERT INTO inbound_messages (mailbox_id, source, uid_validity, uid, message_id, raw,
                                     from_address, from_name, reply_to, subject, received_at,
                                     status, reason, authentication_results)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        source.mailboxId,
        source.kind,
        source.kind === 'imap' ? source.uidValidity : null,
        source.kind === 'imap' ? source.uid : null,
        messageId,
        raw,
        mail?.from?.address.slice(0, 320) ?? null,
        (mail?.from?.name ?? '').slice(0, 200),
        mail?.replyTo && mail.replyTo.address !== mail.from?.address
          ? mail.replyTo.address.slice(0, 320)
          : null,
        (mail?.subject ?? '').slice(0, 1000),
        this.clock.now(),
        status,
        reason,
        mail?.authenticationResults?.slice(0, 4000) ?? null,
      ],
    );
    return row?.id ?? null;
  }

  private async duplicate(
    em: EntityManager,
    source: IngestSource,
    messageId: string,
  ): Promise<IngestOutcome> {
    const [row] = await sql<{ id: string; ticket_id: string | null }>(
      em,
      `SELECT id, ticket_id FROM inbound_messages
        WHERE message_id = $1
           OR (mailbox_id = $2 AND uid_validity = $3 AND uid = $4)
        ORDER BY message_id = $1 DESC LIMIT 1`,
      [
        messageId,
        source.mailboxId,
        source.kind === 'imap' ? source.uidValidity : null,
        source.kind === 'imap' ? source.uid : null,
      ],
    );
    return {
      result: 'duplicate',
      inboundMessageId: row.id,
      ...(row.ticket_id ? { ticketId: row.ticket_id } : {}),
    };
  }

  /** After a rollback: the raw message is kept with the error, in a transaction of its own. */
  private async keepFailed(
    source: IngestSource,
    raw: Buffer,
    mail: ParsedMail | null,
    messageId: string,
    e: unknown,
  ): Promise<IngestOutcome> {
    const error = errorText(e);
    this.logger.error(`inbound message ${messageId} failed: ${error}`);
    return this.db.transaction(async (em) => {
      const rowId = await this.insert(em, source, raw, mail, messageId, 'failed', error);
      // Stored meanwhile (another instance took it): that one counts.
      if (rowId === null) return this.duplicate(em, source, messageId);
      // The error text (table names, constraint names, a library's internals) stays on the row
      // for administrators; whoever posted the message learns only that it is kept.
      return { result: 'failed', inboundMessageId: rowId, error: FAILED_MESSAGE };
    });
  }

  private async record(em: EntityManager, rowId: string, d: Decision): Promise<void> {
    await em.query(
      `UPDATE inbound_messages
          SET status = $2, reason = $3, ticket_id = $4, comment_id = $5, thread_ticket_id = $6,
              sender_id = $7, created_ticket = $8, attachments = $9::jsonb
        WHERE id = $1`,
      [
        rowId,
        d.status,
        d.reason ?? null,
        d.ticketId ?? null,
        d.commentId ?? null,
        d.threadTicketId ?? null,
        d.senderId ?? null,
        d.createdTicket ?? false,
        JSON.stringify(d.attachments ?? []),
      ],
    );
  }

  private async decide(
    em: EntityManager,
    rowId: string,
    source: IngestSource,
    mail: ParsedMail,
    raw: Buffer,
    storedKeys: string[],
  ): Promise<Decision> {
    const domain = this.mailboxes.domain;
    const recipients = [
      ...mail.to.map((a) => a.address),
      ...mail.cc.map((a) => a.address),
      ...mail.deliveredTo,
    ];

    // 1. Bounces: never a ticket, never an answer (hostile-mails 07).
    const toBounceAddress = recipients.some(
      (a) => this.bounces.isVerpAddress(a) || baseAddress(a) === `bounces@${domain}`,
    );
    if (mail.bounce) return this.bounce(em, mail, recipients);
    if (toBounceAddress) {
      return { status: 'ignored', result: 'ignored', reason: 'sent to the bounce address' };
    }

    // 2. Our own mail come back: a loop (hostile-mails 20).
    const fromOwn =
      mail.from !== null && (await this.mailboxes.isOwnAddress(em, mail.from.address));
    if (fromOwn || isOurMessageId(mail.messageId, domain)) {
      const reason = fromOwn
        ? `loop: sent from our own address ${mail.from!.address}`
        : `loop: our own Message-ID ${mail.messageId}`;
      this.logger.warn(`inbound message ${rowId} ignored, ${reason}`);
      return { status: 'ignored', result: 'ignored', reason };
    }

    const thread = await this.threading.find(em, mail, domain);

    // 3. Auto-submitted (vacation replies, lists, DSN-like notices): kept, never answered, and a
    //    reply to a ticket neither lands there nor reopens it (hostile-mails 05, 06).
    if (mail.autoSubmitted) {
      return {
        status: 'ignored',
        result: 'ignored',
        reason: `auto-submitted (${mail.autoSubmitted})`,
        threadTicketId: thread?.ticketId ?? null,
      };
    }

    if (!mail.from) {
      return { status: 'quarantined', result: 'quarantined', reason: 'no sender address in From' };
    }
    const sender = await this.sender(em, mail.from.address);
    const senderId =
      sender.kind === 'user' ? sender.user.id : sender.kind === 'inactive' ? sender.userId : null;

    // 4. Staff by mail: only onto a ticket, and only by a signal nobody can guess.
    if (sender.kind === 'user' && sender.user.role !== 'client') {
      return this.fromStaff(em, sender.user, thread, mail, raw, storedKeys);
    }

    // 5. A reply, when the sender may see the ticket it points at.
    let flag: string | null = null;
    if (thread) {
      if (sender.kind === 'user' && (await isTicketVisible(em, sender.user, thread.ticketId))) {
        const replied = await this.tryReply(em, sender.user, thread, mail, raw, storedKeys);
        if (replied) return { ...replied, senderId };
        flag = `ticket #${thread.ticketNumber} is read-only: filed as a new ticket`;
      } else {
        // Threading is not authorization: never a comment there, never a participant.
        flag = `points at ticket #${thread.ticketNumber} (by ${thread.by}), which the sender may not see`;
      }
    }
    const threadTicketId = thread?.ticketId ?? null;
    const withFlag = (reason: string | null): string | null =>
      [reason, flag].filter((r): r is string => !!r).join('; ') || null;

    // 6. A new ticket: who may file.
    const defaults = await this.mailboxes.defaults(em, source.mailboxId);
    const known = sender.kind === 'user' ? sender.user : null;
    const refused = (reason: string): Promise<Decision> =>
      this.refuse(em, mail, reason, 'not_authorized', {
        threadTicketId,
        senderId,
        flag: withFlag(null),
        recipient: { userId: known?.id ?? null, locale: known?.locale ?? 'en' },
      });
    if (sender.kind === 'inactive') return refused('the sender’s account is deactivated');
    if (sender.kind === 'unknown') {
      return this.unknownSender(em, mail, defaults, { threadTicketId, flag: withFlag(null) });
    }
    const organization =
      sender.kind === 'domain'
        ? sender.organization
        : sender.user.organizationId
          ? await this.contacts.organization(em, sender.user.organizationId)
          : null;
    // The contracts module's list (mail names no contract: one listed for any contract may file).
    // A new contact of an allowed domain is on no list, so it files only while the list is off.
    if (
      organization &&
      !(sender.kind === 'domain'
        ? await this.requesters.isOpen(organization.id, em)
        : await this.requesters.mayFile(sender.user.id, organization.id, null, em))
    ) {
      return refused('not an authorized requester of the organization');
    }

    // 7. The per-sender rate limit on new tickets: more are held for staff.
    if (await this.overRate(em, mail.from.address)) {
      return {
        status: 'quarantined',
        result: 'quarantined',
        reason: withFlag(
          `rate limit: ${this.config.mailIntakeTicketsPerSenderPerHour} new tickets from this sender in the last hour`,
        ),
        threadTicketId,
        senderId,
      };
    }

    let user: AuthUser;
    if (sender.kind === 'domain') {
      const id = await this.contacts.create(
        em,
        {
          email: mail.from.address,
          name: mail.from.name,
          organizationId: sender.organization.id,
          locale: 'en',
        },
        null,
      );
      const loaded = await loadAuthUser(em, id, this.clock.now());
      if (!loaded) throw new Error('the new contact cannot act');
      user = loaded;
    } else {
      user = sender.user;
    }
    const filed = await this.filing.newTicket(em, { user, mail, raw, defaults, storedKeys });
    return {
      status: 'processed',
      result: 'created',
      reason: withFlag(sender.kind === 'domain' ? 'contact created (allowed domain)' : null),
      ticketId: filed.ticketId,
      threadTicketId,
      senderId: user.id,
      createdTicket: true,
      attachments: filed.attachments,
    };
  }

  /**
   * A From header is easily forged, and admins and dispatchers see every ticket, whose numbers
   * are sequential: `From: admin@…` with `Subject: Re: [#1042]` would write a note in the admin's
   * name anywhere. So a staff member's mail lands (as an internal note) only when it answers
   * our own mail about the ticket (our Message-IDs or its thread root) or went to its signed
   * reply address; anything else is held for a look, and staff write in the agent app.
   */
  private async fromStaff(
    em: EntityManager,
    user: AuthUser,
    thread: ThreadMatch | null,
    mail: ParsedMail,
    raw: Buffer,
    storedKeys: string[],
  ): Promise<Decision> {
    const signed = thread
      ? await this.threading.find(em, mail, this.mailboxes.domain, { unguessable: true })
      : null;
    const visible = signed !== null && (await isTicketVisible(em, user, signed.ticketId));
    if (signed && visible) {
      const replied = await this.tryReply(em, user, signed, mail, raw, storedKeys);
      if (replied) return { ...replied, senderId: user.id };
    }
    const why = !thread
      ? 'not a reply to a ticket'
      : !signed
        ? `points at ticket #${thread.ticketNumber} only by ${
            thread.by === 'subject-token'
              ? 'the [#number] subject token'
              : 'a Message-ID we received'
          }, which anyone can guess or know`
        : visible
          ? `ticket #${signed.ticketNumber} is read-only`
          : `points at ticket #${signed.ticketNumber}, which the sender may not see`;
    return {
      status: 'quarantined',
      result: 'quarantined',
      reason: `from staff by mail: ${why}; staff write in the agent app`,
      threadTicketId: (signed ?? thread)?.ticketId ?? null,
      senderId: user.id,
    };
  }

  /** A comment, in a savepoint: a read-only ticket makes it a new ticket instead. */
  private async tryReply(
    em: EntityManager,
    user: AuthUser,
    thread: ThreadMatch,
    mail: ParsedMail,
    raw: Buffer,
    storedKeys: string[],
  ): Promise<Decision | null> {
    await em.query('SAVEPOINT mail_reply');
    try {
      const { commentId, attachments } = await this.filing.reply(em, {
        user,
        ticketId: thread.ticketId,
        mail,
        raw,
        storedKeys,
      });
      await em.query('RELEASE SAVEPOINT mail_reply');
      return {
        status: 'processed',
        result: 'replied',
        reason: user.role !== 'client' ? 'from staff: kept as an internal note' : null,
        ticketId: thread.ticketId,
        commentId,
        attachments,
      };
    } catch (e) {
      await em.query('ROLLBACK TO SAVEPOINT mail_reply');
      if (e instanceof DomainError) return null;
      throw e;
    }
  }

  private async sender(em: EntityManager, address: string): Promise<Sender> {
    const found = await this.contacts.findByEmail(em, address);
    if (found) {
      const user = await loadAuthUser(em, found.id, this.clock.now());
      return user ? { kind: 'user', user } : { kind: 'inactive', userId: found.id };
    }
    const domain = address.slice(address.lastIndexOf('@') + 1);
    const organization = await this.contacts.organizationForDomain(em, domain);
    return organization ? { kind: 'domain', organization } : { kind: 'unknown' };
  }

  private async unknownSender(
    em: EntityManager,
    mail: ParsedMail,
    defaults: MailboxDefaults,
    extra: { threadTicketId: string | null; flag: string | null },
  ): Promise<Decision> {
    if (defaults.unknownSenderPolicy === 'refuse') {
      return this.refuse(em, mail, 'unknown sender', 'unknown_sender', {
        ...extra,
        senderId: null,
        recipient: { userId: null, locale: 'en' },
      });
    }
    return {
      status: 'quarantined',
      result: 'quarantined',
      reason: [extra.flag, 'unknown sender'].filter(Boolean).join('; '),
      threadTicketId: extra.threadTicketId,
    };
  }

  private async refuse(
    em: EntityManager,
    mail: ParsedMail,
    reason: string,
    why: 'unknown_sender' | 'not_authorized',
    extra: {
      threadTicketId: string | null;
      senderId: string | null;
      flag: string | null;
      recipient: { userId: string | null; locale: Locale };
    },
  ): Promise<Decision> {
    // Auto-submitted mail never gets here; the refusal itself is limited per address and hour.
    const sent = await this.refusals.send(em, mail, why, extra.recipient);
    const unanswered =
      sent === 'address_today'
        ? 'no reply: one went to this address today'
        : sent === 'hourly_cap'
          ? 'no reply: the hourly limit of refusal mails is reached'
          : null;
    return {
      status: 'refused',
      result: 'refused',
      reason: [reason, extra.flag, unanswered].filter(Boolean).join('; '),
      threadTicketId: extra.threadTicketId,
      senderId: extra.senderId,
    };
  }

  private async bounce(
    em: EntityManager,
    mail: ParsedMail,
    recipients: string[],
  ): Promise<Decision> {
    const report = mail.bounce!;
    const delivery = await this.bounces.find(em, {
      addresses: recipients,
      originalMessageId: report.originalMessageId,
    });
    const what = `${report.permanent ? 'permanent failure' : 'delay'} ${report.status ?? ''} ${
      report.finalRecipient ?? ''
    }`.replace(/\s+/g, ' ');
    if (!delivery) {
      return { status: 'bounce', result: 'bounce', reason: `${what.trim()}; no matching delivery` };
    }
    // A Message-ID is known to everyone who got the mail: matched by it alone, the report must
    // name that delivery's recipient, and one naming none proves nothing (the signed VERP
    // address needs no such check, and a forwarded address may differ there).
    const named = report.finalRecipient?.toLowerCase() ?? null;
    if (delivery.by === 'message-id' && named !== delivery.address.toLowerCase()) {
      return {
        status: 'bounce',
        result: 'bounce',
        reason: `${what.trim()}; matched delivery ${delivery.id} by Message-ID alone and ${
          named === null ? 'names no recipient' : 'names another recipient'
        }: not marked`,
      };
    }
    await this.bounces.record(em, delivery.id, {
      permanent: report.permanent,
      status: report.status,
      diagnostic: report.diagnostic,
      at: this.clock.now(),
    });
    return {
      status: 'bounce',
      result: 'bounce',
      reason: `${what.trim()} for delivery ${delivery.id} to ${delivery.address}`,
      threadTicketId: delivery.ticketId,
    };
  }

  /** Counted under a lock per sender, so two instances cannot both let the N+1st through. */
  private async overRate(em: EntityManager, address: string): Promise<boolean> {
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('relaydesk:mail-in:' || $1, 0))`,
      [address.toLowerCase()],
    );
    const [{ n }] = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM inbound_messages
        WHERE from_address = $1 AND created_ticket AND received_at > $2`,
      [address, new Date(this.clock.now().getTime() - 3_600_000)],
    );
    return n >= this.config.mailIntakeTicketsPerSenderPerHour;
  }
}

function errorText(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return text.slice(0, 2000);
}
