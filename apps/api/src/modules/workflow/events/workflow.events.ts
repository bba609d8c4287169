import type { DomainEvent } from '../../../common/events/domain-events.js';
import type { WorkflowDefinition } from '../workflow.service.js';

/**
 * An admin changed a workflow's definition (statuses, categories, transitions, timers). The
 * tickets module listens and brings the workflow's tickets in line, in the same transaction.
 */
export class WorkflowRedefined implements DomainEvent {
  static readonly eventName = 'workflow.redefined';
  constructor(
    readonly workflowId: string,
    readonly before: WorkflowDefinition,
    readonly after: WorkflowDefinition,
    /** Removed status key → key of a status of `after`; covers every removed status in use. */
    readonly mapping: Readonly<Record<string, string>>,
    readonly actorId: string,
    readonly at: Date,
  ) {}
}
