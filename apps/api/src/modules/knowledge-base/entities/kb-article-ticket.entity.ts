import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { Ticket } from '../../tickets/index.js';
import { KbArticle } from './kb-article.entity.js';

/** An article related to a ticket (it answered it, or was written from it). */
@Entity('kb_article_tickets')
@Index('kb_article_tickets_ticket_idx', ['ticketId'])
export class KbArticleTicket {
  @PrimaryColumn('uuid', {
    name: 'article_id',
    primaryKeyConstraintName: 'kb_article_tickets_pkey',
  })
  articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  @PrimaryColumn('uuid', { name: 'ticket_id', primaryKeyConstraintName: 'kb_article_tickets_pkey' })
  ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @Column('uuid', { name: 'created_by_id', nullable: true }) createdById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
