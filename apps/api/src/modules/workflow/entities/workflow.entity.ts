import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { TranslatedText } from '@relaydesk/contracts';

/** A lifecycle (statuses + transitions + timers) that ticket types point at. */
@Entity('workflows')
export class Workflow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 50, unique: true }) key!: string;
  @Column('jsonb') name!: TranslatedText;
  @Column('int', { default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
