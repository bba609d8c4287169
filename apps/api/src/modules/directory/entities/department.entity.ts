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

/** An internal unit of staff; its head sees the tickets of everyone in it and below it. */
@Entity('departments')
@Index('departments_name_id_idx', ['name', 'id'])
export class Department {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;

  @Index('departments_parent_id_idx')
  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;
  @ManyToOne(() => Department, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Department>;

  @Index('departments_head_id_idx')
  @Column('uuid', { name: 'head_id', nullable: true })
  headId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'head_id' })
  head?: Relation<User>;

  @Column('boolean', { default: true }) active!: boolean;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
