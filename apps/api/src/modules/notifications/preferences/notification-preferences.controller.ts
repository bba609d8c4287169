import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import {
  NotificationDefaultsDto,
  NotificationPreferencesDto,
  UpdateNotificationDefaultsDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preferences.dto.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({
    summary: 'Which notifications reach you on which channel',
    description:
      'Every kind you can hear of (clients: the acknowledgement, public replies and status ' +
      'changes; staff: every kind but the acknowledgement) on each channel, and whether the ' +
      'cell follows the installation default.',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(401)
  get(@CurrentUser() user: AuthUser): Promise<NotificationPreferencesDto> {
    return this.preferences.get(user);
  }

  @Put()
  @ApiOperation({
    summary: 'Change some cells of your notification preferences',
    description:
      'Only the cells sent change (`enabled: null` returns a cell to the default); all or ' +
      'nothing. SMS can be turned on only with a valid phone number and the SMS opt-in (422).',
  })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiProblems(400, 401, 422)
  update(
    @CurrentUser() user: AuthUser,
    @Body() dto: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(user, dto);
  }
}

@ApiTags('notifications')
@ApiBearerAuth()
@RequirePermissions(Permission.NotificationDefaultsManage)
@RequireScope('admin')
@Controller('v1/admin/notification-defaults')
export class NotificationDefaultsController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({
    summary: 'The installation’s notification defaults (admins)',
    description: 'Every kind on every channel; users who made no choice of their own get these.',
  })
  @ApiOkResponse({ type: NotificationDefaultsDto })
  @ApiProblems(401, 403)
  get(): Promise<NotificationDefaultsDto> {
    return this.preferences.defaults();
  }

  @Put()
  @ApiOperation({
    summary: 'Change some notification defaults (admins)',
    description:
      'Only the cells sent change. A changed default applies at once to everyone who has not ' +
      'chosen that cell themselves.',
  })
  @ApiOkResponse({ type: NotificationDefaultsDto })
  @ApiProblems(400, 401, 403, 422)
  update(@Body() dto: UpdateNotificationDefaultsDto): Promise<NotificationDefaultsDto> {
    return this.preferences.updateDefaults(dto);
  }
}
