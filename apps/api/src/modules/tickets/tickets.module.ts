import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { WorkflowModule } from '../workflow/index.js';
import { AssignmentModule } from '../assignment/index.js';
import { SlaModule } from '../sla/index.js';
import { ContractsModule } from '../contracts/index.js';
import { AssignmentStatusTriggers } from './assignment-status-triggers.js';
import { TicketAccessService } from './ticket-access.service.js';
import { TicketAssignmentService } from './ticket-assignment.service.js';
import { TicketCommentsService } from './ticket-comments.service.js';
import { TicketHistoryService } from './ticket-history.service.js';
import { TicketQueuesService } from './ticket-queues.service.js';
import { TicketTimersService } from './ticket-timers.service.js';
import { TicketLinksController } from './ticket-links.controller.js';
import { TicketLinksService } from './ticket-links.service.js';
import { TicketStatusChanger } from './ticket-status-changer.service.js';
import { TicketTransitionsService } from './ticket-transitions.service.js';
import { CategoriesController } from './categories/categories.controller.js';
import { CategoriesService } from './categories/categories.service.js';
import { TicketTypesController } from './ticket-types/ticket-types.controller.js';
import { TicketTypesService } from './ticket-types/ticket-types.service.js';
import { TicketsController } from './tickets.controller.js';
import { TicketQueries } from './ticket-queries.js';
import { TicketsService } from './tickets.service.js';
import { TicketEscalationController } from './escalation/ticket-escalation.controller.js';
import { TicketEscalationService } from './escalation/ticket-escalation.service.js';
import { SlaSweepService } from './ticket-sla-sweep.service.js';
import { TicketWriter } from './ticket-writer.js';
import { WorkflowTicketMigration } from './workflow-ticket-migration.js';
import { TicketWatchersController } from './watchers/ticket-watchers.controller.js';
import { TicketWatchersService } from './watchers/ticket-watchers.service.js';

@Module({
  imports: [WorkflowModule, AssignmentModule, SlaModule, ContractsModule],
  controllers: [
    TicketsController,
    TicketTypesController,
    CategoriesController,
    TicketLinksController,
    TicketEscalationController,
    TicketWatchersController,
  ],
  providers: [
    IdempotencyInterceptor,
    AssignmentStatusTriggers,
    CategoriesService,
    TicketAccessService,
    TicketAssignmentService,
    TicketCommentsService,
    TicketHistoryService,
    TicketLinksService,
    TicketStatusChanger,
    TicketQueuesService,
    TicketTimersService,
    TicketTransitionsService,
    TicketTypesService,
    TicketQueries,
    TicketsService,
    TicketCommentsService,
    TicketWriter,
    WorkflowTicketMigration,
    TicketEscalationService,
    SlaSweepService,
    TicketWatchersService,
  ],
  exports: [
    TicketAccessService,
    TicketQueries,
    TicketsService,
    TicketCommentsService,
    TicketTimersService,
    TicketTransitionsService,
    TicketStatusChanger,
    TicketWriter,
    SlaSweepService,
  ],
})
export class TicketsModule {}
