import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, VersionConflictError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type { UpdateWebFormSettingsDto, WebFormSettingsDto } from './dto/web-form-settings.dto.js';
import { WebFormSettings } from './entities/web-form-settings.entity.js';

const ROW_ID = 1;

export function toSettingsDto(s: WebFormSettings): WebFormSettingsDto {
  return {
    enabled: s.enabled,
    typeIds: s.typeIds,
    defaultGroupId: s.defaultGroupId,
    defaultPriority: s.defaultPriority,
    knownContactImmediate: s.knownContactImmediate,
    allowedOrigins: s.allowedOrigins,
    minFillSeconds: s.minFillSeconds,
    maxPerIpPerHour: s.maxPerIpPerHour,
    maxPerAddressPerHour: s.maxPerAddressPerHour,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** The one settings row: read by every public request (no cache, so all instances agree at once). */
@Injectable()
export class WebFormSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async current(em: EntityManager = this.db.manager): Promise<WebFormSettings> {
    return em.getRepository(WebFormSettings).findOneByOrFail({ id: ROW_ID });
  }

  async update(dto: UpdateWebFormSettingsDto): Promise<WebFormSettingsDto> {
    return this.db.transaction(async (em) => {
      const [{ version }] = await sql<{ version: number }>(
        em,
        'SELECT version FROM web_form_settings WHERE id = $1 FOR NO KEY UPDATE',
        [ROW_ID],
      );
      if (version !== dto.version) throw new VersionConflictError(version);
      const errors = await this.referenceErrors(em, dto);
      if (errors.length)
        throw new BusinessRuleError('The web form settings cannot be saved', errors);
      const { version: _version, ...fields } = dto;
      if (fields.allowedOrigins) {
        fields.allowedOrigins = [...new Set(fields.allowedOrigins.map((o) => o.toLowerCase()))];
      }
      if (fields.typeIds) fields.typeIds = [...new Set(fields.typeIds)];
      await em
        .getRepository(WebFormSettings)
        .update(
          { id: ROW_ID },
          { ...fields, version: () => 'version + 1', updatedAt: this.clock.now() },
        );
      return toSettingsDto(await this.current(em));
    });
  }

  private async referenceErrors(
    em: EntityManager,
    dto: UpdateWebFormSettingsDto,
  ): Promise<ProblemFieldError[]> {
    const errors: ProblemFieldError[] = [];
    if (dto.typeIds?.length) {
      // An internal type on a public form would let anyone file into it.
      const usable = await sql<{ id: string }>(
        em,
        'SELECT id FROM ticket_types WHERE id = ANY($1::uuid[]) AND is_public AND active',
        [dto.typeIds],
      );
      const ok = new Set(usable.map((r) => r.id));
      dto.typeIds.forEach((id, i) => {
        if (!ok.has(id)) {
          errors.push({ field: `typeIds.${i}`, message: 'is not an active public ticket type' });
        }
      });
    }
    if (dto.defaultGroupId) {
      const [group] = await sql<{ id: string }>(
        em,
        'SELECT id FROM groups WHERE id = $1 AND active',
        [dto.defaultGroupId],
      );
      if (!group) errors.push({ field: 'defaultGroupId', message: 'no active group with this id' });
    }
    return errors;
  }
}
