import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkTotalGroup } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { decodeCursor, encodeCursor, invalidCursorError } from '../../common/pagination/cursor.js';
import type { WorkTotalsDto } from './dto/work-entry.dto.js';
import type {
  WorkReportDto,
  WorkReportFilterDto,
  WorkReportQueryDto,
  WorkReportRowDto,
} from './dto/work-report.dto.js';
import { visibleTicketSql } from './ticket-visibility-sql.js';
import {
  AMOUNT_SQL,
  localizedName,
  toWorkEntryDto,
  WORK_ENTRY_COLUMNS,
  WORK_ENTRY_FROM,
  type WorkEntryRow,
} from './work-entry-rows.js';

interface ReportRow extends WorkEntryRow {
  ticket_number: string;
  ticket_subject: string;
  organization_name: string | null;
  contract_number: string | null;
}

const FROM = `${WORK_ENTRY_FROM} JOIN tickets t ON t.id = w.ticket_id
  LEFT JOIN organizations o ON o.id = t.organization_id
  LEFT JOIN contracts c ON c.id = w.contract_id`;

const COLUMNS = `${WORK_ENTRY_COLUMNS}, t.number::text AS ticket_number, t.subject AS ticket_subject,
  o.name AS organization_name, c.number AS contract_number`;

const GROUPS: Record<WorkTotalGroup, { key: string; label: string }> = {
  ticket: { key: 't.id::text', label: `'#' || t.number || ' ' || t.subject` },
  contract: { key: 'w.contract_id::text', label: 'c.number' },
  organization: { key: 't.organization_id::text', label: 'o.name' },
  agent: { key: 'w.user_id::text', label: 'u.name' },
  month: { key: `to_char(w.work_date, 'YYYY-MM')`, label: `to_char(w.work_date, 'YYYY-MM')` },
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** CSV export reads this many rows per statement: memory stays flat however long the report. */
const EXPORT_BATCH = 1000;

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe: an entry's description is typed by people and must stay text in Excel.
 */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The work report: entries of tickets the reader sees, filtered, with totals and groups. */
@Injectable()
export class WorkReportService {
  constructor(private readonly db: DataSource) {}

  async report(reader: AuthUser, query: WorkReportQueryDto): Promise<WorkReportDto> {
    const limit = query.limit ?? 50;
    const p = new SqlParams();
    const where = this.where(reader, query, p);
    const totalsWhere = [...where];
    const cursor = decodeCursor(query.cursor, 'text');
    if (cursor) {
      if (typeof cursor.v !== 'string' || !DATE.test(cursor.v)) throw invalidCursorError();
      where.push(`(w.work_date, w.id) < (${p.add(cursor.v)}::date, ${p.add(cursor.id)}::uuid)`);
    }
    const limitParam = p.add(limit + 1);
    const rows = await sql<ReportRow>(
      this.db,
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY w.work_date DESC, w.id DESC LIMIT ${limitParam}`,
      p.values,
    );
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const paramsForTotals = p.values.slice(0, cursor ? -3 : -1);
    const group = GROUPS[query.groupBy ?? 'agent'];
    const groups = await sql<{
      key: string | null;
      label: string | null;
      duration: string;
      billed: string;
      amount: string;
    }>(
      this.db,
      `SELECT ${group.key} AS key, MIN(${group.label}) AS label,
              SUM(w.duration_seconds) AS duration, SUM(w.billed_seconds) AS billed,
              SUM(${AMOUNT_SQL}) AS amount
         FROM ${FROM} WHERE ${totalsWhere.join(' AND ')}
        GROUP BY 1 ORDER BY 2 NULLS LAST LIMIT 500`,
      paramsForTotals,
    );
    const kinds = await sql<{
      kind: 'billable' | 'internal' | 'warranty';
      duration: string;
      billed: string;
      amount: string;
    }>(
      this.db,
      `SELECT w.kind, SUM(w.duration_seconds) AS duration, SUM(w.billed_seconds) AS billed,
              SUM(${AMOUNT_SQL}) AS amount
         FROM ${FROM} WHERE ${totalsWhere.join(' AND ')} GROUP BY w.kind`,
      paramsForTotals,
    );
    return {
      items: page.map((r) => this.row(r, reader)),
      nextCursor: more && last ? encodeCursor({ v: last.work_date, id: last.id }) : null,
      totals: this.totals(kinds),
      groups: groups.map((g) => ({
        key: g.key,
        label: g.label ?? '',
        durationSeconds: Number(g.duration),
        billedSeconds: Number(g.billed),
        amount: Number(g.amount),
      })),
    };
  }

  /** The same rows as CSV, read in keyset batches and written as they come. */
  csv(reader: AuthUser, filter: WorkReportFilterDto): Readable {
    const header = [
      'date',
      'ticket',
      'subject',
      'organization',
      'contract',
      'agent',
      'activity',
      'unit',
      'kind',
      'duration_hours',
      'billed_hours',
      'quantity_done',
      'quantity_billed',
      'price',
      'amount',
      'description',
    ];
    const db = this.db;
    const where = (p: SqlParams) => this.where(reader, filter, p);
    async function* lines(): AsyncGenerator<string> {
      // A BOM so Excel reads UTF-8 (Cyrillic, Czech) instead of the locale's code page.
      yield `\uFEFF${header.join(',')}\r\n`;
      let after: { date: string; id: string } | null = null;
      for (;;) {
        const p = new SqlParams();
        const conditions = where(p);
        if (after) {
          conditions.push(
            `(w.work_date, w.id) < (${p.add(after.date)}::date, ${p.add(after.id)}::uuid)`,
          );
        }
        const rows: ReportRow[] = await sql<ReportRow>(
          db,
          `SELECT ${COLUMNS} FROM ${FROM} WHERE ${conditions.join(' AND ')}
            ORDER BY w.work_date DESC, w.id DESC LIMIT ${p.add(EXPORT_BATCH)}`,
          p.values,
        );
        if (rows.length === 0) return;
        let chunk = '';
        for (const r of rows) {
          const item = r.item_name ? localizedName(r.item_names, r.item_name, reader.locale) : '';
          chunk +=
            [
              r.work_date,
              Number(r.ticket_number),
              r.ticket_subject,
              r.organization_name,
              r.contract_number,
              r.user_name,
              item,
              r.item_unit,
              r.kind,
              (r.duration_seconds / 3600).toFixed(2),
              (r.billed_seconds / 3600).toFixed(2),
              Number(r.quantity_done).toFixed(2),
              Number(r.quantity_billed).toFixed(2),
              r.item_price === null ? null : Number(r.item_price).toFixed(2),
              Number(r.amount).toFixed(2),
              r.description,
            ]
              .map(csvCell)
              .join(',') + '\r\n';
        }
        yield chunk;
        if (rows.length < EXPORT_BATCH) return;
        const last = rows[rows.length - 1];
        after = { date: last.work_date, id: last.id };
      }
    }
    return Readable.from(lines());
  }

  private where(reader: AuthUser, f: WorkReportFilterDto, p: SqlParams): string[] {
    const where = [visibleTicketSql(reader, p)];
    if (f.from) where.push(`w.work_date >= ${p.add(f.from)}::date`);
    if (f.to) where.push(`w.work_date <= ${p.add(f.to)}::date`);
    if (f.organizationId) where.push(`t.organization_id = ${p.add(f.organizationId)}`);
    if (f.contractId) where.push(`w.contract_id = ${p.add(f.contractId)}`);
    if (f.userId) where.push(`w.user_id = ${p.add(f.userId)}`);
    if (f.ticketId) where.push(`w.ticket_id = ${p.add(f.ticketId)}`);
    if (f.equipmentId) where.push(`t.equipment_id = ${p.add(f.equipmentId)}`);
    if (f.kind) where.push(`w.kind = ${p.add(f.kind)}`);
    return where;
  }

  private row(r: ReportRow, reader: AuthUser): WorkReportRowDto {
    return {
      ...toWorkEntryDto(r, true, reader.locale),
      ticketNumber: Number(r.ticket_number),
      ticketSubject: r.ticket_subject,
      organizationName: r.organization_name,
      contractNumber: r.contract_number,
    };
  }

  private totals(
    kinds: {
      kind: 'billable' | 'internal' | 'warranty';
      duration: string;
      billed: string;
      amount: string;
    }[],
  ): WorkTotalsDto {
    const zero = () => ({ durationSeconds: 0, billedSeconds: 0, amount: 0 });
    const t: WorkTotalsDto = { ...zero(), billable: zero(), internal: zero(), warranty: zero() };
    for (const k of kinds) {
      const part = {
        durationSeconds: Number(k.duration),
        billedSeconds: Number(k.billed),
        amount: Number(k.amount),
      };
      t[k.kind] = part;
      t.durationSeconds += part.durationSeconds;
      t.billedSeconds += part.billedSeconds;
      t.amount = Math.round((t.amount + part.amount) * 100) / 100;
    }
    return t;
  }
}
