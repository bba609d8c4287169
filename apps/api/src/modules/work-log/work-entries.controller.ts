import { Body, Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  CreateWorkBatchDto,
  CreateWorkEntryDto,
  TicketWorkDto,
  UpdateWorkEntryDto,
  WorkBatchResultDto,
  WorkEntryDto,
  WorkEntryHistoryDto,
} from './dto/work-entry.dto.js';
import { WorkEntriesService } from './work-entries.service.js';

@ApiTags('work-log')
@ApiBearerAuth()
@Controller('v1')
export class WorkEntriesController {
  constructor(private readonly entries: WorkEntriesService) {}

  @Get('tickets/:id/work-entries')
  @RequireScope('tickets:read')
  @RequirePermissions(Permission.TicketsRead)
  @ApiOperation({
    summary: 'A ticket’s work entries and totals',
    description:
      'Staff: every entry and the totals. A client contact: 404 unless the installation lets clients see billed work; then the billable and warranty entries (never internal ones) with their billed fields only.',
  })
  @ApiOkResponse({ type: TicketWorkDto })
  @ApiProblems(401, 403, 404)
  list(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<TicketWorkDto> {
    return this.entries.forTicket(user, id);
  }

  @Get('tickets/:id/work-entries/history')
  @RequireScope('tickets:read')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'Who created, changed and deleted the ticket’s work entries (staff)' })
  @ApiOkResponse({ type: WorkEntryHistoryDto })
  @ApiProblems(401, 403, 404)
  history(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<WorkEntryHistoryDto> {
    return this.entries.history(user, id);
  }

  @Post('tickets/:id/work-entries')
  @RequireScope('tickets:write')
  @IdempotentCreate()
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'Log work on a ticket (staff)',
    description:
      'Time as durationSeconds or startedAt/endedAt. Defaults: kind warranty on a warranty ticket, else billable; billed time = time done (0 for internal); quantities in hours for an hourly item. 422 per field for what breaks a rule.',
  })
  @ApiCreatedResponse({ type: WorkEntryDto })
  @ApiProblems(400, 401, 403, 404, 422)
  create(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateWorkEntryDto,
  ): Promise<WorkEntryDto> {
    return this.entries.create(user, id, dto);
  }

  @Post('work-entries/batch')
  @RequireScope('tickets:write')
  @IdempotentCreate()
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'Log one piece of work over several tickets (staff)',
    description:
      '`even` divides the time and quantities among ticketIds (the parts add up to the whole); `per_ticket` takes each ticket’s share from shares. All entries are written or none (a ticket you do not see is 422 on its field).',
  })
  @ApiCreatedResponse({ type: WorkBatchResultDto })
  @ApiProblems(400, 401, 403, 422)
  batch(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateWorkBatchDto,
  ): Promise<WorkBatchResultDto> {
    return this.entries.createBatch(user, dto);
  }

  @Patch('work-entries/:id')
  @RequireScope('tickets:write')
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({
    summary: 'Change a work entry (staff)',
    description: 'Send the version you read; a stale one gets 409. The change is in the history.',
  })
  @ApiOkResponse({ type: WorkEntryDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateWorkEntryDto,
  ): Promise<WorkEntryDto> {
    return this.entries.update(user, id, dto);
  }

  @Delete('work-entries/:id')
  @RequireScope('tickets:write')
  @HttpCode(204)
  @RequirePermissions(Permission.WorkLogWrite)
  @ApiOperation({ summary: 'Delete a work entry (staff); the history keeps what it was' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(401, 403, 404)
  async remove(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<void> {
    await this.entries.remove(user, id);
  }
}
