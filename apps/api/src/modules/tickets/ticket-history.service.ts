import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TranslatedText } from '@relaydesk/contracts';
import { seesAllTickets, type AuthUser } from '../../common/auth/auth-user.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import type { TicketEventDto } from './dto/ticket.dto.js';
import { TicketAccessService } from './ticket-access.service.js';
import { ticketVisibility } from './ticket-visibility.js';
import { registerNames } from '../contracts/index.js';

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
  old_status_name: TranslatedText | null;
  new_status_name: TranslatedText | null;
  created_at: Date;
  cursor_at: string;
}

/** Lines that give the ticket an assignee, whoever or whatever did it. */
const ASSIGNMENT_KINDS = ['assigned', 'taken', 'auto_assigned'];

/**
 * What a client's history holds: a whitelist, so a new kind of line stays staff-only until
 * someone decides otherwise. Assignment, group, support level, routing rules, SLA and links are
 * the desk's business even when their lines are not flagged internal.
 */
const CLIENT_EVENT_KINDS = [
  'created',
  'status_changed',
  'field_changed',
  'comment_added',
  'attachment_added',
  'rated',
  // Only client watchers' lines: a staff watcher's are internal.
  'watcher_added',
  'watcher_removed',
  // Shown as "assigned to the support team": who and which group stay the desk's (see below).
  ...ASSIGNMENT_KINDS,
];
/** The field_changed lines a client sees; `custom:<key>` lines carry their own internal flag. */
const CLIENT_EVENT_FIELDS = [
  'subject',
  'description',
  'priority',
  'typeId',
  'organizationId',
  'requesterId',
  'categoryId',
  'postponedUntil',
  'serviceObjectId',
  'equipmentId',
  'contractId',
  'warranty',
];

/** Lines whose values are register ids, named for the reader (see `nameLinks`). */
const LINK_FIELDS: Record<string, 'serviceObjectIds' | 'equipmentIds' | 'contractIds'> = {
  serviceObjectId: 'serviceObjectIds',
  equipmentId: 'equipmentIds',
  contractId: 'contractIds',
};
/** What a client sees of the "created" line. */
const CLIENT_CREATED_KEYS = ['number', 'subject', 'status', 'priority'];

function clientValue(kind: string, value: unknown): unknown {
  if (kind !== 'created' || !value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).filter(([key]) => CLIENT_CREATED_KEYS.includes(key)),
  );
}

/** A status key of a status_changed line, named as the ticket's workflow names it. */
const STATUS_NAME = (side: 'old' | 'new') =>
  `CASE WHEN e.kind = 'status_changed' THEN (SELECT ws.name FROM workflow_statuses ws
     WHERE ws.workflow_id = t.workflow_id AND ws.key = e.${side}_value #>> '{}') END`;

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
    const cursor = decodeCursor(cursorRaw, 'timestamp');
    const isClient = user.role === 'client';
    const params: unknown[] = [ticketId, limit + 1];
    let where = 'e.ticket_id = $1';
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      where += ` AND (e.created_at, e.id) > (CAST($3 AS timestamptz), CAST($4 AS uuid))`;
    }
    if (isClient) {
      params.push(CLIENT_EVENT_KINDS, CLIENT_EVENT_FIELDS);
      const [kinds, fields] = [`$${params.length - 1}`, `$${params.length}`];
      where +=
        ` AND NOT e.internal AND e.kind = ANY(${kinds}::text[])` +
        ` AND (e.kind <> 'field_changed' OR e.field = ANY(${fields}::text[]) OR e.field LIKE 'custom:%')` +
        // A client learns that someone took the ticket on, not of regrouping or unassigning.
        ` AND (e.kind NOT IN ('assigned', 'taken', 'auto_assigned') OR (e.new_value ->> 'assigneeId' IS NOT NULL` +
        ` AND e.new_value ->> 'assigneeId' IS DISTINCT FROM e.old_value ->> 'assigneeId'))`;
    }
    if (!isClient && !seesAllTickets(user)) {
      // A link line names the other ticket (id and number): only when the caller may see that
      // one too, as the links list shows only such links (clients get no link lines at all).
      const vis = ticketVisibility(user, 'lt');
      const [visibleSql, visibleParams] = this.db
        .createQueryBuilder()
        .select('lt.id')
        .from('tickets', 'lt')
        .where(vis.sql, vis.params)
        .getQueryAndParameters();
      // The rule's placeholders follow the ones already in `params`.
      const offset = params.length;
      params.push(...visibleParams);
      const visible = visibleSql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
      where +=
        ` AND (e.kind NOT IN ('link_added', 'link_removed')` +
        ` OR (e.new_value ->> 'ticketId')::uuid IN (${visible}))`;
    }
    const rows = (await this.db.query(
      `SELECT e.id, e.kind, e.field, e.old_value, e.new_value, e.internal, e.actor_id, u.name AS actor_name,
              e.on_behalf_of_id, ob.name AS on_behalf_of_name,
              ${STATUS_NAME('old')} AS old_status_name, ${STATUS_NAME('new')} AS new_status_name,
              e.created_at, e.created_at::text AS cursor_at
         FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         LEFT JOIN users u ON u.id = e.actor_id
         LEFT JOIN users ob ON ob.id = e.on_behalf_of_id
        WHERE ${where}
        ORDER BY e.created_at, e.id
        LIMIT $2`,
      params,
    )) as EventRow[];
    if (!isClient && !seesAllTickets(user)) await this.hideUnseenChildren(user, rows);
    const names = await this.nameLinks(user, rows);
    return toPage(
      rows,
      limit,
      (r) => {
        const dto = isClient ? toClientEvent(r) : toEvent(r);
        if (r.kind === 'field_changed' && r.field && Object.hasOwn(LINK_FIELDS, r.field)) {
          dto.oldValueName = names.get(String(r.old_value)) ?? null;
          dto.newValueName = names.get(String(r.new_value)) ?? null;
        }
        return dto;
      },
      (r) => ({ v: r.cursor_at, id: r.id }),
    );
  }

  /**
   * Names of the service objects, equipment and contracts a page's link lines name, as the
   * reader may see them (the contracts module's register rule): one statement, none without
   * such lines. Ids stay in the values; a name the reader may not see is left out.
   */
  private async nameLinks(user: AuthUser, rows: EventRow[]): Promise<Map<string, string>> {
    const ids = { serviceObjectIds: [], equipmentIds: [], contractIds: [] } as Record<
      'serviceObjectIds' | 'equipmentIds' | 'contractIds',
      string[]
    >;
    for (const r of rows) {
      const list =
        r.kind === 'field_changed' && r.field && Object.hasOwn(LINK_FIELDS, r.field)
          ? LINK_FIELDS[r.field]
          : undefined;
      if (!list) continue;
      for (const v of [r.old_value, r.new_value]) if (typeof v === 'string') ids[list].push(v);
    }
    return registerNames(this.db.manager, user, ids);
  }

  /** Keeps, in each forced close line, only the children the caller sees (one query a page). */
  private async hideUnseenChildren(user: AuthUser, rows: EventRow[]): Promise<void> {
    const numbers = rows.flatMap((r) => forcedCloseChildren(r) ?? []);
    if (numbers.length === 0) return;
    const vis = ticketVisibility(user, 'ct');
    const seen = await this.db
      .createQueryBuilder()
      .select('ct.number', 'number')
      .from('tickets', 'ct')
      .where('ct.number = ANY(:childNumbers)', { childNumbers: numbers })
      .andWhere(vis.sql, vis.params)
      .getRawMany<{ number: string }>();
    const visible = new Set(seen.map((s) => Number(s.number)));
    for (const r of rows) {
      const children = forcedCloseChildren(r);
      if (children) {
        r.new_value = {
          ...(r.new_value as object),
          openChildren: children.filter((n) => visible.has(Number(n))),
        };
      }
    }
  }
}

/** A forced close lists the children that were open: numbers of tickets the reader may not see. */
function forcedCloseChildren(r: EventRow): number[] | null {
  const v = r.new_value as { openChildren?: unknown } | null;
  return r.kind === 'close_forced' && Array.isArray(v?.openChildren)
    ? (v.openChildren as number[])
    : null;
}

function toEvent(r: EventRow): TicketEventDto {
  return {
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
    oldStatusName: r.old_status_name,
    newStatusName: r.new_status_name,
    oldValueName: null,
    newValueName: null,
  };
}

/**
 * A line as a client sees it: no deputy (it would name the assignee), and an assignment is
 * "the support team took it on", without the person, the group or who handed it over.
 */
function toClientEvent(r: EventRow): TicketEventDto {
  const dto = toEvent(r);
  dto.onBehalfOf = null;
  if (ASSIGNMENT_KINDS.includes(r.kind)) {
    return { ...dto, kind: 'assigned', field: null, oldValue: null, newValue: null, actor: null };
  }
  return {
    ...dto,
    oldValue: clientValue(r.kind, r.old_value),
    newValue: clientValue(r.kind, r.new_value),
  };
}
