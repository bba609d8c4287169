import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type { Ticket } from '../entities/ticket.entity.js';
import { TicketAccessService } from '../ticket-access.service.js';
import { TicketChange, TicketWriter } from '../ticket-writer.js';
import type { TicketWatcherDto, WatcherCandidateDto } from './ticket-watcher.dto.js';
import { containsPattern } from '../../../common/database/crud-sql.js';
import { loadAuthUser } from '../../../common/auth/auth-user.sql.js';

interface WatcherRow {
  user_id: string;
  name: string;
  role: string;
  active: boolean;
  added_by_id: string | null;
  added_by_name: string | null;
  added_by_role: string | null;
  created_at: Date;
}

interface PersonRow {
  role: string;
  organization_id: string | null;
  name: string;
}

/**
 * Ticket watchers: people who hear of a ticket's changes without being its requester or
 * assignee. Only someone who may see the ticket can watch it (they would never hear of it
 * otherwise, and the fan-out checks again at send time). Clients see client watchers only: which
 * staff follow a ticket is the desk's internal routing.
 */
@Injectable()
export class TicketWatchersService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly access: TicketAccessService,
    private readonly writer: TicketWriter,
  ) {}

  async list(
    user: AuthUser,
    ticketId: string,
    em: EntityManager = this.db.manager,
  ): Promise<TicketWatcherDto[]> {
    await this.access.loadVisible(user, ticketId, { em });
    const client = user.role === 'client';
    const rows = await sql<WatcherRow>(
      em,
      `SELECT w.user_id, u.name, u.role, u.active, w.added_by_id, a.name AS added_by_name,
              a.role AS added_by_role, w.created_at
         FROM ticket_watchers w
         JOIN users u ON u.id = w.user_id
         LEFT JOIN users a ON a.id = w.added_by_id
        WHERE w.ticket_id = $1
          AND (NOT $2 OR (u.role = 'client' AND u.organization_id IS NOT DISTINCT FROM $3))
        ORDER BY w.created_at, u.name, w.user_id`,
      [ticketId, client, user.organizationId],
    );
    return rows.map((r) => ({
      user: { id: r.user_id, name: r.name },
      kind: r.role === 'client' ? 'client' : 'staff',
      active: r.active,
      addedBy:
        r.added_by_id && (!client || r.added_by_role === 'client')
          ? { id: r.added_by_id, name: r.added_by_name ?? '' }
          : null,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /**
   * Whom the caller may add: the same rules as `add`, so every name offered is accepted. Clients
   * are offered colleagues only (and only when they see their organization's tickets), by name.
   */
  async candidates(user: AuthUser, ticketId: string, q?: string): Promise<WatcherCandidateDto[]> {
    const ticket = await this.access.loadVisible(user, ticketId);
    const client = user.role === 'client';
    if (client && (!user.canViewOrganizationTickets || !user.organizationId)) {
      throw new ForbiddenError(
        'Only contacts who see their organization’s tickets may change who else watches one',
      );
    }
    const text = q?.trim() ? containsPattern(q.trim()) : null;
    const rows = await sql<{ id: string; name: string; role: string }>(
      this.db,
      `SELECT u.id, u.name, u.role FROM users u
        WHERE u.active AND NOT u.service_account AND u.id <> $1
          AND NOT EXISTS (SELECT 1 FROM ticket_watchers w WHERE w.ticket_id = $2 AND w.user_id = u.id)
          AND CASE WHEN $3 THEN u.role = 'client' AND u.organization_id = $4::uuid
                   ELSE u.role <> 'client' OR u.organization_id = $5::uuid END
          AND ($6::text IS NULL OR u.name ILIKE $6 OR (NOT $3 AND u.email::text ILIKE $6))
        ORDER BY u.name, u.id
        LIMIT 60`,
      [user.id, ticketId, client, user.organizationId, ticket.organizationId, text],
    );
    // Who may see it is THE visibility rule, per person: a short list, checked one by one.
    const now = this.clock.now();
    const offered: WatcherCandidateDto[] = [];
    for (const r of rows) {
      if (offered.length === 20) break;
      const viewer = await loadAuthUser(this.db.manager, r.id, now);
      if (viewer && (await this.access.isVisible(viewer, ticket.id, this.db.manager))) {
        offered.push({ id: r.id, name: r.name, kind: r.role === 'client' ? 'client' : 'staff' });
      }
    }
    return offered;
  }

  /** Adds a watcher; someone already watching is no change (the same list comes back). */
  async add(user: AuthUser, ticketId: string, userId: string): Promise<TicketWatcherDto[]> {
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const ticket = await this.access.loadVisible(user, ticketId, { em });
      let watcher: { name: string; staff: boolean };
      if (userId === user.id) {
        watcher = { name: user.name, staff: user.role !== 'client' };
      } else {
        if (user.role === 'client') await this.assertColleague(em, user, userId, 'add');
        watcher = await this.checkCandidate(em, ticket, userId, now);
      }
      const inserted = await sql<{ user_id: string }>(
        em,
        `INSERT INTO ticket_watchers (ticket_id, user_id, added_by_id, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING user_id`,
        [ticketId, userId, user.id, now],
      );
      if (inserted.length > 0) {
        await this.record(em, ticketId, user.id, now, 'watcher_added', userId, watcher);
      }
      return this.list(user, ticketId, em);
    });
  }

  async remove(user: AuthUser, ticketId: string, userId: string): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await this.access.loadVisible(user, ticketId, { em });
      if (user.role === 'client' && userId !== user.id) {
        await this.assertColleague(em, user, userId, 'remove');
      }
      const [removed] = await sql<{ name: string; role: string }>(
        em,
        `DELETE FROM ticket_watchers w USING users u
          WHERE w.ticket_id = $1 AND w.user_id = $2 AND u.id = w.user_id
          RETURNING u.name, u.role`,
        [ticketId, userId],
      );
      if (removed) {
        await this.record(em, ticketId, user.id, now, 'watcher_removed', userId, {
          name: removed.name,
          staff: removed.role !== 'client',
        });
      }
    });
  }

  /**
   * A client acts on a colleague only when they see their organization's tickets (403 for the
   * others); anyone but a client of their own organization is no one they know of.
   */
  private async assertColleague(
    em: EntityManager,
    user: AuthUser,
    userId: string,
    action: 'add' | 'remove',
  ): Promise<void> {
    if (!user.canViewOrganizationTickets || !user.organizationId) {
      throw new ForbiddenError(
        'Only contacts who see their organization’s tickets may change who else watches one',
      );
    }
    const [person] = await sql<PersonRow>(
      em,
      `SELECT role, organization_id, name FROM users WHERE id = $1 AND ($2 OR active)`,
      [userId, action === 'remove'],
    );
    const colleague = person?.role === 'client' && person.organization_id === user.organizationId;
    if (colleague) return;
    if (action === 'remove') throw new NotFoundError('Watcher');
    throw new BusinessRuleError('This person cannot watch the ticket', [
      { field: 'userId', message: 'no active colleague of your organization with this id' },
    ]);
  }

  /** Someone else to add: active, and able to see the ticket by THE visibility rule. */
  private async checkCandidate(
    em: EntityManager,
    ticket: Ticket,
    userId: string,
    now: Date,
  ): Promise<{ name: string; staff: boolean }> {
    const refuse = (message: string) =>
      new BusinessRuleError('This person cannot watch the ticket', [{ field: 'userId', message }]);
    const viewer = await loadAuthUser(em, userId, now);
    if (!viewer) throw refuse('no active user with this id');
    if (viewer.role === 'client' && viewer.organizationId !== ticket.organizationId) {
      throw refuse('is not a contact of the ticket’s organization');
    }
    if (!(await this.access.isVisible(viewer, ticket.id, em))) {
      throw refuse('cannot see this ticket, so would never hear of it');
    }
    return { name: viewer.name, staff: viewer.role !== 'client' };
  }

  /** A history line; a staff watcher's is internal, so a client's history shows client watchers only. */
  private async record(
    em: EntityManager,
    ticketId: string,
    actorId: string,
    at: Date,
    kind: 'watcher_added' | 'watcher_removed',
    userId: string,
    watcher: { name: string; staff: boolean },
  ): Promise<void> {
    const change = new TicketChange(ticketId, at).record(actorId, [
      {
        kind,
        field: 'watcher',
        newValue: { userId, name: watcher.name },
        internal: watcher.staff,
      },
    ]);
    await this.writer.write(em, change);
  }
}
