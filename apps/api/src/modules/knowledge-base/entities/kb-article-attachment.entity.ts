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
import { KbArticle } from './kb-article.entity.js';

/**
 * A file of an article (an inline image or a download), its bytes in the same store as ticket
 * attachments. A deleted file keeps its row (who uploaded and who deleted it, when) as the
 * article's file history; only its bytes are removed.
 */
@Entity('kb_article_attachments')
@Index('kb_article_attachments_article_idx', ['articleId', 'createdAt', 'id'])
export class KbArticleAttachment {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'kb_article_attachments_pkey' })
  id!: string;
  @Column('uuid', { name: 'article_id' }) articleId!: string;
  @ManyToOne(() => KbArticle, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'article_id',
    foreignKeyConstraintName: 'kb_article_attachments_article_fkey',
  })
  article?: Relation<KbArticle>;

  @Column('uuid', { name: 'uploader_id', nullable: true }) uploaderId!: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'uploader_id',
    foreignKeyConstraintName: 'kb_article_attachments_uploader_fkey',
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
    foreignKeyConstraintName: 'kb_article_attachments_deleted_by_fkey',
  })
  deletedBy?: Relation<User>;
}
