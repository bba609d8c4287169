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
import { Ticket } from './ticket.entity.js';
import { TicketComment } from './ticket-comment.entity.js';

@Entity('attachments')
@Index('attachments_ticket_created_idx', ['ticketId', 'createdAt', 'id'])
@Index('attachments_comment_id_idx', ['commentId'])
export class Attachment {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'ticket_id' }) ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;

  @Column('uuid', { name: 'comment_id', nullable: true }) commentId!: string | null;
  @ManyToOne(() => TicketComment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id' })
  comment?: Relation<TicketComment>;

  /** Copied from the comment so visibility needs no join. */
  @Column('boolean', { default: false }) internal!: boolean;

  @Column('uuid', { name: 'uploader_id', nullable: true }) uploaderId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'uploader_id' })
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
}
