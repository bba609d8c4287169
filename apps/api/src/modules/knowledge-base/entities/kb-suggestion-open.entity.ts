import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { KbArticle } from './kb-article.entity.js';
import { KbSuggestionSession } from './kb-suggestion-session.entity.js';

/** A suggested article the client opened from the new-ticket form: once per session and article. */
@Entity('kb_suggestion_opens')
@Index('kb_suggestion_opens_article_idx', ['articleId'])
export class KbSuggestionOpen {
  @PrimaryColumn('uuid', {
    name: 'session_id',
    primaryKeyConstraintName: 'kb_suggestion_opens_pkey',
  })
  sessionId!: string;
  @ManyToOne(() => KbSuggestionSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<KbSuggestionSession>;
  @PrimaryColumn('uuid', {
    name: 'article_id',
    primaryKeyConstraintName: 'kb_suggestion_opens_pkey',
  })
  articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  @Column('timestamptz', { name: 'opened_at' }) openedAt!: Date;
}
