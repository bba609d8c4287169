import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sql } from '../../../../common/database/sql.js';
import { ReplyAddresses } from '../../../notifications/index.js';
import type { ParsedMail } from '../parsing/parsed-mail.js';

/** The ticket a message continues, and which signal said so. */
export interface ThreadMatch {
  ticketId: string;
  ticketNumber: number;
  by: 'message-id' | 'subject-token' | 'reply-address';
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** The per-ticket thread root every mail about a ticket names (notifications' ticketThreadId). */
const THREAD_ROOT = new RegExp(`^ticket-(${UUID})@(.+)$`, 'i');
/** Our outgoing ids, `ticket-<id>.d<delivery>.<random>@<domain>` and `account.d…`. */
const OUR_ID = new RegExp(`^(?:ticket-${UUID}|account)\\.d\\d{1,19}\\.[0-9a-z]{1,40}@(.+)$`, 'i');
const SUBJECT_TOKEN = /\[#(\d{1,12})\]/g;

/**
 * Whether a Message-ID (no brackets) is one we generated: mail that came back to us. Our shapes
 * in our domain, not the domain alone: an internal desk shares its domain with the colleagues
 * who mail it, whose own clients' ids may be in that domain too.
 */
export function isOurMessageId(id: string, domain: string): boolean {
  const m = OUR_ID.exec(id) ?? THREAD_ROOT.exec(id);
  return m !== null && m[m.length - 1].toLowerCase() === domain.toLowerCase();
}

/**
 * Finds the ticket a message answers, strongest signal first (notes.md §1): a Message-ID we sent
 * (or one we received on a ticket) in In-Reply-To/References, newest first; then the `[#number]`
 * subject token; then the signed per-ticket reply address it was sent to. It only says which
 * ticket the message points at: whether the sender may write there is decided by the caller.
 * `unguessable` leaves out the subject token and the Message-IDs of mail we received (known to
 * every recipient of that mail), for senders whose word weighs more: staff.
 */
@Injectable()
export class MailThreading {
  constructor(private readonly replyAddresses: ReplyAddresses) {}

  async find(
    em: EntityManager,
    mail: ParsedMail,
    domain: string,
    opts: { unguessable?: boolean } = {},
  ): Promise<ThreadMatch | null> {
    // Only what an outsider cannot guess or have seen: our own ids, the signed reply address.
    if (opts.unguessable) {
      return (
        (await this.byMessageIds(em, mail, domain, false)) ?? (await this.byReplyAddress(em, mail))
      );
    }
    return (
      (await this.byMessageIds(em, mail, domain, true)) ??
      (await this.bySubjectToken(em, mail.subject)) ??
      (await this.byReplyAddress(em, mail))
    );
  }

  private async byMessageIds(
    em: EntityManager,
    mail: ParsedMail,
    domain: string,
    withReceived: boolean,
  ): Promise<ThreadMatch | null> {
    const ids = [...mail.inReplyTo, ...[...mail.references].reverse()].filter(
      (id, i, all) => id !== '' && all.indexOf(id) === i,
    );
    if (ids.length === 0) return null;
    const roots = ids
      .map((id) => THREAD_ROOT.exec(id))
      .filter(
        (m): m is RegExpExecArray => m !== null && m[2].toLowerCase() === domain.toLowerCase(),
      )
      .map((m) => m[1].toLowerCase());
    // One query over the three places an id can be known from; the newest id that matches wins.
    const rows = await sql<{ pos: number; ticket_id: string; number: string }>(
      em,
      `SELECT x.pos, t.id AS ticket_id, t.number
         FROM unnest($1::varchar[]) WITH ORDINALITY AS x(id, pos)
         JOIN LATERAL (
           SELECT d.ticket_id FROM deliveries d
            WHERE d.message_id = '<' || x.id || '>' AND d.ticket_id IS NOT NULL
           UNION ALL
           SELECT m.ticket_id FROM inbound_messages m
            WHERE $3::boolean AND m.message_id = x.id AND m.ticket_id IS NOT NULL
              AND m.status = 'processed'
           UNION ALL
           SELECT r.id FROM unnest($2::uuid[]) AS r(id)
            WHERE x.id ILIKE 'ticket-' || r.id::text || '@%'
           LIMIT 1
         ) hit ON TRUE
         JOIN tickets t ON t.id = hit.ticket_id
        ORDER BY x.pos
        LIMIT 1`,
      [ids, roots, withReceived],
    );
    const row = rows[0];
    return row
      ? { ticketId: row.ticket_id, ticketNumber: Number(row.number), by: 'message-id' }
      : null;
  }

  private async bySubjectToken(em: EntityManager, subject: string): Promise<ThreadMatch | null> {
    // The last token: "Re: [#12] Fwd: [#7]" forwards #7's thread into #12's.
    const numbers = [...subject.matchAll(SUBJECT_TOKEN)].map((m) => m[1]).reverse();
    for (const n of numbers) {
      const found = await this.byNumber(em, Number(n));
      if (found) return { ...found, by: 'subject-token' };
    }
    return null;
  }

  private async byReplyAddress(em: EntityManager, mail: ParsedMail): Promise<ThreadMatch | null> {
    const addresses = [
      ...mail.to.map((a) => a.address),
      ...mail.cc.map((a) => a.address),
      ...mail.deliveredTo,
    ];
    for (const address of addresses) {
      const n = this.replyAddresses.ticketNumber(address);
      if (n === null) continue;
      const found = await this.byNumber(em, n);
      if (found) return { ...found, by: 'reply-address' };
    }
    return null;
  }

  private async byNumber(em: EntityManager, n: number): Promise<Omit<ThreadMatch, 'by'> | null> {
    if (!Number.isSafeInteger(n)) return null;
    const [row] = await sql<{ id: string }>(em, `SELECT id FROM tickets WHERE number = $1`, [n]);
    return row ? { ticketId: row.id, ticketNumber: n } : null;
  }
}
