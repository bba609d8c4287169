import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import { RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import {
  UpdateVisibilitySettingsDto,
  VisibilitySettingsDto,
} from '../dto/visibility-settings.dto.js';
import { VisibilitySettingsService } from './visibility-settings.service.js';

@ApiTags('users')
@ApiBearerAuth()
@RequirePermissions(Permission.UsersManage)
@RequireScope('admin')
@Controller('v1/admin/visibility-settings')
export class VisibilitySettingsController {
  constructor(private readonly settings: VisibilitySettingsService) {}

  @Get()
  @ApiOperation({
    summary: 'Who sees which ticket, installation-wide (admins)',
    description:
      'The default visibility scope of agents without their own, and whether unassigned tickets ' +
      'reach only their group. See docs/visibility.md.',
  })
  @ApiOkResponse({ type: VisibilitySettingsDto })
  @ApiProblems(401, 403)
  get(): Promise<VisibilitySettingsDto> {
    return this.settings.get();
  }

  @Put()
  @ApiOperation({
    summary: 'Change who sees which ticket, installation-wide (admins)',
    description:
      'Only the fields sent change; `version` is the one you read (409 when stale). Holds from ' +
      'every user’s next request, and for notifications from the next one sent.',
  })
  @ApiOkResponse({ type: VisibilitySettingsDto })
  @ApiProblems(400, 401, 403, 409)
  update(@Body() dto: UpdateVisibilitySettingsDto): Promise<VisibilitySettingsDto> {
    return this.settings.update(dto);
  }
}
