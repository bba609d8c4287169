import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { KbArticle } from './kb-article.entity.js';

/**
 * Views per article and day, added to by each instance's periodic flush (kb-view-counter.ts):
 * a reader's view costs no write, and per-period figures are there for reports.
 */
@Entity('kb_article_view_days')
export class KbArticleViewDay {
  @PrimaryColumn('uuid', {
    name: 'article_id',
    primaryKeyConstraintName: 'kb_article_view_days_pkey',
  })
  articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  @PrimaryColumn('date', { primaryKeyConstraintName: 'kb_article_view_days_pkey' }) day!: string;
  @Column('int') views!: number;
}
