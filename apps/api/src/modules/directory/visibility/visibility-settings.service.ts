import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sql } from '../../../common/database/sql.js';
import { VersionConflictError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type {
  UpdateVisibilitySettingsDto,
  VisibilitySettingsDto,
} from '../dto/visibility-settings.dto.js';
import { VisibilitySettings } from '../entities/visibility-settings.entity.js';

const ROW_ID = 1;

function toDto(s: VisibilitySettings): VisibilitySettingsDto {
  return {
    defaultScope: s.defaultScope,
    unassignedGroupOnly: s.unassignedGroupOnly,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/**
 * The installation's visibility settings. Nothing caches them: every caller is loaded with them
 * in one statement (common/auth/auth-user.sql.ts), so a change holds for every user, on every
 * instance, from their next request (and for notifications from the next fan-out).
 */
@Injectable()
export class VisibilitySettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<VisibilitySettingsDto> {
    return toDto(await this.db.getRepository(VisibilitySettings).findOneByOrFail({ id: ROW_ID }));
  }

  async update(dto: UpdateVisibilitySettingsDto): Promise<VisibilitySettingsDto> {
    return this.db.transaction(async (em) => {
      const [{ version }] = await sql<{ version: number }>(
        em,
        'SELECT version FROM visibility_settings WHERE id = $1 FOR NO KEY UPDATE',
        [ROW_ID],
      );
      if (version !== dto.version) throw new VersionConflictError(version);
      const { version: _version, ...fields } = dto;
      await em
        .getRepository(VisibilitySettings)
        .update(
          { id: ROW_ID },
          { ...fields, version: () => 'version + 1', updatedAt: this.clock.now() },
        );
      return toDto(await em.getRepository(VisibilitySettings).findOneByOrFail({ id: ROW_ID }));
    });
  }
}
