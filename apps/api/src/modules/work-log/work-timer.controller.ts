import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { StartWorkTimerDto, StoppedWorkTimerDto, WorkTimerStateDto } from './dto/work-timer.dto.js';
import { WorkTimerService } from './work-timer.service.js';

@ApiTags('work-log')
@ApiBearerAuth()
@RequireScope('tickets:write')
@RequirePermissions(Permission.WorkLogWrite)
@Controller('v1/me/work-timer')
export class WorkTimerController {
  constructor(private readonly timers: WorkTimerService) {}

  @Get()
  @ApiOperation({ summary: 'Your running timer, if any (staff)' })
  @ApiOkResponse({ type: WorkTimerStateDto })
  @ApiProblems(401, 403)
  get(@CurrentUser() user: AuthUser): Promise<WorkTimerStateDto> {
    return this.timers.get(user);
  }

  @Post()
  @ApiOperation({
    summary: 'Start your timer on a ticket',
    description: 'One timer per person: 409 while one runs.',
  })
  @ApiCreatedResponse({ type: WorkTimerStateDto })
  @ApiProblems(400, 401, 403, 404, 409)
  start(@CurrentUser() user: AuthUser, @Body() dto: StartWorkTimerDto): Promise<WorkTimerStateDto> {
    return this.timers.start(user, dto.ticketId);
  }

  @Delete()
  @ApiOperation({
    summary: 'Stop your timer',
    description:
      'Answers the span (ticket, start, end, seconds) for the entry form; no entry is written.',
  })
  @ApiOkResponse({ type: StoppedWorkTimerDto })
  @ApiProblems(401, 403, 404)
  stop(@CurrentUser() user: AuthUser): Promise<StoppedWorkTimerDto> {
    return this.timers.stop(user);
  }
}
