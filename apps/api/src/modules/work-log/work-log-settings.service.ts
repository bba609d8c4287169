import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type { UpdateWorkLogSettingsDto, WorkLogSettingsDto } from './dto/work-log-settings.dto.js';

/** The work log's one settings row. */
@Injectable()
export class WorkLogSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(em: EntityManager = this.db.manager): Promise<WorkLogSettingsDto> {
    const [row] = await sql<{ clients_see_billed: boolean; version: number }>(
      em,
      'SELECT clients_see_billed, version FROM work_log_settings WHERE id = 1',
    );
    return { clientsSeeBilled: row?.clients_see_billed ?? false, version: row?.version ?? 1 };
  }

  update(dto: UpdateWorkLogSettingsDto): Promise<WorkLogSettingsDto> {
    return this.db.transaction(async (em) => {
      const [row] = await sql<{ version: number }>(
        em,
        'SELECT version FROM work_log_settings WHERE id = 1 FOR UPDATE',
      );
      if (row.version !== dto.version) throw new VersionConflictError(row.version);
      await em.query(
        `UPDATE work_log_settings SET clients_see_billed = COALESCE($1, clients_see_billed),
                version = version + 1, updated_at = $2 WHERE id = 1`,
        [dto.clientsSeeBilled ?? null, this.clock.now()],
      );
      return this.get(em);
    });
  }
}
