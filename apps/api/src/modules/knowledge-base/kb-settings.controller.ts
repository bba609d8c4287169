import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions } from '../../common/auth/decorators.js';
import { sql } from '../../common/database/sql.js';
import { VersionConflictError } from '../../common/errors/domain-errors.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { Clock } from '../../common/time/clock.js';
import { KbSettingsDto, UpdateKbSettingsDto } from './dto/kb-misc.dto.js';

interface Row {
  public_enabled: boolean;
  version: number;
}
const toDto = (r: Row): KbSettingsDto => ({ publicEnabled: r.public_enabled, version: r.version });

/** The public KB switch. The audience rule reads the row in each statement: no cache to expire. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@RequirePermissions(Permission.KbManage)
@Controller('v1/admin/kb-settings')
export class KbSettingsController {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Knowledge-base settings' })
  @ApiOkResponse({ type: KbSettingsDto })
  @ApiProblems(401, 403)
  async get(): Promise<KbSettingsDto> {
    const [row] = await sql<Row>(
      this.db,
      'SELECT public_enabled, version FROM kb_settings WHERE id = 1',
    );
    return toDto(row);
  }

  @Put()
  @ApiOperation({ summary: 'Change the knowledge-base settings (send the version you read)' })
  @ApiOkResponse({ type: KbSettingsDto })
  @ApiProblems(400, 401, 403, 409)
  async put(@Body() dto: UpdateKbSettingsDto): Promise<KbSettingsDto> {
    const [row] = await sql<Row>(
      this.db,
      `UPDATE kb_settings SET public_enabled = $1, version = version + 1, updated_at = $3
        WHERE id = 1 AND version = $2 RETURNING public_enabled, version`,
      [dto.publicEnabled, dto.version, this.clock.now()],
    );
    if (row) return toDto(row);
    const [current] = await sql<Row>(
      this.db,
      'SELECT public_enabled, version FROM kb_settings WHERE id = 1',
    );
    throw new VersionConflictError(current.version);
  }
}
