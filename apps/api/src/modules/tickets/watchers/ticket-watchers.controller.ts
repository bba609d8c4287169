import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../../common/auth/decorators.js';
import { IdParam } from '../../../common/http/uuid-param.pipe.js';
import { ApiProblems } from '../../../common/openapi/api-problems.decorator.js';
import {
  AddTicketWatcherDto,
  TicketWatcherDto,
  WatcherCandidateDto,
  WatcherCandidatesQueryDto,
} from './ticket-watcher.dto.js';
import { TicketWatchersService } from './ticket-watchers.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets/:id/watchers')
export class TicketWatchersController {
  constructor(private readonly watchers: TicketWatchersService) {}

  @Get()
  @ApiOperation({
    summary: 'Who watches the ticket',
    description: 'Staff see every watcher; clients see the watchers of their own organization.',
  })
  @ApiOkResponse({ type: [TicketWatcherDto] })
  @ApiProblems(401, 404)
  list(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<TicketWatcherDto[]> {
    return this.watchers.list(user, id);
  }

  @Get('candidates')
  @ApiOperation({
    summary: 'People the caller may add as watchers',
    description:
      'Up to 20 active people who do not watch yet and may see the ticket, by name: for staff, ' +
      'colleagues and contacts of the ticket’s organization (also by e-mail); for clients who see ' +
      'their organization’s tickets, colleagues of their organization (other clients: 403).',
  })
  @ApiOkResponse({ type: [WatcherCandidateDto] })
  @ApiProblems(400, 401, 403, 404)
  candidates(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: WatcherCandidatesQueryDto,
  ): Promise<WatcherCandidateDto[]> {
    return this.watchers.candidates(user, id, query.q);
  }

  @RequireScope('tickets:write')
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Watch the ticket, or add a watcher',
    description:
      'Anyone who sees the ticket may watch it. Staff may add an active colleague or a contact ' +
      'of the ticket’s organization; clients who see their organization’s tickets may add a ' +
      'colleague (others: 403). The new watcher must be able to see the ticket (422). Adding ' +
      'someone who already watches changes nothing. Answers the list as the caller sees it.',
  })
  @ApiOkResponse({ type: [TicketWatcherDto] })
  @ApiProblems(400, 401, 403, 404, 422)
  add(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: AddTicketWatcherDto,
  ): Promise<TicketWatcherDto[]> {
    return this.watchers.add(user, id, dto.userId);
  }

  @RequireScope('tickets:write')
  @Delete(':userId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Stop watching the ticket, or remove a watcher',
    description:
      'Anyone may remove themselves; staff anyone; clients who see their organization’s ' +
      'tickets a colleague (other clients: 403). Removing someone who does not watch is no change.',
  })
  @ApiNoContentResponse()
  @ApiProblems(401, 403, 404)
  remove(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @IdParam('userId') userId: string,
  ): Promise<void> {
    return this.watchers.remove(user, id, userId);
  }
}
