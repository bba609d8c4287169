import {
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
import { User } from './user.entity.js';

/** A team of agents ("L1 support"); tickets can be assigned to it as a whole. */
@Entity('groups')
@Index('groups_name_id_idx', ['name', 'id'])
export class Group {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { nullable: true }) description!: string | null;

  @Column('uuid', { name: 'lead_id', nullable: true }) leadId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'lead_id' })
  lead?: Relation<User>;

  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
