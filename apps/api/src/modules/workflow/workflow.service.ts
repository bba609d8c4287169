import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Workflow } from './entities/workflow.entity.js';
import { WorkflowStatus } from './entities/workflow-status.entity.js';
import { WorkflowTransition } from './entities/workflow-transition.entity.js';

export interface WorkflowDefinition {
  workflow: Workflow;
  statuses: WorkflowStatus[];
  transitions: WorkflowTransition[];
}

/** Who is asking, relative to the ticket: a transition may be open to the requester only. */
export interface TransitionActor {
  role: Role;
  isRequester: boolean;
}

/**
 * Reads workflows (statuses, transitions) and answers what a given actor may do. Workflows are
 * small and read per request, so a change made by an admin applies on the very next request on
 * every instance without cache invalidation.
 */
@Injectable()
export class WorkflowService {
  constructor(private readonly db: DataSource) {}

  async definition(
    workflowId: string,
    em: EntityManager = this.db.manager,
  ): Promise<WorkflowDefinition> {
    const workflow = await em.findOneBy(Workflow, { id: workflowId });
    if (!workflow) throw new NotFoundError('Workflow');
    const [statuses, transitions] = await Promise.all([
      em.find(WorkflowStatus, { where: { workflowId }, order: { position: 'ASC' } }),
      em.find(WorkflowTransition, { where: { workflowId }, order: { position: 'ASC' } }),
    ]);
    return { workflow, statuses, transitions };
  }

  async list(): Promise<WorkflowDefinition[]> {
    const workflows = await this.db.manager.find(Workflow, { order: { key: 'ASC' } });
    return Promise.all(workflows.map((w) => this.definition(w.id)));
  }

  async defaultWorkflowId(em: EntityManager = this.db.manager): Promise<string> {
    const w = await em.findOneBy(Workflow, { key: 'okdesk' });
    if (!w) throw new NotFoundError('Workflow');
    return w.id;
  }

  initialStatus(def: WorkflowDefinition): WorkflowStatus {
    const initial = def.statuses.find((s) => s.isInitial) ?? def.statuses[0];
    if (!initial) throw new NotFoundError('Initial status');
    return initial;
  }

  status(def: WorkflowDefinition, key: string): WorkflowStatus | undefined {
    return def.statuses.find((s) => s.key === key);
  }

  /** Transitions out of `from` that this actor may make. */
  allowedFrom(def: WorkflowDefinition, from: string, actor: TransitionActor): WorkflowTransition[] {
    return def.transitions.filter(
      (t) =>
        t.fromStatus === from &&
        ((actor.role !== 'client' && t.allowedRoles.includes(actor.role)) ||
          (actor.isRequester && t.allowRequester)),
    );
  }

  actorFor(user: AuthUser, requesterId: string | null): TransitionActor {
    return { role: user.role, isRequester: requesterId === user.id };
  }
}
