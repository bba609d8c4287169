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
import type { StatusCategory, TranslatedText } from '@relaydesk/contracts';
import { Workflow } from './workflow.entity.js';

@Entity('workflow_statuses')
@Unique('workflow_statuses_workflow_key_key', ['workflowId', 'key'])
@Check(
  'workflow_statuses_category_check',
  `"category" IN ('new', 'open', 'pending', 'resolved', 'closed', 'canceled', 'informational')`,
)
export class WorkflowStatus {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;

  @Column('varchar', { length: 50 }) key!: string;
  @Column('jsonb') name!: TranslatedText;
  /** What the status means everywhere else: queues, SLA, reports. */
  @Column('varchar', { length: 16 }) category!: StatusCategory;
  @Column('boolean', { name: 'is_initial', default: false }) isInitial!: boolean;
  @Column('boolean', { name: 'is_final', default: false }) isFinal!: boolean;
  @Column('boolean', { name: 'pauses_sla', default: false }) pausesSla!: boolean;
  /** Caps a postpone-until set on entering this status (HappyDesk: hold at most 30 days). */
  @Column('int', { name: 'postpone_max_days', nullable: true }) postponeMaxDays!: number | null;
  /** Tickets here are archived: no edits, comments or files (Pythagoras: Closed). */
  @Column('boolean', { name: 'read_only', default: false }) readOnly!: boolean;
  @Column('int', { default: 0 }) position!: number;
}
