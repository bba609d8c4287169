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
import type { TranslatedText } from '@relaydesk/contracts';

/** Two-level categories (CDESK) that tickets are filed under; a child's parent has no parent. */
@Entity('categories')
@Index('categories_parent_idx', ['parentId'])
export class Category {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @ManyToOne(() => Category, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Category>;
  @Column('jsonb') name!: TranslatedText;
  @Column('boolean', { name: 'is_public', default: true }) isPublic!: boolean;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 0 }) position!: number;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
