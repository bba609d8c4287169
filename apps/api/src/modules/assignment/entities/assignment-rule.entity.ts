import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { SupportLevel, TicketChannel, TicketPriority } from '@relaydesk/contracts';
import { Group, User } from '../../directory/index.js';

/** What a rule looks at; every condition present must match, absent or empty ones match all. */
export interface AssignmentRuleConditions {
  typeIds?: string[];
  categoryIds?: string[];
  priorities?: TicketPriority[];
  organizationIds?: string[];
  projectIds?: string[];
  channels?: TicketChannel[];
  /** Issue 18: the ticket's contract, service object, and its equipment item's type. */
  contractIds?: string[];
  serviceObjectIds?: string[];
  equipmentTypeIds?: string[];
  customField?: { key: string; value: string | number | boolean } | null;
  /** Any of these words or phrases in the subject; a trailing `*` matches a word's beginning. */
  subjectWords?: string[];
}

/**
 * One assignment rule (PayDox automatic distribution, CDESK routing): conditions on a new ticket
 * and what to set when they match. Rules are tried in `position` order; the first match wins.
 */
@Entity('assignment_rules')
@Index('assignment_rules_position_idx', ['position', 'id'])
@Check('assignment_rules_priority_check', `"set_priority" IN ('low', 'normal', 'high', 'urgent')`)
@Check('assignment_rules_support_level_check', `"set_support_level" BETWEEN 1 AND 3`)
@Check(
  'assignment_rules_action_check',
  `num_nonnulls("set_group_id", "set_assignee_id", "set_priority", "set_support_level") > 0`,
)
export class AssignmentRule {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int') position!: number;
  @Column('boolean', { name: 'apply_on_update', default: false }) applyOnUpdate!: boolean;
  @Column('jsonb', { default: () => "'{}'" }) conditions!: AssignmentRuleConditions;

  @Column('uuid', { name: 'set_group_id', nullable: true }) setGroupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_group_id' })
  setGroup?: Relation<Group>;

  @Column('uuid', { name: 'set_assignee_id', nullable: true }) setAssigneeId!: string | null;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_assignee_id' })
  setAssignee?: Relation<User>;

  @Column('varchar', { name: 'set_priority', length: 10, nullable: true })
  setPriority!: TicketPriority | null;
  @Column('smallint', { name: 'set_support_level', nullable: true })
  setSupportLevel!: SupportLevel | null;

  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
