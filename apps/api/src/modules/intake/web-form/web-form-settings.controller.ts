import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import { UpdateWebFormSettingsDto, WebFormSettingsDto } from './dto/web-form-settings.dto.js';
import { toSettingsDto, WebFormSettingsService } from './web-form-settings.service.js';

@ApiTags('web-form')
@ApiBearerAuth()
@RequirePermissions(Permission.WebFormManage)
@RequireScope('admin')
@Controller('v1/admin/web-form')
export class WebFormSettingsController {
  constructor(private readonly settings: WebFormSettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The public web form’s settings (admins)' })
  @ApiOkResponse({ type: WebFormSettingsDto })
  @ApiProblems(401, 403)
  async get(): Promise<WebFormSettingsDto> {
    return toSettingsDto(await this.settings.current());
  }

  @Put()
  @ApiOperation({
    summary: 'Change the public web form’s settings (admins)',
    description:
      'Only the fields sent change; `version` is the one you read (409 when stale). Ticket types ' +
      'must be public and active, the group active (422).',
  })
  @ApiOkResponse({ type: WebFormSettingsDto })
  @ApiProblems(400, 401, 403, 409, 422)
  update(@Body() dto: UpdateWebFormSettingsDto): Promise<WebFormSettingsDto> {
    return this.settings.update(dto);
  }
}
