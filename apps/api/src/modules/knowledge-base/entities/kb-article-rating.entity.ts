import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../directory/index.js';
import { KbArticle } from './kb-article.entity.js';

/** A reader's "helpful / not helpful": one per user and article (voting again changes it). */
@Entity('kb_article_ratings')
export class KbArticleRating {
  @PrimaryColumn('uuid', {
    name: 'article_id',
    primaryKeyConstraintName: 'kb_article_ratings_pkey',
  })
  articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'kb_article_ratings_pkey' })
  userId!: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
  @Column('boolean') helpful!: boolean;
  /** For staff only: a reader's word on what was missing. */
  @Column('text', { nullable: true }) comment!: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
