import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import type { TicketEventDto } from './dto/ticket.dto.js';
import { TicketAccessService } from './ticket-access.service.js';

interface EventRow {
  id: string;
  kind: string;
  field: string | null;
  old_value: unknown;
  new_value: unknown;
  internal: boolean;
  actor_id: string | null;
  actor_name: string | null;
  on_behalf_of_id: string | null;
  on_behalf_of_name: string | null;
  created_at: Date;
  cursor_at: string;
}

@Injectable()
export class TicketHistoryService {
  constructor(
    private readonly db: DataSource,
    private readonly access: TicketAccessService,
  ) {}

  /** The ticket's history, oldest first; clients never see internal events. */
  async list(
    user: AuthUser,
    ticketId: string,
    limit = 100,
    cursorRaw?: string,
  ): Promise<Page<TicketEventDto>> {
    await this.access.loadVisible(user, ticketId);
    const cursor = decodeCursor(cursorRaw);
    const params: unknown[] = [ticketId, limit + 1];
    let where = 'e.ticket_id = $1';
    if (user.role === 'client') where += ' AND NOT e.internal';
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      where += ` AND (e.created_at, e.id) > (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    const rows = (await this.db.query(
      `SELECT e.id, e.kind, e.field, e.old_value, e.new_value, e.internal, e.actor_id, u.name AS actor_name,
              e.on_behalf_of_id, ob.name AS on_behalf_of_name,
              e.created_at, e.created_at::text AS cursor_at
         FROM ticket_events e LEFT JOIN users u ON u.id = e.actor_id
         LEFT JOIN users ob ON ob.id = e.on_behalf_of_id
        WHERE ${where}
        ORDER BY e.created_at, e.id
        LIMIT $2`,
      params,
    )) as EventRow[];
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        kind: r.kind,
        field: r.field,
        oldValue: r.old_value,
        newValue: r.new_value,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
        onBehalfOf: r.on_behalf_of_id
          ? { id: r.on_behalf_of_id, name: r.on_behalf_of_name ?? '' }
          : null,
        internal: r.internal,
        createdAt: r.created_at.toISOString(),
      }),
      (r) => ({ v: r.cursor_at, id: r.id }),
    );
  }
}
