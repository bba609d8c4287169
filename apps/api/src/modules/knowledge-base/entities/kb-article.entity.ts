import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { KbArticleStatus, KbLanguage } from '@relaydesk/contracts';
import { User } from '../../directory/index.js';
import { KbSection } from './kb-section.entity.js';

/**
 * An article: Markdown body, tags, one language; translations share `translation_group_id`
 * (one article per language in a group). The search documents are kept by a trigger
 * (migration 1765600000000) with the tickets' text-search functions, so both search alike.
 */
@Entity('kb_articles')
@Index('kb_articles_section_updated_idx', ['sectionId', 'updatedAt', 'id'])
@Index('kb_articles_updated_idx', ['updatedAt', 'id'])
@Index('kb_articles_popular_idx', ['viewCount', 'id'])
@Index('kb_articles_translation_language_key', ['translationGroupId', 'language'], {
  unique: true,
})
@Index('kb_articles_reviewed_idx', ['reviewedAt', 'id'])
@Index('kb_articles_search_idx', { synchronize: false })
@Index('kb_articles_title_search_idx', { synchronize: false })
/** The review queue's order: coalesce(reviewed_at, created_at), id, published only (1765710000000). */
@Index('kb_articles_review_due_idx', { synchronize: false })
@Check('kb_articles_status_check', `"status" IN ('draft', 'published', 'archived')`)
@Check('kb_articles_language_check', `"language" IN ('en', 'ru', 'cs')`)
export class KbArticle {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'section_id' }) sectionId!: string;
  @ManyToOne(() => KbSection, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'section_id' })
  section?: Relation<KbSection>;
  @Column('varchar', { length: 300 }) title!: string;
  @Column('text') body!: string;
  @Column('varchar', { length: 50, array: true, default: '{}' }) tags!: string[];
  @Column('varchar', { length: 2 }) language!: KbLanguage;
  @Column('uuid', { name: 'translation_group_id' }) translationGroupId!: string;
  @Column('varchar', { length: 10, default: 'draft' }) status!: KbArticleStatus;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<User>;
  @Column('uuid', { name: 'reviewed_by_id', nullable: true }) reviewedById!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: Relation<User>;
  @Column('timestamptz', { name: 'reviewed_at', nullable: true }) reviewedAt!: Date | null;
  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt!: Date | null;
  @Column('int', { default: 1 }) version!: number;
  @Column('int', { name: 'helpful_count', default: 0 }) helpfulCount!: number;
  @Column('int', { name: 'not_helpful_count', default: 0 }) notHelpfulCount!: number;
  @Column('bigint', { name: 'view_count', default: 0 }) viewCount!: string;
  /** Title (A), tags (B) and body, Russian-stemmed and unaccented-simple (rd_search_vector). */
  @Column('tsvector', { name: 'search_doc', select: false }) searchDoc!: string;
  /** The title unaccented, simple dictionary: prefix matching for the type-ahead. */
  @Column('tsvector', { name: 'title_doc', select: false }) titleDoc!: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
