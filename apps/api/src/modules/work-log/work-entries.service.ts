import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { WorkEntryKind } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  CreateWorkBatchDto,
  CreateWorkEntryDto,
  TicketWorkDto,
  UpdateWorkEntryDto,
  WorkBatchResultDto,
  WorkEntryDto,
  WorkEntryHistoryDto,
} from './dto/work-entry.dto.js';
import { visibleTicketSql } from './ticket-visibility-sql.js';
import { WorkAllowanceService } from './work-allowance.service.js';
import { WorkEntryAttachmentsService } from './work-entry-attachments.service.js';
import { WorkLogSettingsService } from './work-log-settings.service.js';
import {
  toWorkEntryDto,
  totalsOf,
  WORK_ENTRY_COLUMNS,
  WORK_ENTRY_FROM,
  type WorkEntryRow,
} from './work-entry-rows.js';

/** The fields of an entry as stored, before and after a write. */
interface EntryState {
  userId: string;
  workDate: string;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number;
  billedSeconds: number;
  billingItemId: string | null;
  quantityDone: number;
  quantityBilled: number;
  kind: WorkEntryKind;
  description: string;
}

interface TicketFacts {
  id: string;
  contract_id: string | null;
  warranty: boolean;
}

interface StoredEntry {
  id: string;
  ticket_id: string;
  user_id: string;
  work_date: string;
  started_at: Date | null;
  ended_at: Date | null;
  duration_seconds: number;
  billed_seconds: number;
  billing_item_id: string | null;
  quantity_done: string;
  quantity_billed: string;
  kind: WorkEntryKind;
  description: string;
  contract_id: string | null;
  version: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const hours = (seconds: number) => round2(seconds / 3600);
const HOURLY_UNITS = new Set(['h', 'hr', 'hrs', 'hour', 'hours', 'ч', 'час', 'hod', 'hodina']);

function stateOf(e: StoredEntry): EntryState {
  return {
    userId: e.user_id,
    workDate: e.work_date,
    startedAt: e.started_at ? iso(e.started_at) : null,
    endedAt: e.ended_at ? iso(e.ended_at) : null,
    durationSeconds: e.duration_seconds,
    billedSeconds: e.billed_seconds,
    billingItemId: e.billing_item_id,
    quantityDone: Number(e.quantity_done),
    quantityBilled: Number(e.quantity_billed),
    kind: e.kind,
    description: e.description,
  };
}

/** Work entries on tickets: staff write them on tickets they see (docs/work-log.md). */
@Injectable()
export class WorkEntriesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly allowance: WorkAllowanceService,
    private readonly settings: WorkLogSettingsService,
    private readonly files: WorkEntryAttachmentsService,
  ) {}

  /** A ticket's entries and totals; a client only when the installation allows it. */
  async forTicket(reader: AuthUser, ticketId: string): Promise<TicketWorkDto> {
    const staff = reader.role !== 'client';
    if (!staff && !(await this.settings.get()).clientsSeeBilled) throw new NotFoundError('Ticket');
    await this.visibleTicket(this.db.manager, reader, ticketId);
    const rows = await sql<WorkEntryRow>(
      this.db,
      `SELECT ${WORK_ENTRY_COLUMNS} FROM ${WORK_ENTRY_FROM}
        WHERE w.ticket_id = $1 ${staff ? '' : "AND w.kind <> 'internal'"}
        ORDER BY w.work_date, w.created_at, w.id`,
      [ticketId],
    );
    const items = rows.map((r) => toWorkEntryDto(r, staff, reader.locale));
    return staff ? { items, totals: totalsOf(rows) } : { items };
  }

  async get(
    reader: AuthUser,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<WorkEntryDto> {
    const [row] = await sql<WorkEntryRow>(
      em,
      `SELECT ${WORK_ENTRY_COLUMNS} FROM ${WORK_ENTRY_FROM} WHERE w.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Work entry');
    return toWorkEntryDto(row, true, reader.locale);
  }

  create(actor: AuthUser, ticketId: string, dto: CreateWorkEntryDto): Promise<WorkEntryDto> {
    return this.db.transaction(async (em) => {
      const ticket = await this.visibleTicket(em, actor, ticketId);
      const state = await this.resolve(em, actor, ticket, null, dto);
      const id = await this.insert(em, actor, ticket, state, null);
      await this.afterWrite(em, actor, [{ contractId: ticket.contract_id, state }]);
      return this.get(actor, id, em);
    });
  }

  /** One piece of work over several tickets: all entries are written, or none. */
  createBatch(actor: AuthUser, dto: CreateWorkBatchDto): Promise<WorkBatchResultDto> {
    return this.db.transaction(async (em) => {
      const shares = this.shares(dto);
      const batchId = randomUUID();
      const written: { contractId: string | null; state: EntryState }[] = [];
      const ids: string[] = [];
      for (const [i, share] of shares.entries()) {
        const field = dto.split === 'even' ? `ticketIds[${i}]` : `shares[${i}].ticketId`;
        const ticket = await this.visibleTicket(em, actor, share.ticketId, field);
        const state = await this.resolve(em, actor, ticket, null, { ...dto, ...share.fields });
        ids.push(await this.insert(em, actor, ticket, state, batchId));
        written.push({ contractId: ticket.contract_id, state });
      }
      await this.afterWrite(em, actor, written);
      const items: WorkEntryDto[] = [];
      for (const id of ids) items.push(await this.get(actor, id, em));
      return { batchId, items };
    });
  }

  update(actor: AuthUser, id: string, dto: UpdateWorkEntryDto): Promise<WorkEntryDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lockEntry(em, actor, id);
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const ticket = await this.visibleTicket(em, actor, current.ticket_id);
      const before = stateOf(current);
      const after = await this.resolve(em, actor, ticket, before, dto);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of Object.keys(after) as (keyof EntryState)[]) {
        if (before[key] !== after[key]) changes[key] = { from: before[key], to: after[key] };
      }
      if (Object.keys(changes).length === 0) return this.get(actor, id, em);
      await em.query(
        `UPDATE work_entries SET user_id = $2, work_date = $3, started_at = $4, ended_at = $5,
                duration_seconds = $6, billed_seconds = $7, billing_item_id = $8, quantity_done = $9,
                quantity_billed = $10, kind = $11, description = $12, updated_at = $13,
                version = version + 1
          WHERE id = $1`,
        [id, ...this.values(after), this.clock.now()],
      );
      await this.record(em, id, current.ticket_id, actor.id, 'updated', changes);
      await this.afterWrite(em, actor, [{ contractId: current.contract_id, state: after }]);
      return this.get(actor, id, em);
    });
  }

  async remove(actor: AuthUser, id: string): Promise<void> {
    const storedKeys = await this.db.transaction(async (em) => {
      // Locked first, so an upload to the entry either committed (its file is read here) or
      // finds the entry gone (and removes its own bytes).
      const current = await this.lockEntry(em, actor, id);
      const keys = await this.files.storedKeysOf(em, id);
      await em.query('DELETE FROM work_entries WHERE id = $1', [id]);
      await this.record(em, id, current.ticket_id, actor.id, 'deleted', { ...stateOf(current) });
      return keys;
    });
    // The file rows went with the entry (cascade); their bytes go once that is committed.
    await this.files.release(storedKeys);
  }

  async history(reader: AuthUser, ticketId: string): Promise<WorkEntryHistoryDto> {
    await this.visibleTicket(this.db.manager, reader, ticketId);
    const rows = await sql<{
      id: string;
      entry_id: string;
      action: string;
      actor_id: string | null;
      actor_name: string | null;
      changes: Record<string, unknown>;
      created_at: Date;
    }>(
      this.db,
      `SELECT c.id::text AS id, c.entry_id, c.action, c.actor_id, u.name AS actor_name, c.changes, c.created_at
         FROM work_entry_changes c LEFT JOIN users u ON u.id = c.actor_id
        WHERE c.ticket_id = $1 ORDER BY c.id`,
      [ticketId],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        entryId: r.entry_id,
        action: r.action,
        actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
        changes: r.changes,
        at: iso(r.created_at),
      })),
    };
  }

  /** The ticket if the reader sees it (THE rule), else 404 (or 422 on `field` in a batch). */
  private async visibleTicket(
    em: EntityManager,
    reader: AuthUser,
    ticketId: string,
    field?: string,
  ): Promise<TicketFacts> {
    const p = new SqlParams();
    const idParam = p.add(ticketId);
    const [row] = await sql<TicketFacts>(
      em,
      `SELECT t.id, t.contract_id, t.warranty FROM tickets t
        WHERE t.id = ${idParam} AND ${visibleTicketSql(reader, p)}`,
      p.values,
    );
    if (row) return row;
    if (field) {
      throw new BusinessRuleError('The work entry cannot be saved', [
        { field, message: 'no ticket with this id' },
      ]);
    }
    throw new NotFoundError('Ticket');
  }

  private async lockEntry(em: EntityManager, actor: AuthUser, id: string): Promise<StoredEntry> {
    const [row] = await sql<StoredEntry>(
      em,
      `SELECT id, ticket_id, user_id, work_date::text AS work_date, started_at, ended_at,
              duration_seconds, billed_seconds, billing_item_id, quantity_done, quantity_billed,
              kind, description, contract_id, version
         FROM work_entries WHERE id = $1 FOR NO KEY UPDATE`,
      [id],
    );
    if (!row) throw new NotFoundError('Work entry');
    await this.visibleTicket(em, actor, row.ticket_id).catch(() => {
      throw new NotFoundError('Work entry');
    });
    return row;
  }

  /** Each ticket's share of a batch, as the fields it overrides. */
  private shares(dto: CreateWorkBatchDto) {
    const invalid = (field: string, message: string) =>
      new BusinessRuleError('The work entry cannot be saved', [{ field, message }]);
    if (dto.split === 'per_ticket') {
      if (!dto.shares) throw invalid('shares', 'split per_ticket needs shares');
      const seen = new Set<string>();
      return dto.shares.map((s, i) => {
        if (seen.has(s.ticketId)) throw invalid(`shares[${i}].ticketId`, 'a ticket appears twice');
        seen.add(s.ticketId);
        const { ticketId, ...fields } = s;
        return { ticketId, fields };
      });
    }
    if (!dto.ticketIds) throw invalid('ticketIds', 'split even needs ticketIds');
    const n = dto.ticketIds.length;
    const duration = this.totalDuration(dto);
    // Seconds are divided so the parts add up to the whole: the first tickets take the remainder.
    const part = (total: number | undefined, i: number) =>
      total === undefined ? undefined : Math.floor(total / n) + (i < total % n ? 1 : 0);
    const cents = (total: number | undefined, i: number) =>
      total === undefined ? undefined : part(Math.round(total * 100), i)! / 100;
    return dto.ticketIds.map((ticketId, i) => ({
      ticketId,
      fields: {
        startedAt: null,
        endedAt: null,
        durationSeconds: part(duration, i),
        billedSeconds: part(dto.billedSeconds, i),
        quantityDone: cents(dto.quantityDone, i),
        quantityBilled: cents(dto.quantityBilled, i),
      },
    }));
  }

  private totalDuration(dto: CreateWorkEntryDto): number | undefined {
    if (dto.durationSeconds !== undefined) return dto.durationSeconds;
    if (dto.startedAt && dto.endedAt) {
      return Math.round((Date.parse(dto.endedAt) - Date.parse(dto.startedAt)) / 1000);
    }
    return undefined;
  }

  /** The entry's state after the write: what was sent over what is stored, defaults, rules. */
  private async resolve(
    em: EntityManager,
    actor: AuthUser,
    ticket: TicketFacts,
    before: EntryState | null,
    dto: CreateWorkEntryDto,
  ): Promise<EntryState> {
    const errors: { field: string; message: string }[] = [];
    const startedAt = dto.startedAt !== undefined ? dto.startedAt : (before?.startedAt ?? null);
    const endedAt = dto.endedAt !== undefined ? dto.endedAt : (before?.endedAt ?? null);
    const span =
      startedAt && endedAt
        ? Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 1000)
        : null;
    if (span !== null && span < 0)
      errors.push({ field: 'endedAt', message: 'must not be before startedAt' });
    const timesSent = dto.startedAt !== undefined || dto.endedAt !== undefined;
    let duration =
      dto.durationSeconds ?? (timesSent && span !== null ? span : before?.durationSeconds);
    if (duration === undefined) {
      if (span === null) {
        errors.push({
          field: 'durationSeconds',
          message: 'give durationSeconds, or startedAt and endedAt',
        });
      }
      duration = Math.max(span ?? 0, 0);
    } else if (
      dto.durationSeconds !== undefined &&
      span !== null &&
      span >= 0 &&
      span !== duration
    ) {
      errors.push({ field: 'durationSeconds', message: 'differs from endedAt − startedAt' });
    }
    if (duration > 86_400)
      errors.push({ field: 'endedAt', message: 'one entry covers at most 24 hours' });

    const userId = dto.userId ?? before?.userId ?? actor.id;
    if (dto.userId !== undefined && dto.userId !== before?.userId) {
      const [u] = await sql<{ id: string }>(
        em,
        `SELECT id FROM users WHERE id = $1 AND active AND NOT service_account AND role <> 'client'`,
        [dto.userId],
      );
      if (!u) errors.push({ field: 'userId', message: 'no active staff member with this id' });
    }

    const billingItemId =
      dto.billingItemId !== undefined ? dto.billingItemId : (before?.billingItemId ?? null);
    let unit: string | null = null;
    if (billingItemId) {
      const [item] = await sql<{ unit: string; active: boolean }>(
        em,
        'SELECT unit, active FROM billing_items WHERE id = $1',
        [billingItemId],
      );
      if (!item || (!item.active && billingItemId !== before?.billingItemId)) {
        errors.push({ field: 'billingItemId', message: 'no active billing item with this id' });
      }
      unit = item?.unit ?? null;
    }
    const hourly = unit !== null && HOURLY_UNITS.has(unit.trim().toLowerCase());

    const kind: WorkEntryKind =
      dto.kind ?? before?.kind ?? (ticket.warranty ? 'warranty' : 'billable');
    let billed =
      dto.billedSeconds ??
      (kind === 'internal'
        ? 0
        : before && dto.durationSeconds === undefined && !timesSent
          ? before.billedSeconds
          : duration);
    if (kind === 'internal' && dto.billedSeconds === undefined) billed = 0;
    if (kind === 'internal' && billed > 0) {
      errors.push({ field: 'billedSeconds', message: 'internal work is not billed: it must be 0' });
    }
    const quantityDone =
      dto.quantityDone ??
      (hourly ? hours(duration) : (before?.quantityDone ?? (billingItemId ? 1 : 0)));
    let quantityBilled =
      dto.quantityBilled ??
      (kind === 'internal' ? 0 : hourly ? hours(billed) : (before?.quantityBilled ?? quantityDone));
    if (kind === 'internal' && dto.quantityBilled === undefined) quantityBilled = 0;
    if (kind === 'internal' && quantityBilled > 0) {
      errors.push({
        field: 'quantityBilled',
        message: 'internal work is not billed: it must be 0',
      });
    }

    const workDate =
      dto.workDate ??
      (dto.startedAt ? dto.startedAt.slice(0, 10) : undefined) ??
      before?.workDate ??
      this.clock.now().toISOString().slice(0, 10);
    if (errors.length > 0) throw new BusinessRuleError('The work entry cannot be saved', errors);
    return {
      userId,
      workDate,
      startedAt: startedAt ? new Date(startedAt).toISOString() : null,
      endedAt: endedAt ? new Date(endedAt).toISOString() : null,
      durationSeconds: duration,
      billedSeconds: billed,
      billingItemId,
      quantityDone: round2(quantityDone),
      quantityBilled: round2(quantityBilled),
      kind,
      description: dto.description ?? before?.description ?? '',
    };
  }

  private values(s: EntryState): unknown[] {
    return [
      s.userId,
      s.workDate,
      s.startedAt,
      s.endedAt,
      s.durationSeconds,
      s.billedSeconds,
      s.billingItemId,
      s.quantityDone,
      s.quantityBilled,
      s.kind,
      s.description,
    ];
  }

  private async insert(
    em: EntityManager,
    actor: AuthUser,
    ticket: TicketFacts,
    s: EntryState,
    batchId: string | null,
  ): Promise<string> {
    const now = this.clock.now();
    const [{ id }] = await sql<{ id: string }>(
      em,
      `INSERT INTO work_entries (ticket_id, user_id, work_date, started_at, ended_at, duration_seconds,
              billed_seconds, billing_item_id, quantity_done, quantity_billed, kind, description,
              contract_id, batch_id, created_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16) RETURNING id`,
      [ticket.id, ...this.values(s), ticket.contract_id, batchId, actor.id, now],
    );
    await this.record(em, id, ticket.id, actor.id, 'created', { ...s });
    return id;
  }

  private async record(
    em: EntityManager,
    entryId: string,
    ticketId: string,
    actorId: string,
    action: 'created' | 'updated' | 'deleted',
    changes: Record<string, unknown>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO work_entry_changes (entry_id, ticket_id, actor_id, action, changes, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [entryId, ticketId, actorId, action, JSON.stringify(changes), this.clock.now()],
    );
  }

  /** Billable work may have crossed a threshold of its contract's allowance. */
  private async afterWrite(
    em: EntityManager,
    actor: AuthUser,
    written: { contractId: string | null; state: EntryState }[],
  ): Promise<void> {
    const checked = new Set<string>();
    for (const { contractId, state } of written) {
      if (!contractId || state.kind !== 'billable') continue;
      const key = `${contractId}|${state.workDate}`;
      if (checked.has(key)) continue;
      checked.add(key);
      await this.allowance.check(em, contractId, state.workDate, actor.id);
    }
  }
}
