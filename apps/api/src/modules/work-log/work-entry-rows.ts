import type { Locale } from '@relaydesk/contracts';
import { iso } from '../../common/database/crud-sql.js';
import type { LocalizedNames } from './entities/billing-item.entity.js';
import type { WorkEntryDto, WorkTotalsDto } from './dto/work-entry.dto.js';

/** A work entry as selected by `WORK_ENTRY_COLUMNS` (alias `w`, item `bi`, user `u`). */
export interface WorkEntryRow {
  id: string;
  ticket_id: string;
  user_id: string;
  user_name: string;
  work_date: string;
  started_at: Date | null;
  ended_at: Date | null;
  duration_seconds: number;
  billed_seconds: number;
  billing_item_id: string | null;
  item_name: string | null;
  item_names: LocalizedNames | null;
  item_unit: string | null;
  item_price: string | null;
  quantity_done: string;
  quantity_billed: string;
  amount: string;
  kind: WorkEntryDto['kind'];
  description: string;
  contract_id: string | null;
  batch_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/** Billed quantity × price, for billable entries only (warranty and internal work is not invoiced). */
export const AMOUNT_SQL = `CASE WHEN w.kind = 'billable' THEN round(w.quantity_billed * COALESCE(bi.price, 0), 2) ELSE 0 END`;

export const WORK_ENTRY_COLUMNS = `w.id, w.ticket_id, w.user_id, u.name AS user_name, w.work_date::text AS work_date,
  w.started_at, w.ended_at, w.duration_seconds, w.billed_seconds, w.billing_item_id,
  bi.name AS item_name, bi.names AS item_names, bi.unit AS item_unit, bi.price AS item_price,
  w.quantity_done, w.quantity_billed, ${AMOUNT_SQL} AS amount, w.kind, w.description,
  w.contract_id, w.batch_id, w.version, w.created_at, w.updated_at`;

export const WORK_ENTRY_FROM = `work_entries w JOIN users u ON u.id = w.user_id
  LEFT JOIN billing_items bi ON bi.id = w.billing_item_id`;

export function localizedName(names: LocalizedNames | null, name: string, locale: Locale): string {
  return names?.[locale as keyof LocalizedNames]?.trim() || name;
}

/** Staff read every field; a client contact what is billed only. */
export function toWorkEntryDto(r: WorkEntryRow, staff: boolean, locale: Locale): WorkEntryDto {
  const item =
    r.billing_item_id && r.item_name !== null
      ? {
          id: r.billing_item_id,
          name: localizedName(r.item_names, r.item_name, locale),
          unit: r.item_unit ?? '',
          ...(staff ? { price: Number(r.item_price) } : {}),
        }
      : null;
  const billed: WorkEntryDto = {
    id: r.id,
    ticketId: r.ticket_id,
    workDate: r.work_date,
    kind: r.kind,
    billingItem: item,
    billedSeconds: r.billed_seconds,
    quantityBilled: Number(r.quantity_billed),
    description: r.description,
  };
  if (!staff) return billed;
  return {
    ...billed,
    user: { id: r.user_id, name: r.user_name },
    startedAt: r.started_at ? iso(r.started_at) : null,
    endedAt: r.ended_at ? iso(r.ended_at) : null,
    durationSeconds: r.duration_seconds,
    quantityDone: Number(r.quantity_done),
    amount: Number(r.amount),
    contractId: r.contract_id,
    batchId: r.batch_id,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function totalsOf(rows: readonly WorkEntryRow[]): WorkTotalsDto {
  const zero = () => ({ durationSeconds: 0, billedSeconds: 0, amount: 0 });
  const t: WorkTotalsDto = { ...zero(), billable: zero(), internal: zero(), warranty: zero() };
  for (const r of rows) {
    for (const bucket of [t, t[r.kind]]) {
      bucket.durationSeconds += r.duration_seconds;
      bucket.billedSeconds += r.billed_seconds;
      bucket.amount = Math.round((bucket.amount + Number(r.amount)) * 100) / 100;
    }
  }
  return t;
}
