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
import { Group, Organization } from '../../../directory/index.js';
import { TicketType } from '../../../tickets/index.js';
import type { AlertSource } from '../parsing/normalized-alert.js';
import type { LabelMatcher } from '../rules/alert-rule-matcher.js';

/**
 * How alerts become tickets: conditions on the alert's source and labels, and what to set on
 * its ticket. Tried in `position` order, the first match wins; none matching, the defaults
 * apply (priority from the severity, nothing else set).
 */
@Entity('alert_rules')
@Index('alert_rules_position_idx', ['position', 'id'])
@Check('alert_rules_source_check', `"source" IN ('alertmanager', 'zabbix', 'generic')`)
@Check('alert_rules_priority_check', `"set_priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('alert_rules_repeat_check', `"repeat_comment_minutes" BETWEEN 0 AND 10080`)
export class AlertRule {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'alert_rules_pkey' }) id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int') position!: number;
  /** null: any source. */
  @Column('varchar', { length: 20, nullable: true }) source!: AlertSource | null;
  @Column('jsonb', { default: () => "'[]'" }) matchers!: LabelMatcher[];

  @Column('uuid', { name: 'set_type_id', nullable: true }) setTypeId!: string | null;
  @ManyToOne(() => TicketType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_type_id', foreignKeyConstraintName: 'alert_rules_set_type_id_fkey' })
  setType?: Relation<TicketType>;

  @Column('varchar', { name: 'set_priority', length: 10, nullable: true })
  setPriority!: TicketPriority | null;

  @Column('uuid', { name: 'set_group_id', nullable: true }) setGroupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_group_id', foreignKeyConstraintName: 'alert_rules_set_group_id_fkey' })
  setGroup?: Relation<Group>;

  @Column('uuid', { name: 'set_organization_id', nullable: true })
  setOrganizationId!: string | null;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'set_organization_id',
    foreignKeyConstraintName: 'alert_rules_set_organization_id_fkey',
  })
  setOrganization?: Relation<Organization>;

  /** The status a resolved alert moves its ticket to, when the workflow allows it then. */
  @Column('varchar', { name: 'resolve_status', length: 50, nullable: true })
  resolveStatus!: string | null;
  /** At most one "still firing" comment per this many minutes; null: the default (60). */
  @Column('int', { name: 'repeat_comment_minutes', nullable: true })
  repeatCommentMinutes!: number | null;

  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
