import { Module } from '@nestjs/common';
import { IdempotencyInterceptor } from '../../common/idempotency/idempotency.interceptor.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { TicketAccessService } from './ticket-access.service.js';
import { TicketAssignmentService } from './ticket-assignment.service.js';
import { TicketCommentsService } from './ticket-comments.service.js';
import { TicketHistoryService } from './ticket-history.service.js';
import { TicketQueuesService } from './ticket-queues.service.js';
import { TicketTimersService } from './ticket-timers.service.js';
import { TicketTransitionsService } from './ticket-transitions.service.js';
import { TicketsController, TicketTypesController } from './tickets.controller.js';
import { TicketsRepository } from './tickets.repository.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [WorkflowModule],
  controllers: [TicketsController, TicketTypesController],
  providers: [
    IdempotencyInterceptor,
    TicketAccessService,
    TicketAssignmentService,
    TicketCommentsService,
    TicketHistoryService,
    TicketQueuesService,
    TicketTimersService,
    TicketTransitionsService,
    TicketsRepository,
    TicketsService,
  ],
  exports: [TicketAccessService, TicketsService, TicketTimersService],
})
export class TicketsModule {}
