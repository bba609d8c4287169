import {
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
import { User } from './user.entity.js';

/**
 * A project (Pythagoras): new tickets filed under it are addressed to its manager, and its
 * members see its tickets.
 */
@Entity('projects')
@Index('projects_manager_idx', ['managerId'])
@Index('projects_name_id_idx', ['name', 'id'])
export class Project {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('uuid', { name: 'manager_id' }) managerId!: string;
  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'manager_id' })
  manager?: Relation<User>;
  @Column('boolean', { default: true }) active!: boolean;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
