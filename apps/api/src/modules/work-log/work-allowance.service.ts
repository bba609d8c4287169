import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  WORK_ALLOWANCE_THRESHOLDS,
  type AllowancePeriod,
  type WorkAllowanceThreshold,
} from '@relaydesk/contracts';
import { advisoryXactLock } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { DomainEvents } from '../../common/events/domain-events.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type { WorkUsageDto } from './dto/work-usage.dto.js';
import { WorkAllowanceReached } from './events/work-allowance-reached.event.js';

interface ContractAllowance {
  id: string;
  organization_id: string;
  number: string;
  allowance_seconds: number | null;
  allowance_period: AllowancePeriod | null;
  valid_from: string | null;
  valid_to: string | null;
  created_on: string;
}

interface Period {
  /** The key of the period's warnings: its first day. */
  start: string;
  /** Inclusive; null: open-ended. */
  end: string | null;
}

/** The allowance period a date falls in: its calendar month, or the contract's whole term. */
export function allowancePeriod(c: ContractAllowance, date: string): Period {
  if (c.allowance_period === 'month') {
    const [y, m] = date.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, '0');
    return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, '0')}` };
  }
  return { start: c.valid_from ?? c.created_on, end: c.valid_to };
}

export function warningLevel(used: number, allowance: number): WorkAllowanceThreshold | null {
  let level: WorkAllowanceThreshold | null = null;
  for (const t of WORK_ALLOWANCE_THRESHOLDS) if (used * 100 >= allowance * t) level = t;
  return level;
}

const CONTRACT_SQL = `SELECT id, organization_id, number, allowance_seconds, allowance_period,
  valid_from::text AS valid_from, valid_to::text AS valid_to, created_at::date::text AS created_on
  FROM contracts WHERE id = $1`;

/**
 * A contract's prepaid hours against the billable work billed under it, and the warnings at 80 %
 * and 100 % (docs/work-log.md). Only billable entries count: warranty and internal work is not
 * paid for by the client.
 */
@Injectable()
export class WorkAllowanceService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
  ) {}

  /** The contract's usage in the period of `date` (default: today, UTC). */
  async usage(contractId: string, date?: string): Promise<WorkUsageDto> {
    const [c] = await sql<ContractAllowance>(this.db, CONTRACT_SQL, [contractId]);
    if (!c) throw new NotFoundError('Contract');
    const day = date ?? this.clock.now().toISOString().slice(0, 10);
    if (c.allowance_seconds === null || c.allowance_period === null) {
      const used = await this.used(this.db.manager, c.id, { start: '0001-01-01', end: null });
      return {
        contractId: c.id,
        allowanceSeconds: null,
        allowancePeriod: null,
        periodStart: null,
        periodEnd: null,
        usedSeconds: used,
        percent: null,
        warning: null,
      };
    }
    const period = allowancePeriod(c, day);
    const used = await this.used(this.db.manager, c.id, period);
    return {
      contractId: c.id,
      allowanceSeconds: c.allowance_seconds,
      allowancePeriod: c.allowance_period,
      periodStart: period.start,
      periodEnd: period.end,
      usedSeconds: used,
      percent:
        c.allowance_seconds > 0 ? Math.round((used * 1000) / c.allowance_seconds) / 10 : null,
      warning: c.allowance_seconds > 0 ? warningLevel(used, c.allowance_seconds) : null,
    };
  }

  /**
   * After a write of billable work under `contractId` dated `date`, in its transaction: raise
   * each threshold the period has reached and not yet been warned of. Writes for one contract
   * wait for each other here (an advisory lock), so two entries committed at once cannot both
   * read the sum without the other and miss a threshold; the warnings' key makes each once.
   */
  async check(em: EntityManager, contractId: string, date: string, actorId: string): Promise<void> {
    const [c] = await sql<ContractAllowance>(em, CONTRACT_SQL, [contractId]);
    if (!c || !c.allowance_seconds || c.allowance_period === null) return;
    await advisoryXactLock(em, `work-allowance:${contractId}`);
    const period = allowancePeriod(c, date);
    const used = await this.used(em, contractId, period);
    const reached = WORK_ALLOWANCE_THRESHOLDS.filter((t) => used * 100 >= c.allowance_seconds! * t);
    if (reached.length === 0) return;
    const now = this.clock.now();
    const inserted = await sql<{ threshold: number }>(
      em,
      `INSERT INTO work_allowance_warnings (contract_id, period_start, threshold, created_at)
       SELECT $1, $2, t, $4 FROM unnest($3::smallint[]) AS t
       ON CONFLICT DO NOTHING RETURNING threshold`,
      [contractId, period.start, reached, now],
    );
    await this.events.publish(
      em,
      ...inserted.map(
        (r) =>
          new WorkAllowanceReached(
            c.id,
            c.organization_id,
            c.number,
            r.threshold,
            period.start,
            period.end,
            used,
            c.allowance_seconds!,
            actorId,
            now,
          ),
      ),
    );
  }

  private async used(em: EntityManager, contractId: string, period: Period): Promise<number> {
    const [row] = await sql<{ used: string }>(
      em,
      `SELECT COALESCE(SUM(billed_seconds), 0) AS used FROM work_entries
        WHERE contract_id = $1 AND kind = 'billable' AND work_date >= $2::date
          AND ($3::date IS NULL OR work_date <= $3::date)`,
      [contractId, period.start, period.end],
    );
    return Number(row.used);
  }
}
