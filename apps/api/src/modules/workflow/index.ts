/**
 * The door of the workflow module: what other modules may use. Import from here, never from the
 * module's files (`npm run lint` refuses it).
 *
 * Workflows as data: statuses, transitions, timers, the presets.
 */
export type { WorkflowTransition } from './entities/workflow-transition.entity.js';
export { Workflow } from './entities/workflow.entity.js';
export { WorkflowModule } from './workflow.module.js';
export { WorkflowService } from './workflow.service.js';
export type { WorkflowDefinition } from './workflow.service.js';
export { WorkflowRedefined } from './events/workflow.events.js';
