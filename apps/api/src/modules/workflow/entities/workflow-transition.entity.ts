import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import type { Role } from '@relaydesk/contracts';
import { Workflow } from './workflow.entity.js';

@Entity('workflow_transitions')
@Unique('workflow_transitions_workflow_from_to_key', ['workflowId', 'fromStatus', 'toStatus'])
export class WorkflowTransition {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;

  @Column('varchar', { name: 'from_status', length: 50 }) fromStatus!: string;
  @Column('varchar', { name: 'to_status', length: 50 }) toStatus!: string;
  /**
   * Roles that may make the transition on any ticket they can see; `client` means any client
   * who sees the ticket (e.g. an organization-wide contact), not only its requester.
   */
  @Column('text', { name: 'allowed_roles', array: true, default: () => "'{}'" })
  allowedRoles!: Role[];
  /** Whether the ticket's requester (typically a client) may make it on their own ticket. */
  @Column('boolean', { name: 'allow_requester', default: false }) allowRequester!: boolean;
  /** Whether the ticket's assignee may make it whatever their role (Pythagoras: the solver). */
  @Column('boolean', { name: 'allow_assignee', default: false }) allowAssignee!: boolean;
  @Column('boolean', { name: 'requires_postpone', default: false }) requiresPostpone!: boolean;
  /** Ticket fields (`assigneeId`, …, `custom:<key>`) that must be filled to make it. */
  @Column('text', { name: 'required_fields', array: true, default: () => "'{}'" })
  requiredFields!: string[];
  /** Needs `duplicateOfId` and links the tickets (HappyDesk: Canceled as a duplicate). */
  @Column('boolean', { name: 'requires_duplicate_of', default: false })
  requiresDuplicateOf!: boolean;
  @Column('boolean', { name: 'comment_required', default: false }) commentRequired!: boolean;
  @Column('int', { default: 0 }) position!: number;
}
