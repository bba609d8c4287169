import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { advisoryXactLock } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { ScheduledLoop, type LoopSummary } from '../../common/scheduling/scheduled-loop.js';
import { Clock } from '../../common/time/clock.js';
import { AttachmentStorage } from '../tickets/index.js';
import { csvBatches } from './csv-source.js';
import type { ImportRowError, RegisterImport } from './entities/register-import.entity.js';
import { REGISTER_SPECS, type PreparedRow, type RegisterSpec } from './register-specs.js';

/** Rows per statement: big enough that 100,000 rows are 100 round trips, small in memory. */
export const IMPORT_BATCH_ROWS = 1000;
/** Errors a job keeps to show (it counts them all). */
export const KEPT_ERRORS = 1000;
/** A claim older than this is taken to be of an instance that died (its transaction rolled back). */
const STALE_CLAIM_MS = 30 * 60_000;

/** Thrown to roll a dry run back once it has written (and so checked) every row. */
class DryRunDone extends Error {}

interface Outcome {
  created: number;
  updated: number;
  errorCount: number;
  errors: ImportRowError[];
  rows: number;
}

/**
 * Runs register import jobs. A job is claimed by one instance (UPDATE … WHERE state = 'queued'
 * with SKIP LOCKED), and the whole file is written in ONE transaction: a dry run rolls it back at
 * the end (so it checks exactly what the import will do, references within the file included),
 * an import commits only when no row failed, so a failed import leaves nothing half-written. Jobs
 * of all registers take one advisory lock, so two imports never interleave their lookups.
 */
@Injectable()
export class RegisterImportWorker {
  private readonly log = new Logger(RegisterImportWorker.name);

  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
  ) {}

  @ScheduledLoop('register-import', 2_000)
  async tick(): Promise<LoopSummary> {
    const ran = await this.runDue();
    return ran > 0 ? `ran ${ran} register import job(s)` : null;
  }

  /** Runs queued jobs until none is left; returns how many this instance ran. */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return ran;
      await this.run(job);
      ran++;
    }
  }

  private async claim(): Promise<RegisterImport | null> {
    const now = this.clock.now();
    const [job] = await sql<Record<string, unknown>>(
      this.db,
      `UPDATE register_imports SET state = 'running', claimed_at = $1, updated_at = $1,
              rows_done = 0
        WHERE id = (SELECT id FROM register_imports
                     WHERE state = 'queued' OR (state = 'running' AND claimed_at < $2)
                     ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, register, mode, file_key, delimiter, claimed_at`,
      [now, new Date(now.getTime() - STALE_CLAIM_MS)],
    );
    if (!job) return null;
    return {
      id: job.id,
      register: job.register,
      mode: job.mode,
      fileKey: job.file_key,
      delimiter: job.delimiter,
      claimedAt: job.claimed_at,
    } as RegisterImport;
  }

  private async run(job: RegisterImport): Promise<void> {
    const clean = await this.runJob(job);
    // The file served its dry run and its import: an imported file is not kept, nor one whose
    // dry run found errors (it cannot be imported; the fix is a new upload).
    if (job.mode === 'import' || !clean) {
      await this.storage.remove(job.fileKey).catch(() => undefined);
    }
  }

  /** Runs the job; true when it ran through without a row error. */
  private async runJob(job: RegisterImport): Promise<boolean> {
    const spec = REGISTER_SPECS[job.register];
    let outcome: Outcome | null = null;
    try {
      await this.db.transaction(async (em) => {
        await advisoryXactLock(em, 'register-import');
        outcome = await this.process(em, job, spec);
        if (job.mode === 'dry_run' || outcome.errorCount > 0) throw new DryRunDone();
        await this.finish(em, job, outcome, 'done');
      });
    } catch (error) {
      if (!(error instanceof DryRunDone) || !outcome) {
        this.log.error(`register import ${job.id} failed: ${(error as Error).message}`);
        const failed: Outcome = outcome ?? {
          created: 0,
          updated: 0,
          rows: 0,
          errorCount: 1,
          errors: [{ row: 0, column: '', code: 'failed', message: 'The file could not be read' }],
        };
        await this.finish(this.db.manager, job, failed, 'failed');
        return false;
      }
      const result = outcome as Outcome;
      // A dry run is done either way; an import with row errors wrote nothing.
      await this.finish(this.db.manager, job, result, job.mode === 'dry_run' ? 'done' : 'failed');
      return result.errorCount === 0;
    }
    return true;
  }

  private async process(
    em: EntityManager,
    job: RegisterImport,
    spec: RegisterSpec,
  ): Promise<Outcome> {
    const outcome: Outcome = { created: 0, updated: 0, errorCount: 0, errors: [], rows: 0 };
    const fail = (row: number, column: string, code: string, message: string) => {
      outcome.errorCount++;
      if (outcome.errors.length < KEPT_ERRORS) outcome.errors.push({ row, column, code, message });
    };
    await spec.start?.(em);
    const stream = await this.storage.open(job.fileKey);
    for await (const batch of csvBatches(stream, job.delimiter, IMPORT_BATCH_ROWS)) {
      const rows = await spec.prepare(em, batch, fail);
      await this.write(em, spec, rows);
      for (const r of rows) {
        if (r.isNew) outcome.created++;
        else outcome.updated++;
      }
      outcome.rows += batch.length;
      await this.progress(job, outcome);
    }
    // Pass two: the checks that need every row of the file written (the staged rows, in SQL).
    if (spec.finish) {
      const staged = await spec.finish(em, KEPT_ERRORS - outcome.errors.length);
      outcome.errorCount += staged.total;
      outcome.created -= staged.created;
      outcome.updated -= staged.updated;
      outcome.errors.push(...staged.first);
      outcome.errors.sort((a, b) => a.row - b.row);
      await this.progress(job, outcome);
    }
    return outcome;
  }

  /** Progress goes through another connection: the job's own transaction is not visible yet. */
  private async progress(job: RegisterImport, outcome: Outcome): Promise<void> {
    await this.db.query(
      'UPDATE register_imports SET rows_done = $2, error_count = $3 WHERE id = $1',
      [job.id, outcome.rows, outcome.errorCount],
    );
  }

  private async write(em: EntityManager, spec: RegisterSpec, rows: PreparedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock.now();
    const cols = spec.writes;
    const inserts = rows.filter((r) => r.isNew);
    const updates = rows.filter((r) => !r.isNew);
    const record = (r: PreparedRow, extra: Record<string, unknown> = {}) =>
      ({ id: r.id, ...r.values, ...extra }) as Record<string, unknown>;
    if (inserts.length > 0) {
      const extra = spec.insertOnly ?? {};
      const all = [...cols, ...Object.keys(extra)];
      await em.query(
        `INSERT INTO ${spec.table} (id, ${all.join(', ')}, created_at, updated_at)
         SELECT r.id, ${all.map((c) => `r.${c}`).join(', ')}, $2, $2
           FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb) r`,
        [JSON.stringify(inserts.map((r) => record(r, extra))), now],
      );
    }
    if (updates.length > 0) {
      await em.query(
        `UPDATE ${spec.table} t SET ${cols.map((c) => `${c} = r.${c}`).join(', ')},
                version = t.version + 1, updated_at = $2
           FROM jsonb_populate_recordset(NULL::${spec.table}, $1::jsonb) r
          WHERE t.id = r.id`,
        [JSON.stringify(updates.map((r) => record(r))), now],
      );
    }
    await em.query(
      `INSERT INTO register_external_ids (register, external_id, row_id)
       SELECT $1, e, r FROM unnest($2::text[], $3::uuid[]) AS u(e, r)
       ON CONFLICT (register, external_id) DO UPDATE SET row_id = EXCLUDED.row_id`,
      [spec.register, rows.map((r) => r.externalId), rows.map((r) => r.id)],
    );
  }

  private async finish(
    em: EntityManager,
    job: RegisterImport,
    outcome: Outcome,
    state: 'done' | 'failed',
  ): Promise<void> {
    const now = this.clock.now();
    // Only the claim that ran the job records its end (a stale claim's late finish is ignored).
    await em.query(
      `UPDATE register_imports
          SET state = $3, rows_done = $4, created_count = $5, updated_count = $6, error_count = $7,
              errors = $8::jsonb, finished_at = $2, updated_at = $2
        WHERE id = $1 AND claimed_at = $9`,
      [
        job.id,
        now,
        state,
        outcome.rows,
        outcome.created,
        outcome.updated,
        outcome.errorCount,
        JSON.stringify(outcome.errors),
        job.claimedAt,
      ],
    );
  }
}
