import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { AutoTransitionTrigger } from '@relaydesk/contracts';
import { Workflow } from './workflow.entity.js';

/**
 * A transition the system makes by itself for a ticket in `statusKey`: at its postpone-until
 * time, `afterSeconds` after it entered the status, when its requester replies, or when it gets
 * an assignee (any assignment, a take, a project manager's handover). Several from-statuses are
 * several rows.
 */
@Entity('workflow_timers')
@Check(
  'workflow_timers_trigger_check',
  `"trigger" IN ('postpone_expired', 'after_time', 'requester_replied', 'assigned', 'taken', 'handed_over')`,
)
@Check(
  'workflow_timers_after_seconds_check',
  `("trigger" = 'after_time') = ("after_seconds" IS NOT NULL AND "after_seconds" > 0)`,
)
@Unique('workflow_timers_workflow_status_trigger_key', ['workflowId', 'statusKey', 'trigger'])
export class WorkflowTimer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;

  @Column('varchar', { name: 'status_key', length: 50 }) statusKey!: string;
  @Column('varchar', { length: 32 }) trigger!: AutoTransitionTrigger;
  @Column('int', { name: 'after_seconds', nullable: true }) afterSeconds!: number | null;
  @Column('varchar', { name: 'to_status', length: 50 }) toStatus!: string;
}
