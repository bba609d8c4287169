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
import type { CannedResponseScope, Locale } from '@relaydesk/contracts';
import { Group, User } from '../../directory/index.js';

/**
 * A reply template (issue 17). Its scope says who uses it: `personal` its owner alone, `group`
 * the group's members, `global` every staff member. The hints (ticket types, categories) only
 * order the composer's picker; they never hide a template.
 */
@Entity('canned_responses')
@Check('canned_responses_scope_check', `"scope" IN ('personal', 'group', 'global')`)
@Check('canned_responses_language_check', `"language" IN ('en', 'ru', 'cs')`)
@Check(
  'canned_responses_scope_owner_check',
  `("scope" = 'personal' AND "owner_id" IS NOT NULL AND "group_id" IS NULL) OR ("scope" = 'group' AND "group_id" IS NOT NULL AND "owner_id" IS NULL) OR ("scope" = 'global' AND "owner_id" IS NULL AND "group_id" IS NULL)`,
)
@Index('canned_responses_owner_idx', ['ownerId'])
@Index('canned_responses_group_idx', ['groupId'])
@Index('canned_responses_scope_title_idx', ['scope', 'title', 'id'])
export class CannedResponse {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) title!: string;
  /** Plain text, as the comment composer sends it, with `{{placeholders}}`. */
  @Column('text') body!: string;
  @Column('varchar', { length: 10 }) scope!: CannedResponseScope;

  @Column('uuid', { name: 'owner_id', nullable: true }) ownerId!: string | null;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Column('uuid', { name: 'group_id', nullable: true }) groupId!: string | null;
  @ManyToOne(() => Group, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: Relation<Group>;

  @Column('varchar', { length: 2 }) language!: Locale;
  /** Ticket types the template fits; the picker ranks it first on their tickets. */
  @Column('uuid', { name: 'type_ids', array: true, default: () => "'{}'" }) typeIds!: string[];
  @Column('uuid', { name: 'category_ids', array: true, default: () => "'{}'" })
  categoryIds!: string[];
  /** How often it was inserted: one UPDATE of this column per insert, the version untouched. */
  @Column('int', { name: 'usage_count', default: 0 }) usageCount!: number;
  @Column('int', { default: 1 }) version!: number;

  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
  @Column('uuid', { name: 'updated_by_id', nullable: true }) updatedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: Relation<User>;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
