import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { iso } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { AttachmentStorage, AttachmentUploadReceiver } from '../tickets/index.js';
import { detectDelimiter, headerColumns, readHeaderLine } from './csv-source.js';
import { FIELD_COLUMN, FIELD_COLUMN_PATTERN } from './field-cells.js';
import { DRY_RUN_KEPT_MS } from './dry-run-expiry.js';
import type { RegisterImportDto } from './dto/register-import.dto.js';
import { REGISTER_SPECS, type ImportRegister } from './register-specs.js';

const NO_FIELDS: ReadonlySet<string> = new Set();

interface JobRow {
  id: string;
  register: ImportRegister;
  mode: RegisterImportDto['mode'];
  state: RegisterImportDto['state'];
  file_name: string;
  size_bytes: number;
  delimiter: string;
  rows_done: number;
  created_count: number;
  updated_count: number;
  error_count: number;
  errors: RegisterImportDto['errors'];
  created_at: Date;
  finished_at: Date | null;
}

function toDto(r: JobRow): RegisterImportDto {
  return {
    id: r.id,
    register: r.register,
    mode: r.mode,
    state: r.state,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    delimiter: r.delimiter,
    rowsDone: r.rows_done,
    createdCount: r.created_count,
    updatedCount: r.updated_count,
    errorCount: r.error_count,
    errors: r.errors,
    createdAt: iso(r.created_at),
    finishedAt: r.finished_at ? iso(r.finished_at) : null,
    expiresAt:
      r.mode === 'dry_run' ? iso(new Date(r.created_at.getTime() + DRY_RUN_KEPT_MS)) : null,
  };
}

/** Administrators only: an import writes across every organization's registers. */
export function assertAdmin(user: AuthUser): void {
  if (user.role !== 'admin') throw new ForbiddenError('Only administrators import registers');
}

/**
 * CSV imports of the registers: an upload queues its dry run, a clean dry run may be imported.
 * The work itself is the RegisterImportWorker's, so no HTTP request stays open for it.
 */
@Injectable()
export class RegisterImportService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly storage: AttachmentStorage,
    private readonly receiver: AttachmentUploadReceiver,
  ) {}

  async upload(user: AuthUser, register: ImportRegister, req: Request): Promise<RegisterImportDto> {
    assertAdmin(user);
    const upload = await this.receiver.receive(req, NO_FIELDS);
    const key = `regimport-${randomUUID()}`;
    try {
      await this.storage.put(key, upload.tempPath);
    } finally {
      await unlink(upload.tempPath).catch(() => undefined);
    }
    let delimiter: string;
    try {
      delimiter = await this.checkHeader(register, key);
    } catch (e) {
      await this.storage.remove(key);
      throw e;
    }
    const [{ id }] = await sql<{ id: string }>(
      this.db,
      `INSERT INTO register_imports (register, mode, file_key, file_name, size_bytes, delimiter,
                                     created_by, created_at, updated_at)
       VALUES ($1, 'dry_run', $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [
        register,
        key,
        upload.originalName.slice(0, 255),
        upload.sizeBytes,
        delimiter,
        user.id,
        this.clock.now(),
      ],
    );
    return this.get(user, id);
  }

  async get(user: AuthUser, id: string): Promise<RegisterImportDto> {
    assertAdmin(user);
    const [row] = await sql<JobRow>(this.db, 'SELECT * FROM register_imports WHERE id = $1', [id]);
    if (!row) throw new NotFoundError('Import');
    return toDto(row);
  }

  /**
   * Queues the import of a file whose dry run found no error; once only (409 after). A dry run
   * past its `expiresAt` is refused by that time, not only once the hourly sweep has marked it.
   */
  async start(user: AuthUser, id: string): Promise<RegisterImportDto> {
    assertAdmin(user);
    const now = this.clock.now();
    const [started] = await sql<{ id: string }>(
      this.db,
      `UPDATE register_imports SET mode = 'import', state = 'queued', updated_at = $2,
              rows_done = 0, finished_at = NULL
        WHERE id = $1 AND mode = 'dry_run' AND state = 'done' AND error_count = 0
          AND created_at > $3
        RETURNING id`,
      [id, now, new Date(now.getTime() - DRY_RUN_KEPT_MS)],
    );
    if (!started) {
      const current = await this.get(user, id);
      throw new ConflictError(
        current.mode === 'import'
          ? 'This file is imported already (or being imported)'
          : current.state === 'expired' || Date.parse(current.expiresAt!) <= now.getTime()
            ? 'The dry run has expired: upload the file again'
            : current.state === 'done'
              ? 'The dry run found errors: correct the file and upload it again'
              : 'The dry run has not finished yet',
      );
    }
    return this.get(user, id);
  }

  /** The header names the register's columns: every required one, no unknown one (422). */
  private async checkHeader(register: ImportRegister, key: string): Promise<string> {
    const spec = REGISTER_SPECS[register];
    const line = await readHeaderLine(await this.storage.open(key));
    if (!line?.trim()) {
      throw new BusinessRuleError('The file has no header line', [
        { field: 'file', message: `must start with a header line: ${spec.headers.join(',')}` },
      ]);
    }
    const delimiter = detectDelimiter(line);
    const all = headerColumns(line, delimiter);
    // Custom field columns name a field of some equipment type (each row checks its own type's).
    const fieldColumns = spec.fieldColumns ? all.filter((c) => FIELD_COLUMN_PATTERN.test(c)) : [];
    const known = new Set(
      fieldColumns.length === 0
        ? []
        : (
            await sql<{ key: string }>(
              this.db,
              `SELECT DISTINCT f->>'key' AS key
                 FROM equipment_types, jsonb_array_elements(fields) f`,
            )
          ).map((r) => `${FIELD_COLUMN}${r.key}`),
    );
    const columns = all.filter((c) => !fieldColumns.includes(c));
    const errors = [
      ...fieldColumns
        .filter((c) => !known.has(c))
        .map((c) => ({ field: c, message: 'is not a custom field of any equipment type' })),
      ...spec.required
        .filter((c) => !columns.includes(c))
        .map((c) => ({ field: c, message: 'is a required column missing from the header' })),
      ...columns
        .filter((c) => !spec.headers.includes(c))
        .map((c) => ({ field: c.slice(0, 50), message: 'is not a column of this register' })),
    ];
    if (errors.length > 0) {
      throw new BusinessRuleError(`The header does not fit the ${register} register`, errors);
    }
    return delimiter;
  }
}
