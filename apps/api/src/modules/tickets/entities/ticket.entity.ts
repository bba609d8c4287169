import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type {
  CustomFieldValues,
  StatusCategory,
  TicketChannel,
  TicketPriority,
} from '@relaydesk/contracts';
import { Group, Organization, Project, User } from '../../directory/index.js';
import { Workflow } from '../../workflow/index.js';
import { TicketType } from './ticket-type.entity.js';
import { Category } from './category.entity.js';
import { SlaPolicy, type SlaStop } from '../../sla/index.js';
import { Contract, EquipmentItem, ServiceObject } from '../../contracts/index.js';

/**
 * Every list filter has an index whose tail is (updated_at, id), the default keyset order,
 * so a filtered page is an index range scan whatever the table size.
 */
@Entity('tickets')
@Check('tickets_priority_check', `"priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check(
  'tickets_channel_check',
  `"channel" IN ('portal', 'agent', 'api', 'email', 'web_form', 'monitoring')`,
)
@Index('tickets_updated_idx', ['updatedAt', 'id'])
@Index('tickets_created_idx', ['createdAt', 'id'])
@Index('tickets_assignee_updated_idx', ['assigneeId', 'updatedAt', 'id'])
@Index('tickets_group_updated_idx', ['groupId', 'updatedAt', 'id'])
@Index('tickets_requester_updated_idx', ['requesterId', 'updatedAt', 'id'])
@Index('tickets_organization_updated_idx', ['organizationId', 'updatedAt', 'id'])
// A client's list: their own or their organization's tickets by clientUpdatedAt.
@Index('tickets_requester_client_updated_idx', ['requesterId', 'clientUpdatedAt', 'id'])
@Index('tickets_organization_client_updated_idx', ['organizationId', 'clientUpdatedAt', 'id'])
@Index('tickets_created_by_updated_idx', ['createdById', 'updatedAt', 'id'])
@Index('tickets_status_updated_idx', ['status', 'updatedAt', 'id'])
@Index('tickets_category_updated_idx', ['statusCategory', 'updatedAt', 'id'])
@Index('tickets_priority_updated_idx', ['priority', 'updatedAt', 'id'])
@Index('tickets_channel_updated_idx', ['channel', 'updatedAt', 'id'])
@Index('tickets_type_updated_idx', ['typeId', 'updatedAt', 'id'])
@Index('tickets_due_idx', ['dueAt', 'id'])
@Index('tickets_unassigned_idx', { synchronize: false })
// Undistributed and an agent's Unassigned (partial, migration 1765520000000).
@Index('tickets_undistributed_idx', { synchronize: false })
@Index('tickets_group_unassigned_idx', { synchronize: false })
@Index('tickets_needs_reply_idx', { synchronize: false })
@Index('tickets_overdue_idx', { synchronize: false })
@Index('tickets_next_timer_idx', { synchronize: false })
@Index('tickets_ticket_category_updated_idx', ['categoryId', 'updatedAt', 'id'])
@Index('tickets_project_updated_idx', ['projectId', 'updatedAt', 'id'])
@Index('tickets_not_done_updated_idx', { synchronize: false })
@Index('tickets_effective_due_idx', ['effectiveDueAt', 'id'])
@Index('tickets_sla_next_check_idx', { synchronize: false })
// The calendar feed: a user's assigned and requested tickets by due date (partial, migration).
@Index('tickets_assignee_due_idx', { synchronize: false })
@Index('tickets_requester_due_idx', { synchronize: false })
@Index('tickets_assignee_open_idx', { synchronize: false })
// Issue 18 links (partial: most tickets have none, and a filter's `= $1` implies NOT NULL).
@Index('tickets_service_object_updated_idx', ['serviceObjectId', 'updatedAt', 'id'], {
  where: '"service_object_id" IS NOT NULL',
})
@Index('tickets_equipment_updated_idx', ['equipmentId', 'updatedAt', 'id'], {
  where: '"equipment_id" IS NOT NULL',
})
@Index('tickets_contract_updated_idx', ['contractId', 'updatedAt', 'id'], {
  where: '"contract_id" IS NOT NULL',
})
@Check('tickets_support_level_check', `"support_level" BETWEEN 1 AND 3`)
export class Ticket {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Human number from ticket_number_seq, e.g. 1042. */
  @Index('tickets_number_key', { unique: true })
  @Column('bigint', {
    default: () => "nextval('ticket_number_seq')",
    transformer: {
      to: (v: unknown) => v,
      from: (v: string | null) => (v === null ? v : Number(v)),
    },
  })
  number!: number;
  @Column('varchar', { length: 250 }) subject!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('varchar', { length: 10, default: 'normal' }) priority!: TicketPriority;
  @Column('varchar', { length: 50 }) status!: string;
  /** Copied from the workflow status so queues do not depend on which workflow a ticket has. */
  @Column('varchar', { name: 'status_category', length: 16 }) statusCategory!: StatusCategory;

  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;

  @Column('uuid', { name: 'type_id', nullable: true }) typeId!: string | null;
  @ManyToOne(() => TicketType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_id' })
  type?: Relation<TicketType>;

  @Column('uuid', { name: 'organization_id', nullable: true }) organizationId!: string | null;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;

  @Column('uuid', { name: 'requester_id', nullable: true }) requesterId!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id' })
  requester?: Relation<User>;

  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: Relation<User>;

  @Column('uuid', { name: 'group_id', nullable: true }) groupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column('uuid', { name: 'category_id', nullable: true }) categoryId!: string | null;
  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_id' })
  category?: Relation<Category>;

  @Column('uuid', { name: 'project_id', nullable: true }) projectId!: string | null;
  @ManyToOne(() => Project, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Relation<Project>;

  // Issue 18: the service object, equipment item and contract the request is about (all of the
  // ticket's organization; checked by the contracts module's ticket-link rules).
  @Column('uuid', { name: 'service_object_id', nullable: true }) serviceObjectId!: string | null;
  @ManyToOne(() => ServiceObject, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_object_id' })
  serviceObject?: Relation<ServiceObject>;

  @Column('uuid', { name: 'equipment_id', nullable: true }) equipmentId!: string | null;
  @ManyToOne(() => EquipmentItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'equipment_id' })
  equipment?: Relation<EquipmentItem>;

  @Column('uuid', { name: 'contract_id', nullable: true }) contractId!: string | null;
  @ManyToOne(() => Contract, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contract_id' })
  contract?: Relation<Contract>;

  /** Warranty work: set from the equipment's warranty at create and on an equipment change. */
  @Column('boolean', { default: false }) warranty!: boolean;
  /** Staff set `warranty` by hand: an equipment change no longer recomputes it. */
  @Column('boolean', { name: 'warranty_manual', default: false }) warrantyManual!: boolean;

  /** Support line (1-3) the ticket is at: its group's, or set by a rule or an escalation. */
  @Column('smallint', { name: 'support_level', nullable: true }) supportLevel!: number | null;

  /** Values of the type's custom fields, by field key (validated by the API, not the table). */
  @Column('jsonb', { name: 'custom_fields', default: () => "'{}'" })
  customFields!: CustomFieldValues;

  @Column('timestamptz', { name: 'status_changed_at', default: () => 'now()' })
  statusChangedAt!: Date;
  /**
   * When the scheduler next has to look at this ticket (the earliest timed transition of its
   * status), kept on every status change; the scheduler reads only rows where it has passed.
   */
  @Column('timestamptz', { name: 'next_timer_at', nullable: true }) nextTimerAt!: Date | null;

  @Column('timestamptz', { name: 'due_at', nullable: true }) dueAt!: Date | null;

  // SLA (sla module): the policy that applies, each clock's reminder and due instants and its
  // breach, and the pause bookkeeping. Dues are created_at + target + paused business seconds in
  // the policy's calendar, so any instance recomputes the same ones.
  @Column('uuid', { name: 'sla_policy_id', nullable: true }) slaPolicyId!: string | null;
  @ManyToOne(() => SlaPolicy, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sla_policy_id' })
  slaPolicy?: Relation<SlaPolicy>;
  @Column('timestamptz', { name: 'first_response_due_at', nullable: true })
  firstResponseDueAt!: Date | null;
  @Column('timestamptz', { name: 'first_response_remind_at', nullable: true })
  firstResponseRemindAt!: Date | null;
  @Column('timestamptz', { name: 'first_response_breached_at', nullable: true })
  firstResponseBreachedAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_due_at', nullable: true })
  resolutionDueAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_remind_at', nullable: true })
  resolutionRemindAt!: Date | null;
  @Column('timestamptz', { name: 'resolution_breached_at', nullable: true })
  resolutionBreachedAt!: Date | null;
  /** Set while the clocks stand still (a pausing status, or resolved/closed/canceled). */
  @Column('timestamptz', { name: 'sla_paused_at', nullable: true }) slaPausedAt!: Date | null;
  /** Business seconds the clocks stood still so far. */
  @Column('int', { name: 'sla_paused_seconds', default: 0 }) slaPausedSeconds!: number;
  /**
   * Of those, the seconds before each clock ran out: a stop that begins at or after a clock's
   * due does not move it (migration 1765530000000).
   */
  @Column('int', { name: 'sla_first_response_paused_seconds', default: 0 })
  slaFirstResponsePausedSeconds!: number;
  @Column('int', { name: 'sla_resolution_paused_seconds', default: 0 })
  slaResolutionPausedSeconds!: number;
  /**
   * The ended stops [began, ended] in order, so a recompute (new targets or calendar) decides
   * again which count; null: stops before migration 1765530000010, unknown (see docs/sla.md).
   */
  @Column('jsonb', { name: 'sla_pauses', nullable: true, default: () => "'[]'" })
  slaPauses!: SlaStop[] | null;
  /** Reminders already sent: 1 first response, 2 resolution. */
  @Column('smallint', { name: 'sla_reminders_sent', default: 0 }) slaRemindersSent!: number;
  /** When the SLA sweep next has to look at the ticket; null: nothing pending. */
  @Column('timestamptz', { name: 'sla_next_check_at', nullable: true })
  slaNextCheckAt!: Date | null;
  /**
   * The manual due date, else the SLA resolution deadline: what queues and calendars use. Kept
   * = COALESCE(due_at, resolution_due_at) by a trigger (migration 1764300000000), so no write
   * path, fixture or seed can leave it stale.
   */
  @Column('timestamptz', { name: 'effective_due_at', nullable: true })
  effectiveDueAt!: Date | null;
  @Column('timestamptz', { name: 'postponed_until', nullable: true }) postponedUntil!: Date | null;
  @Column('boolean', { name: 'needs_reply', default: false }) needsReply!: boolean;
  @Column('timestamptz', { name: 'first_responded_at', nullable: true })
  firstRespondedAt!: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
  @Column('varchar', { length: 10 }) channel!: TicketChannel;

  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
  /**
   * The last change a client can see (public comments and files, status, subject...); internal
   * notes, files, assignment and SLA recomputes leave it. Clients get it as `updatedAt`.
   */
  @Column('timestamptz', { name: 'client_updated_at', default: () => 'now()' })
  clientUpdatedAt!: Date;
  @Column('int', { default: 1 }) version!: number;
}
