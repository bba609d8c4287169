import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { KbSettingsDto, UpdateKbSettingsDto } from './dto/kb-settings.dto.js';
import { KbSettingsService } from './kb-settings.service.js';

/** The knowledge base's settings. The audience rule reads the row in each statement: no cache. */
@ApiTags('knowledge-base')
@ApiBearerAuth()
@RequirePermissions(Permission.KbManage)
@Controller('v1/admin/kb-settings')
export class KbSettingsController {
  constructor(private readonly settings: KbSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'Knowledge-base settings' })
  @ApiOkResponse({ type: KbSettingsDto })
  @ApiProblems(401, 403)
  get(): Promise<KbSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary: 'Change the knowledge-base settings (send the version you read; omitted ones stay)',
  })
  @ApiOkResponse({ type: KbSettingsDto })
  @ApiProblems(400, 401, 403, 409)
  put(@Body() dto: UpdateKbSettingsDto): Promise<KbSettingsDto> {
    return this.settings.update(dto);
  }
}
