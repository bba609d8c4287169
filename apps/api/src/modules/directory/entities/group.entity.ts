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
  VersionColumn,
  type Relation,
} from 'typeorm';
import type { GroupDistribution, SupportLevel } from '@relaydesk/contracts';
import { User } from './user.entity.js';

/** A team of agents ("L1 support"); tickets can be assigned to it as a whole. */
@Entity('groups')
@Index('groups_name_id_idx', ['name', 'id'])
@Check('groups_support_level_check', `"support_level" BETWEEN 1 AND 3`)
@Check('groups_distribution_check', `"distribution" IN ('manual', 'round_robin', 'least_open')`)
export class Group {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { nullable: true }) description!: string | null;

  @Column('uuid', { name: 'lead_id', nullable: true }) leadId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Relation<User>;

  @Column('boolean', { default: true }) active!: boolean;
  /** HappyDesk support line (1-3) of the group; escalation moves tickets to the next one. */
  @Column('smallint', { name: 'support_level', nullable: true }) supportLevel!: SupportLevel | null;
  /** Who gets a ticket that lands in the group without an agent (assignment module). */
  @Column('varchar', { length: 16, default: 'manual' }) distribution!: GroupDistribution;
  /** The member round robin (and least-open ties) picked last: the rotation's cursor. */
  @Column('uuid', { name: 'rr_last_user_id', nullable: true }) rrLastUserId!: string | null;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
