import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import type { TicketPriority, TranslatedText } from '@relaydesk/contracts';
import { Workflow } from '../../workflow/index.js';

/** Kinds of request. Public ones are offered to clients; internal ones are staff-only. */
@Entity('ticket_types')
export class TicketType {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 50, unique: true }) key!: string;
  @Column('jsonb') name!: TranslatedText;
  @Column('boolean', { name: 'is_public', default: false }) isPublic!: boolean;
  @Column('uuid', { name: 'workflow_id' }) workflowId!: string;
  @ManyToOne(() => Workflow, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'workflow_id' })
  workflow?: Relation<Workflow>;
  @Column('varchar', { name: 'default_priority', length: 10, default: 'normal' })
  defaultPriority!: TicketPriority;
  @Column('boolean', { default: true }) active!: boolean;
  @Column('int', { default: 0 }) position!: number;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
