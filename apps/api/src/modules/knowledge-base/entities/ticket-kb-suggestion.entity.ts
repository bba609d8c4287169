import {
  Check,
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

/**
 * The automatic answer: an article offered to a new ticket's requester (at most three, by
 * `position`), with the score that let it through, and, when the requester closed the ticket
 * with it, who and when (at most one solving article per ticket, by a partial unique index).
 */
@Entity('ticket_kb_suggestions')
@Index('ticket_kb_suggestions_position_key', ['ticketId', 'position'], { unique: true })
@Index('ticket_kb_suggestions_solved_key', ['ticketId'], {
  unique: true,
  where: '"solved_at" IS NOT NULL',
})
@Index('ticket_kb_suggestions_article_idx', ['articleId'])
@Check('ticket_kb_suggestions_position_check', `"position" BETWEEN 1 AND 3`)
export class TicketKbSuggestion {
  @PrimaryColumn('uuid', {
    name: 'ticket_id',
    primaryKeyConstraintName: 'ticket_kb_suggestions_pkey',
  })
  ticketId!: string;
  @ManyToOne(() => Ticket, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ticket_id' })
  ticket?: Relation<Ticket>;
  @PrimaryColumn('uuid', {
    name: 'article_id',
    primaryKeyConstraintName: 'ticket_kb_suggestions_pkey',
  })
  articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  @Column('smallint') position!: number;
  /** The match score (0-1, docs/knowledge-base.md "Automatic answer") at creation. */
  @Column('real') score!: number;
  @Column('timestamptz', { name: 'solved_at', nullable: true }) solvedAt!: Date | null;
  @Column('uuid', { name: 'solved_by_id', nullable: true }) solvedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'solved_by_id' })
  solvedBy?: Relation<User>;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
