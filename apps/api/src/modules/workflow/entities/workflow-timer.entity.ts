import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Workflow } from './workflow.entity.js';

/** A transition the system makes by itself: at the postpone-until time of a ticket in `status`. */
@Entity('workflow_timers')
@Check('workflow_timers_trigger_check', `"trigger" IN ('postpone_expired')`)
export class WorkflowTimer {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;

  @Column('varchar', { name: 'status_key', length: 50 }) statusKey!: string;
  @Column('varchar', { length: 32 }) trigger!: 'postpone_expired';
  @Column('varchar', { name: 'to_status', length: 50 }) toStatus!: string;
}
