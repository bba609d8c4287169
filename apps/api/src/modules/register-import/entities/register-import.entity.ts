import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportRegister } from '../register-specs.js';

export type ImportMode = 'dry_run' | 'import';
export type ImportState = 'queued' | 'running' | 'done' | 'failed' | 'expired';

/** One row's problem, as the dry run and the import report it (row 1 is the header). */
export interface ImportRowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

/**
 * A CSV import of one register: the uploaded file (in the attachment store), then a dry run,
 * then the import, each a job that one API instance claims. The row is the job's progress and
 * result as the agent SPA polls it.
 */
@Entity('register_imports')
@Index('register_imports_state_created_idx', ['state', 'createdAt'])
export class RegisterImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'register_imports_pkey' })
  id!: string;
  @Column('varchar', { length: 20 }) register!: ImportRegister;
  @Column('varchar', { length: 10 }) mode!: ImportMode;
  @Column('varchar', { length: 10, default: 'queued' }) state!: ImportState;
  @Column('varchar', { name: 'file_key', length: 100 }) fileKey!: string;
  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  @Column('int', { name: 'size_bytes' }) sizeBytes!: number;
  @Column('varchar', { length: 1 }) delimiter!: string;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('int', { name: 'rows_done', default: 0 }) rowsDone!: number;
  @Column('int', { name: 'created_count', default: 0 }) createdCount!: number;
  @Column('int', { name: 'updated_count', default: 0 }) updatedCount!: number;
  @Column('int', { name: 'error_count', default: 0 }) errorCount!: number;
  /** The first errors only (bounded); error_count counts them all. */
  @Column('jsonb', { default: () => "'[]'" }) errors!: ImportRowError[];
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt!: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt!: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
