import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { WebFormSubmission } from './web-form-submission.entity.js';

/**
 * A file sent with a web form request that waits for confirmation: kept in the database with its
 * request (every instance sees it, and it goes when the request expires), moved onto the ticket
 * as an attachment when the sender confirms.
 */
@Entity('web_form_files')
@Index('web_form_files_submission_idx', ['submissionId', 'position'])
export class WebFormFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'web_form_files_pkey' }) id!: string;
  @Column('uuid', { name: 'submission_id' }) submissionId!: string;
  @ManyToOne(() => WebFormSubmission, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'submission_id',
    foreignKeyConstraintName: 'web_form_files_submission_id_fkey',
  })
  submission?: Relation<WebFormSubmission>;
  @Column('int') position!: number;
  @Column('varchar', { name: 'file_name', length: 255 }) fileName!: string;
  /** As the browser declared it; the attachment's type is sniffed from the bytes. */
  @Column('varchar', { name: 'declared_type', length: 200 }) declaredType!: string;
  @Column('bytea') content!: Buffer;
}
