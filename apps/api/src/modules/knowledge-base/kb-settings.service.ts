import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type { KbSettingsDto, UpdateKbSettingsDto } from './dto/kb-settings.dto.js';

type Setting = Exclude<keyof KbSettingsDto, 'version'>;

/** Each setting and its column in the one `kb_settings` row: a new setting is a line here. */
const COLUMNS: Record<Setting, string> = {
  publicEnabled: 'public_enabled',
  reviewIntervalMonths: 'review_interval_months',
  autoAnswerEnabled: 'auto_answer_enabled',
  autoAnswerMinScore: 'auto_answer_min_score',
};
const SELECT_LIST = [
  ...Object.entries(COLUMNS).map(([key, column]) => `${column} AS "${key}"`),
  'version',
].join(', ');

/** The knowledge base's installation-wide settings (one row, id 1). */
@Injectable()
export class KbSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(em: EntityManager | DataSource = this.db): Promise<KbSettingsDto> {
    const [row] = await sql<KbSettingsDto>(
      em,
      `SELECT ${SELECT_LIST} FROM kb_settings WHERE id = 1`,
    );
    return row;
  }

  /** Only the settings sent change; a stale version is a 409 with the current one. */
  async update(dto: UpdateKbSettingsDto): Promise<KbSettingsDto> {
    const p = new SqlParams();
    const sets = ['version = version + 1', `updated_at = ${p.add(this.clock.now())}`];
    for (const [key, column] of Object.entries(COLUMNS) as [Setting, string][]) {
      if (dto[key] !== undefined) sets.push(`${column} = ${p.add(dto[key])}`);
    }
    const [row] = await sql<KbSettingsDto>(
      this.db,
      `UPDATE kb_settings SET ${sets.join(', ')}
        WHERE id = 1 AND version = ${p.add(dto.version)} RETURNING ${SELECT_LIST}`,
      p.values,
    );
    if (row) return row;
    throw new VersionConflictError((await this.get()).version);
  }
}
