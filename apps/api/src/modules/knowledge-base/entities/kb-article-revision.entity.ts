import {
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  type Relation,
} from 'typeorm';
import { User } from '../../directory/index.js';
import { KbArticle } from './kb-article.entity.js';

/** Every save of an article: who, when, and the title, body and tags as saved. */
@Entity('kb_article_revisions')
@Unique('kb_article_revisions_number_key', ['articleId', 'number'])
export class KbArticleRevision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'article_id' }) articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'article_id' })
  article?: Relation<KbArticle>;
  /** 1, 2, 3… per article; equals the article's `version` after that save. */
  @Column('int') number!: number;
  @Column('varchar', { length: 300 }) title!: string;
  @Column('text') body!: string;
  @Column('varchar', { length: 50, array: true, default: '{}' }) tags!: string[];
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User>;
  /** Set when this revision restored an earlier one. */
  @Column('int', { name: 'restored_from', nullable: true }) restoredFrom!: number | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
}
