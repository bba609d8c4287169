/**
 * The door of the assignment module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Who gets a ticket: assignment rules, group distribution and support levels. The tickets
 * module asks the engine for routing decisions; nothing here writes a ticket.
 */
export { AssignmentRulesEngine, autoAssignedEvent } from './assignment-rules.engine.js';
export { AssignmentModule } from './assignment.module.js';
export { assertMayAssignTo } from './dispatcher-scope.js';
export { GroupDistributionService, distributionPickSql } from './group-distribution.js';
export { firstGroupOfLevel, groupLevel } from './support-level-groups.js';
