import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TicketLinkKind, TicketLinkRelation, TranslatedText } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../common/errors/domain-errors.js';
import { sql } from '../../common/database/sql.js';
import { Clock } from '../../common/time/clock.js';
import type { CreateTicketLinkDto, TicketLinkDto } from './dto/ticket-link.dto.js';
import { TicketWriter } from './ticket-writer.js';
import { TicketAccessService } from './ticket-access.service.js';
import { recordTicketEvents } from './ticket-events.js';
import { ticketVisibility } from './ticket-visibility.js';
import { statusNameSql } from './ticket-query.sql.js';

/** Relations a person can create, and how each is stored: [stored kind, this ticket is the row's ticket_id]. */
const STORAGE: Record<CreateTicketLinkDto['relation'], [TicketLinkKind, boolean]> = {
  duplicate_of: ['duplicate_of', true],
  related: ['related', true],
  parent: ['child_of', true],
  child: ['child_of', false],
};

/** How a stored row reads from each end. */
const READ_AS: Record<TicketLinkKind, [TicketLinkRelation, TicketLinkRelation]> = {
  // [from ticket_id's side, from linked_ticket_id's side]
  duplicate_of: ['duplicate_of', 'duplicated_by'],
  related: ['related', 'related'],
  child_of: ['parent', 'child'],
};

export interface NewLink {
  ticketId: string;
  otherId: string;
  relation: CreateTicketLinkDto['relation'];
  actorId: string;
  at: Date;
  /** The caller writes the ticket itself in the same action (a transition): touch only the other. */
  selfWritten?: boolean;
}

interface LinkRow {
  id: string;
  kind: TicketLinkKind;
  outgoing: boolean;
  other_id: string;
  other_number: string;
  other_subject: string;
  other_status: string;
  other_status_name: TranslatedText | null;
  other_status_category: string;
  created_at: Date;
  created_by_id: string | null;
  created_by_name: string | null;
}

/**
 * Links between tickets: duplicate-of, related, parent/child. Each link is one row read from
 * both ends; a caller sees only links whose other ticket they may see, and every link is in the
 * history of both tickets as a staff-only line (the other ticket may be invisible to a client).
 */
@Injectable()
export class TicketLinksService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly writer: TicketWriter,
  ) {}

  async list(user: AuthUser, ticketId: string): Promise<TicketLinkDto[]> {
    await this.access.loadVisible(user, ticketId);
    const vis = ticketVisibility(user, 'o');
    const qb = this.db
      .createQueryBuilder()
      .select([
        'l.id AS id',
        'l.kind AS kind',
        '(l.ticket_id = :ticketId) AS outgoing',
        'o.id AS other_id',
        'o.number AS other_number',
        'o.subject AS other_subject',
        'o.status AS other_status',
        `${statusNameSql('o')} AS other_status_name`,
        'o.status_category AS other_status_category',
        'l.created_at AS created_at',
        'l.created_by_id AS created_by_id',
        '(SELECT u.name FROM users u WHERE u.id = l.created_by_id) AS created_by_name',
      ])
      .from('ticket_links', 'l')
      .innerJoin(
        'tickets',
        'o',
        'o.id = CASE WHEN l.ticket_id = :ticketId THEN l.linked_ticket_id ELSE l.ticket_id END',
      )
      .where('(l.ticket_id = :ticketId OR l.linked_ticket_id = :ticketId)', { ticketId })
      .andWhere(vis.sql, vis.params)
      .orderBy('l.created_at')
      .addOrderBy('l.id');
    const rows = await qb.getRawMany<LinkRow>();
    return rows.map((r) => ({
      id: r.id,
      relation: READ_AS[r.kind][r.outgoing ? 0 : 1],
      ticket: {
        id: r.other_id,
        number: Number(r.other_number),
        subject: r.other_subject,
        status: r.other_status,
        statusName: r.other_status_name ?? { en: r.other_status },
        statusCategory: r.other_status_category as TicketLinkDto['ticket']['statusCategory'],
      },
      createdBy: r.created_by_id ? { id: r.created_by_id, name: r.created_by_name ?? '' } : null,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async create(user: AuthUser, ticketId: string, dto: CreateTicketLinkDto) {
    if (user.role === 'client') throw new ForbiddenError('Clients cannot link tickets');
    const now = this.clock.now();
    const id = await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em });
      await this.access.assertWritable(ticket, em);
      if (dto.ticketId === ticketId) {
        throw new BusinessRuleError('A ticket cannot be linked to itself', [
          { field: 'ticketId', message: 'is this ticket' },
        ]);
      }
      if (!(await this.access.isVisible(user, dto.ticketId, em))) {
        throw new BusinessRuleError('The other ticket does not exist', [
          { field: 'ticketId', message: 'no ticket with this id' },
        ]);
      }
      return this.link(em, {
        ticketId,
        otherId: dto.ticketId,
        relation: dto.relation,
        actorId: user.id,
        at: now,
      });
    });
    const created = (await this.list(user, ticketId)).find((l) => l.id === id);
    if (!created) throw new NotFoundError('Link');
    return created;
  }

  /**
   * Writes a link and both history lines in the caller's transaction. 409 when the same link
   * (either direction for related) exists or a parent/child link would make a cycle.
   */
  async link(em: EntityManager, l: NewLink): Promise<string> {
    const [kind, forward] = STORAGE[l.relation];
    const [from, to] = forward ? [l.ticketId, l.otherId] : [l.otherId, l.ticketId];
    // Serialize link writes touching these two tickets so two concurrent requests cannot both
    // pass the checks below (e.g. A child of B and B child of A at once).
    await em.query(
      `SELECT pg_advisory_xact_lock(hashtext(least($1::text, $2::text) || greatest($1::text, $2::text)))`,
      [from, to],
    );
    const existing = (await em.query(
      `SELECT 1 FROM ticket_links
        WHERE (ticket_id = $1 AND linked_ticket_id = $2) OR (ticket_id = $2 AND linked_ticket_id = $1)`,
      [from, to],
    )) as unknown[];
    if (existing.length > 0) throw new ConflictError('These tickets are already linked');
    if (kind === 'child_of') {
      // `to` becomes the parent of `from`: refuse if `from` is already an ancestor of `to`.
      const cycle = (await em.query(
        `WITH RECURSIVE up(id) AS (
           SELECT $1::uuid
           UNION SELECT l.linked_ticket_id FROM ticket_links l JOIN up ON l.ticket_id = up.id
                  WHERE l.kind = 'child_of')
         SELECT 1 FROM up WHERE id = $2 LIMIT 1`,
        [to, from],
      )) as unknown[];
      if (cycle.length > 0) {
        throw new ConflictError('The link would make a ticket its own ancestor');
      }
      const parents = (await em.query(
        `SELECT 1 FROM ticket_links WHERE ticket_id = $1 AND kind = 'child_of'`,
        [from],
      )) as unknown[];
      if (parents.length > 0) throw new ConflictError('The child ticket already has a parent');
    }
    const [row] = (await em.query(
      `INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind, created_by_id, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [from, to, kind, l.actorId, l.at],
    )) as { id: string }[];
    await this.recordBothEnds(em, 'link_added', row.id, kind, from, to, l.actorId, l.at);
    await this.writer.touch(em, l.selfWritten ? [l.otherId] : [from, to], l.at);
    return row.id;
  }

  async remove(user: AuthUser, ticketId: string, linkId: string): Promise<void> {
    if (user.role === 'client') throw new ForbiddenError('Clients cannot unlink tickets');
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em });
      await this.access.assertWritable(ticket, em);
      const [removed] = await sql<{
        ticket_id: string;
        linked_ticket_id: string;
        kind: TicketLinkKind;
      }>(
        em,
        `DELETE FROM ticket_links WHERE id = $1 AND (ticket_id = $2 OR linked_ticket_id = $2)
         RETURNING ticket_id, linked_ticket_id, kind`,
        [linkId, ticketId],
      );
      if (!removed) throw new NotFoundError('Link');
      const otherId = removed.ticket_id === ticketId ? removed.linked_ticket_id : removed.ticket_id;
      if (!(await this.access.isVisible(user, otherId, em))) throw new NotFoundError('Link');
      await this.recordBothEnds(
        em,
        'link_removed',
        linkId,
        removed.kind,
        removed.ticket_id,
        removed.linked_ticket_id,
        user.id,
        now,
      );
    });
  }

  /**
   * Children of a ticket that are still work (the parent close rule): not closed or canceled,
   * nor informational (kept for the record only).
   */
  async openChildren(
    em: EntityManager,
    ticketId: string,
  ): Promise<{ id: string; number: number }[]> {
    const rows = (await em.query(
      `SELECT c.id, c.number FROM ticket_links l JOIN tickets c ON c.id = l.ticket_id
        WHERE l.linked_ticket_id = $1 AND l.kind = 'child_of'
          AND c.status_category NOT IN ('closed', 'canceled', 'informational')
        ORDER BY c.number`,
      [ticketId],
    )) as { id: string; number: string }[];
    return rows.map((r) => ({ id: r.id, number: Number(r.number) }));
  }

  private async recordBothEnds(
    em: EntityManager,
    kind: 'link_added' | 'link_removed',
    linkId: string,
    linkKind: TicketLinkKind,
    from: string,
    to: string,
    actorId: string | null,
    at: Date,
  ): Promise<void> {
    const numbers = (await em.query(`SELECT id, number FROM tickets WHERE id = ANY($1)`, [
      [from, to],
    ])) as { id: string; number: string }[];
    const numberOf = (id: string) => Number(numbers.find((n) => n.id === id)?.number);
    const [fromSide, toSide] = READ_AS[linkKind];
    await recordTicketEvents(em, from, actorId, at, [
      {
        kind,
        field: 'link',
        newValue: { linkId, relation: fromSide, ticketId: to, number: numberOf(to) },
        internal: true,
      },
    ]);
    await recordTicketEvents(em, to, actorId, at, [
      {
        kind,
        field: 'link',
        newValue: { linkId, relation: toSide, ticketId: from, number: numberOf(from) },
        internal: true,
      },
    ]);
  }
}
