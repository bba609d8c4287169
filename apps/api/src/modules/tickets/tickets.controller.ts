import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Permission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { CurrentUser, RequirePermissions, RequireScope } from '../../common/auth/decorators.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { IdParam } from '../../common/http/uuid-param.pipe.js';
import { IdempotentCreate } from '../../common/idempotency/idempotent-create.decorator.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import {
  AssignmentDto,
  CreateCommentDto,
  CreateTicketDto,
  ListTicketsQueryDto,
  TakeDto,
  TransitionDto,
  UpdateTicketDto,
} from './dto/ticket-input.dto.js';
import { SubListQueryDto } from './dto/list-query.dto.js';
import {
  CommentDto,
  CommentPageDto,
  TicketCountsDto,
  TicketDto,
  TicketEventPageDto,
  TicketPageDto,
  TransitionOptionDto,
} from './dto/ticket.dto.js';
import { TicketAssignmentService } from './ticket-assignment.service.js';
import { TicketQueries } from './ticket-queries.js';
import { TicketCommentsService } from './ticket-comments.service.js';
import { TicketHistoryService } from './ticket-history.service.js';
import { TicketQueuesService } from './ticket-queues.service.js';
import { TicketTransitionsService } from './ticket-transitions.service.js';
import { TicketsService } from './tickets.service.js';

@ApiTags('tickets')
@ApiBearerAuth()
@RequirePermissions(Permission.TicketsRead)
@RequireScope('tickets:read')
@Controller('v1/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly queries: TicketQueries,
    private readonly queues: TicketQueuesService,
    private readonly transitions: TicketTransitionsService,
    private readonly assignment: TicketAssignmentService,
    private readonly comments: TicketCommentsService,
    private readonly history: TicketHistoryService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'List tickets: queues (view), filters, full-text search, keyset pages',
    description:
      'Clients get their tickets without staff-only fields. For them sort=updatedAt orders by the last change a client sees, and the staff queues (unassigned, mine, needs_reply, overdue, by_user, by_department) and filters (assigneeId, groupId, solverId, projectId, dueFrom, dueTo) are a 400.',
  })
  @ApiOkResponse({ type: TicketPageDto })
  @ApiProblems(400, 401, 403)
  list(@CurrentUser() user: AuthUser, @Query() query: ListTicketsQueryDto): Promise<TicketPageDto> {
    return this.queues.list(user, query);
  }

  @Get('counts')
  @ApiOperation({
    summary: 'How many tickets each queue holds, for the sidebar',
    description: 'Clients get createdByMe, open and closed only.',
  })
  @ApiOkResponse({ type: TicketCountsDto })
  @ApiProblems(401)
  counts(@CurrentUser() user: AuthUser): Promise<TicketCountsDto> {
    return this.queues.counts(user);
  }

  @Get('by-number/:number')
  @ApiOperation({ summary: 'A ticket by its human number' })
  @ApiOkResponse({ type: TicketDto })
  @ApiParam({
    name: 'number',
    schema: { type: 'integer', format: 'int64', minimum: 1, maximum: 999_999_999_999_999 },
  })
  @ApiProblems(401, 404)
  byNumber(@CurrentUser() user: AuthUser, @Param('number') number: string): Promise<TicketDto> {
    if (!/^\d{1,15}$/.test(number)) throw new NotFoundError('Ticket');
    return this.queries.getByNumber(user, Number(number));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(401, 404)
  get(@CurrentUser() user: AuthUser, @IdParam() id: string): Promise<TicketDto> {
    return this.queries.get(user, id);
  }

  @RequireScope('tickets:write')
  @Post()
  @RequirePermissions(Permission.TicketsCreate)
  @IdempotentCreate()
  @ApiOperation({
    summary: 'Create a ticket (a client files it for themselves and their organization)',
  })
  @ApiCreatedResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 409, 413, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateTicketDto): Promise<TicketDto> {
    return this.tickets.create(user, dto);
  }

  @RequireScope('tickets:write')
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit fields; carries the version you read',
    description:
      'Staff with tickets.update edit any field. Clients may send only `customFields` (and `version`), for fields the type lets clients edit; anything else is 403.',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: UpdateTicketDto,
  ): Promise<TicketDto> {
    return this.tickets.update(user, id, dto);
  }

  @Get(':id/transitions')
  @ApiOperation({ summary: 'The status changes the caller may make now' })
  @ApiOkResponse({ type: [TransitionOptionDto] })
  @ApiProblems(401, 404)
  transitionOptions(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<TransitionOptionDto[]> {
    return this.transitions.options(user, id);
  }

  @RequireScope('tickets:write')
  @Post(':id/transitions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Change the status along an allowed transition' })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 404, 409, 422)
  transition(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: TransitionDto,
  ): Promise<TicketDto> {
    return this.transitions.transition(user, id, dto);
  }

  @RequireScope('tickets:write')
  @Post(':id/take')
  @HttpCode(200)
  @RequirePermissions(Permission.TicketsTake)
  @ApiOperation({
    summary: 'Take an unassigned ticket; of simultaneous takers one wins, the rest get 409',
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 404, 409)
  take(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: TakeDto,
  ): Promise<TicketDto> {
    return this.assignment.take(user, id, dto.version);
  }

  @RequireScope('tickets:write')
  @Post(':id/assignment')
  @HttpCode(200)
  // tickets.assign, or tickets.hand-over checked against the ticket's project (in the service).
  @ApiOperation({
    summary: 'Assign or reassign to an agent and/or a group (dispatchers, admins)',
    description:
      "Staff without tickets.assign may only hand a ticket of a project they manage to a member of that project (Pythagoras): another ticket or a group change is a 403, no assignee or a non-member a 422; the permission is decided before the ids are looked up. A dispatcher assigns to staff of their own departments, except when handing a ticket of a project they manage to its member. A workflow's automatic transitions on assignment (assigned, handed_over) apply in the same write.",
  })
  @ApiOkResponse({ type: TicketDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  assign(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: AssignmentDto,
  ): Promise<TicketDto> {
    return this.assignment.assign(user, id, dto);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: 'Comments, oldest first (clients never receive internal ones)' })
  @ApiOkResponse({ type: CommentPageDto })
  @ApiProblems(400, 401, 404)
  listComments(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: SubListQueryDto,
  ): Promise<CommentPageDto> {
    return this.comments.list(user, id, query.limit ?? 100, query.cursor);
  }

  @RequireScope('comments:write')
  @Post(':id/comments')
  @IdempotentCreate()
  @ApiOperation({ summary: 'Add a public comment or (staff) an internal note' })
  @ApiCreatedResponse({ type: CommentDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 422)
  addComment(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentDto> {
    return this.comments.create(user, id, dto);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'Everything that happened to the ticket, oldest first' })
  @ApiOkResponse({ type: TicketEventPageDto })
  @ApiProblems(400, 401, 404)
  listHistory(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
    @Query() query: SubListQueryDto,
  ): Promise<TicketEventPageDto> {
    return this.history.list(user, id, query.limit ?? 100, query.cursor);
  }
}
