import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Workflow } from './entities/workflow.entity.js';
import { WorkflowStatus } from './entities/workflow-status.entity.js';
import { WorkflowTransition } from './entities/workflow-transition.entity.js';
import { WorkflowTimer } from './entities/workflow-timer.entity.js';
import { readWorkflowDefinition } from './workflow-definition.repository.js';
import { ReferenceCache } from '../../common/reference-data/reference-cache.js';
import { Clock } from '../../common/time/clock.js';

export interface WorkflowDefinition {
  workflow: Workflow;
  statuses: WorkflowStatus[];
  transitions: WorkflowTransition[];
  /** Automatic transitions (timed or on a requester's reply). */
  timers: WorkflowTimer[];
}

/** Who is asking, relative to the ticket: a transition may be open to the requester only. */
export interface TransitionActor {
  role: Role;
  isRequester: boolean;
  isAssignee: boolean;
}

/**
 * Reads workflows (statuses, transitions) and answers what a given actor may do. Workflows are
 * reference data read on every ticket write, so each instance keeps them for a few seconds:
 * that saves three queries per write (measured by `npm run bench`), and an admin's change
 * reaches every instance within REFERENCE_TTL_MS without any cross-instance messaging.
 */
@Injectable()
export class WorkflowService {
  private readonly cache: ReferenceCache<string, WorkflowDefinition>;
  private readonly defaultId: ReferenceCache<'okdesk', string>;

  constructor(
    private readonly db: DataSource,
    clock: Clock,
  ) {
    this.cache = new ReferenceCache(clock);
    this.defaultId = new ReferenceCache(clock);
  }

  async definition(
    workflowId: string,
    em: EntityManager = this.db.manager,
  ): Promise<WorkflowDefinition> {
    return (
      this.cache.get(workflowId) ?? this.cache.set(workflowId, await this.load(workflowId, em))
    );
  }

  /**
   * The definition for a write that changes a ticket's status, consistent with the database:
   * a share lock on the workflow row holds off an admin's edit (which takes FOR UPDATE) until
   * this transaction ends, and a cached copy older than the row's version is reloaded, so no
   * instance can move a ticket into a status another instance just removed.
   */
  async definitionForWrite(workflowId: string, em: EntityManager): Promise<WorkflowDefinition> {
    const rows = (await em.query('SELECT version FROM workflows WHERE id = $1 FOR SHARE', [
      workflowId,
    ])) as { version: number }[];
    if (rows.length === 0) throw new NotFoundError('Workflow');
    const def = await this.definition(workflowId, em);
    if (def.workflow.version === rows[0].version) return def;
    return this.cache.set(workflowId, await this.load(workflowId, em));
  }

  /** For code that changes workflows: forget what this instance has cached. */
  invalidate(): void {
    this.cache.clear();
    this.defaultId.clear();
  }

  private load(workflowId: string, em: EntityManager): Promise<WorkflowDefinition> {
    return readWorkflowDefinition(em, workflowId);
  }

  async list(): Promise<WorkflowDefinition[]> {
    const workflows = await this.db.manager.find(Workflow, { order: { key: 'ASC' } });
    return Promise.all(workflows.map((w) => this.load(w.id, this.db.manager)));
  }

  async defaultWorkflowId(em: EntityManager = this.db.manager): Promise<string> {
    const cached = this.defaultId.get('okdesk');
    if (cached) return cached;
    const w = await em.findOneBy(Workflow, { key: 'okdesk' });
    if (!w) throw new NotFoundError('Workflow');
    return this.defaultId.set('okdesk', w.id);
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
        (t.allowedRoles.includes(actor.role) ||
          (actor.isRequester && t.allowRequester) ||
          (actor.isAssignee && t.allowAssignee)),
    );
  }

  /**
   * An active deputy of the assignee (CDESK) counts as the assignee: during the period they may
   * make the transitions the workflow opens to the assignee, recorded "on behalf of" them.
   */
  actorFor(
    user: AuthUser,
    ticket: { requesterId: string | null; assigneeId?: string | null; createdById?: string | null },
  ): TransitionActor {
    const assigneeId = ticket.assigneeId ?? null;
    return {
      role: user.role,
      // A ticket staff filed for nobody else was requested by whoever filed it: Pythagoras'
      // submitter of an internal task is its requester without naming themselves.
      isRequester: ticket.requesterId
        ? ticket.requesterId === user.id
        : !!ticket.createdById && ticket.createdById === user.id,
      isAssignee:
        assigneeId !== null && (assigneeId === user.id || user.deputyForIds.includes(assigneeId)),
    };
  }

  /**
   * The timed transition a ticket that entered `statusKey` at `enteredAt` meets first, and when:
   * the earliest of its status's `after_time` timers and, when a postpone-until is set, its
   * `postpone_expired` one. Null when the status has none.
   */
  nextTimer(
    def: WorkflowDefinition,
    statusKey: string,
    enteredAt: Date,
    postponeUntil: Date | null,
  ): { timer: WorkflowTimer; at: Date } | null {
    let best: { timer: WorkflowTimer; at: number } | null = null;
    for (const timer of def.timers) {
      if (timer.statusKey !== statusKey) continue;
      let at: number | null = null;
      if (timer.trigger === 'after_time' && timer.afterSeconds) {
        at = enteredAt.getTime() + timer.afterSeconds * 1000;
      } else if (timer.trigger === 'postpone_expired' && postponeUntil) {
        at = postponeUntil.getTime();
      }
      if (at !== null && (!best || at < best.at)) best = { timer, at };
    }
    return best && { timer: best.timer, at: new Date(best.at) };
  }

  /**
   * When the scheduler next has to look at such a ticket; kept in `tickets.next_timer_at` on
   * every status change, so the scheduler reads only due rows.
   */
  nextTimerAt(
    def: WorkflowDefinition,
    statusKey: string,
    enteredAt: Date,
    postponeUntil: Date | null,
  ): Date | null {
    return this.nextTimer(def, statusKey, enteredAt, postponeUntil)?.at ?? null;
  }
}
