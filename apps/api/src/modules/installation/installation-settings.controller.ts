import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  InstallationSettingsDto,
  UpdateInstallationSettingsDto,
} from './dto/installation-settings.dto.js';
import { InstallationSettingsService } from './installation-settings.service.js';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermissions(Permission.UsersManage)
@RequireScope('admin')
@Controller('v1/admin/installation-settings')
export class InstallationSettingsController {
  constructor(private readonly settings: InstallationSettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'The installation’s company details and time zone (admins)',
    description:
      'The service provider printed on service protocols, and the time zone their dates are in.',
  })
  @ApiOkResponse({ type: InstallationSettingsDto })
  @ApiProblems(401, 403)
  get(): Promise<InstallationSettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary: 'Change the installation’s company details and time zone (admins)',
    description:
      'Only the fields sent change; `version` is the one you read (409 when stale). An unknown ' +
      'time zone is 422 on `timeZone`.',
  })
  @ApiOkResponse({ type: InstallationSettingsDto })
  @ApiProblems(400, 401, 403, 409, 422)
  update(@Body() dto: UpdateInstallationSettingsDto): Promise<InstallationSettingsDto> {
    return this.settings.update(dto);
  }
}
