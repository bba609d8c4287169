import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { WorkEntry } from './work-entry.entity.js';

/**
 * A file of a work entry (a photo of the repair, a delivery note), staff only, its bytes in the
 * ticket attachments' store. A deleted file keeps its row as the entry's file history; the rows
 * go with the entry, whose delete removes their bytes.
 */
@Entity('work_entry_attachments')
@Index('work_entry_attachments_entry_idx', ['workEntryId', 'createdAt', 'id'])
export class WorkEntryAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'work_entry_attachments_pkey' })
  id!: string;
  @Column('uuid', { name: 'work_entry_id' }) workEntryId!: string;
  @ManyToOne(() => WorkEntry, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'work_entry_id',
    foreignKeyConstraintName: 'work_entry_attachments_entry_fkey',
  })
  workEntry?: Relation<WorkEntry>;

  @Column('uuid', { name: 'uploader_id', nullable: true }) uploaderId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'uploader_id',
    foreignKeyConstraintName: 'work_entry_attachments_uploader_fkey',
  })
  uploader?: Relation<User>;

  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  @Column('varchar', { name: 'content_type', length: 127 }) contentType!: string;
  @Column('bigint', {
    name: 'size_bytes',
    transformer: { to: (v: unknown) => v, from: (v: string) => Number(v) },
  })
  sizeBytes!: number;
  @Column('varchar', { length: 64 }) sha256!: string;
  @Column('varchar', { name: 'storage_key', length: 200 }) storageKey!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;

  @Column('timestamptz', { name: 'deleted_at', nullable: true }) deletedAt!: Date | null;
  @Column('uuid', { name: 'deleted_by_id', nullable: true }) deletedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'deleted_by_id',
    foreignKeyConstraintName: 'work_entry_attachments_deleted_by_fkey',
  })
  deletedBy?: Relation<User>;
}
