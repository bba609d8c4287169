import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module.js';
import { AssignmentModule } from './assignment.module.js';
import { TicketEscalationController } from './ticket-escalation.controller.js';
import { TicketEscalationService } from './ticket-escalation.service.js';

/** POST /tickets/{id}/escalation: needs both the tickets module and the assignment module. */
@Module({
  imports: [TicketsModule, AssignmentModule],
  controllers: [TicketEscalationController],
  providers: [TicketEscalationService],
})
export class TicketEscalationModule {}
