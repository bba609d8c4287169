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
import type { TicketPriority } from '@relaydesk/contracts';
import { SlaCalendar } from './sla-calendar.entity.js';

/** Targets for one priority, overriding the policy's own. */
export interface PriorityTargets {
  firstResponseSeconds: number | null;
  resolutionSeconds: number | null;
}

/**
 * Conditions → a calendar and targets. The first active policy by position whose conditions all
 * hold applies to a ticket; an empty condition list matches anything. A contract's own policy
 * (contracts.sla_policy_id) wins over them; the contract, service object and equipment type
 * lists (issue 18) test the ticket's links.
 */
@Entity('sla_policies')
@Index('sla_policies_position_idx', ['position', 'id'])
@Check('sla_policies_reminder_percent_check', `"reminder_percent" BETWEEN 1 AND 99`)
export class SlaPolicy {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('int', { default: 0 }) position!: number;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('uuid', { name: 'calendar_id' }) calendarId!: string;
  @ManyToOne(() => SlaCalendar, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: Relation<SlaCalendar>;
  @Column('uuid', { name: 'organization_ids', array: true, default: () => "'{}'" })
  organizationIds!: string[];
  @Column('varchar', { length: 10, array: true, default: () => "'{}'" })
  priorities!: TicketPriority[];
  @Column('uuid', { name: 'type_ids', array: true, default: () => "'{}'" }) typeIds!: string[];
  @Column('uuid', { name: 'contract_ids', array: true, default: () => "'{}'" })
  contractIds!: string[];
  @Column('uuid', { name: 'service_object_ids', array: true, default: () => "'{}'" })
  serviceObjectIds!: string[];
  /** The type of the ticket's equipment item. */
  @Column('uuid', { name: 'equipment_type_ids', array: true, default: () => "'{}'" })
  equipmentTypeIds!: string[];
  /** Business seconds; null: this clock is not measured. */
  @Column('int', { name: 'first_response_seconds', nullable: true })
  firstResponseSeconds!: number | null;
  @Column('int', { name: 'resolution_seconds', nullable: true }) resolutionSeconds!: number | null;
  @Column('jsonb', { name: 'priority_targets', default: () => "'{}'" })
  priorityTargets!: Partial<Record<TicketPriority, PriorityTargets>>;
  /** Share of a target after which the reminder goes out. */
  @Column('smallint', { name: 'reminder_percent', default: 75 }) reminderPercent!: number;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
