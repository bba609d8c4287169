import { Module } from '@nestjs/common';
import { AssignmentRulesController } from './assignment-rules.controller.js';
import { AssignmentRulesEngine } from './assignment-rules.engine.js';
import { AssignmentRulesService } from './assignment-rules.service.js';
import { GroupDistributionService } from './group-distribution.js';

/**
 * Who gets a ticket: assignment rules, distribution within a group, support levels. The tickets
 * module imports this one and calls the engine when it creates, edits and assigns tickets;
 * escalation, which acts on tickets, lives in the tickets module (tickets/escalation).
 */
@Module({
  controllers: [AssignmentRulesController],
  providers: [AssignmentRulesEngine, AssignmentRulesService, GroupDistributionService],
  exports: [AssignmentRulesEngine, GroupDistributionService],
})
export class AssignmentModule {}
