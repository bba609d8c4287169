import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  CreateKbArticleDto,
  KbArticleDto,
  KbStatusChangeDto,
  UpdateKbArticleDto,
} from './dto/kb-article.dto.js';
import { KbArticleQueries } from './kb-article-queries.js';
import { KbAttachmentsService } from './kb-attachments.service.js';

interface Snapshot {
  title: string;
  body: string;
  tags: string[];
}

/** Tags compare case-insensitively and are kept once each, in the order given. */
export function normalizeTags(tags: string[] | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags ?? []) {
    const t = tag.trim().toLowerCase();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/**
 * The write side of articles (staff with kb.edit). Every save writes a revision with the same
 * number as the article's new `version`, in the save's transaction: the history is complete by
 * construction. A stale `version` is a 409 with the current one.
 */
@Injectable()
export class KbArticlesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly queries: KbArticleQueries,
    private readonly files: KbAttachmentsService,
  ) {}

  async create(user: AuthUser, dto: CreateKbArticleDto): Promise<KbArticleDto> {
    return this.db.transaction((em) => this.createIn(em, user, dto));
  }

  /** The create in the caller's transaction (a draft from a ticket is written with its link). */
  async createIn(
    em: EntityManager,
    user: AuthUser,
    dto: CreateKbArticleDto,
  ): Promise<KbArticleDto> {
    await this.assertSection(em, dto.sectionId);
    let group: string | null = null;
    if (dto.translationOf) {
      const [original] = await sql<{ translation_group_id: string }>(
        em,
        'SELECT translation_group_id FROM kb_articles WHERE id = $1 FOR UPDATE',
        [dto.translationOf],
      );
      if (!original) {
        throw new BusinessRuleError('No such article', [
          { field: 'translationOf', message: 'no such article' },
        ]);
      }
      group = original.translation_group_id;
      await this.assertLanguageFree(em, group, dto.language, null);
    }
    const now = this.clock.now();
    const tags = normalizeTags(dto.tags);
    const [row] = await sql<{ id: string }>(
      em,
      `INSERT INTO kb_articles (id, section_id, title, body, tags, language, translation_group_id,
                                status, author_id, created_at, updated_at)
       SELECT g.id, $1, $2, $3, $4::varchar[], $5, coalesce($6::uuid, g.id), 'draft', $7, $8, $8
         FROM (SELECT gen_random_uuid() AS id) g
       RETURNING id`,
      [dto.sectionId, dto.title.trim(), dto.body, tags, dto.language, group, user.id, now],
    );
    await this.writeRevision(
      em,
      row.id,
      1,
      user.id,
      { title: dto.title.trim(), body: dto.body, tags },
      null,
    );
    return this.queries.get(user, row.id, em);
  }

  async update(user: AuthUser, id: string, dto: UpdateKbArticleDto): Promise<KbArticleDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lock(em, id, dto.version);
      if (dto.sectionId !== undefined) await this.assertSection(em, dto.sectionId);
      const next: Snapshot = {
        title: dto.title?.trim() ?? current.title,
        body: dto.body ?? current.body,
        tags: dto.tags !== undefined ? normalizeTags(dto.tags) : current.tags,
      };
      await this.save(em, user, id, current.version + 1, next, null, dto.sectionId);
      return this.queries.get(user, id, em);
    });
  }

  async changeStatus(user: AuthUser, id: string, dto: KbStatusChangeDto): Promise<KbArticleDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lock(em, id, dto.version);
      const now = this.clock.now();
      await em.query(
        `UPDATE kb_articles
            SET status = $2::varchar, version = version + 1, updated_at = $3::timestamptz,
                published_at = CASE WHEN $2::varchar = 'published' AND status <> 'published'
                                    THEN $3::timestamptz ELSE published_at END
          WHERE id = $1`,
        [id, dto.status, now],
      );
      // The version moved: the revision of that number keeps the same text, so the numbering
      // stays one revision per version.
      await this.writeRevision(em, id, current.version + 1, user.id, current, null);
      return this.queries.get(user, id, em);
    });
  }

  /** "Reviewed now by me": the review queue orders by this date. */
  async review(user: AuthUser, id: string, version: number): Promise<KbArticleDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lock(em, id, version);
      await em.query(
        `UPDATE kb_articles SET reviewed_by_id = $2, reviewed_at = $3, version = version + 1
          WHERE id = $1`,
        [id, user.id, this.clock.now()],
      );
      await this.writeRevision(em, id, current.version + 1, user.id, current, null);
      return this.queries.get(user, id, em);
    });
  }

  async remove(id: string): Promise<void> {
    const storageKeys = await this.db.transaction(async (em) => {
      // Locked first, so an upload still running either finished (its file is listed here) or
      // finds the article gone (and removes its own bytes).
      const rows = await sql<{ id: string }>(
        em,
        'SELECT id FROM kb_articles WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (rows.length === 0) throw new NotFoundError('Article');
      const files = await sql<{ storage_key: string }>(
        em,
        'SELECT storage_key FROM kb_article_attachments WHERE article_id = $1 AND deleted_at IS NULL',
        [id],
      );
      await em.query('DELETE FROM kb_articles WHERE id = $1', [id]);
      return files.map((f) => f.storage_key);
    });
    // The rows went with the article (cascade); their bytes go once that is committed.
    await this.files.removeStored(storageKeys);
  }

  /** Restoring writes a NEW revision with the old text: history only grows. */
  async restore(
    user: AuthUser,
    id: string,
    number: number,
    version: number,
  ): Promise<KbArticleDto> {
    return this.db.transaction(async (em) => {
      const current = await this.lock(em, id, version);
      const [old] = await sql<Snapshot>(
        em,
        'SELECT title, body, tags FROM kb_article_revisions WHERE article_id = $1 AND number = $2',
        [id, number],
      );
      if (!old) throw new NotFoundError('Revision');
      await this.save(em, user, id, current.version + 1, old, number, undefined);
      return this.queries.get(user, id, em);
    });
  }

  private async save(
    em: EntityManager,
    user: AuthUser,
    id: string,
    nextVersion: number,
    next: Snapshot,
    restoredFrom: number | null,
    sectionId: string | undefined,
  ): Promise<void> {
    await em.query(
      `UPDATE kb_articles SET title = $2, body = $3, tags = $4::varchar[], version = $5,
                              updated_at = $6, section_id = coalesce($7::uuid, section_id)
        WHERE id = $1`,
      [id, next.title, next.body, next.tags, nextVersion, this.clock.now(), sectionId ?? null],
    );
    await this.writeRevision(em, id, nextVersion, user.id, next, restoredFrom);
  }

  private async writeRevision(
    em: EntityManager,
    articleId: string,
    number: number,
    authorId: string,
    s: Snapshot,
    restoredFrom: number | null,
  ): Promise<void> {
    await em.query(
      `INSERT INTO kb_article_revisions (article_id, number, title, body, tags, author_id, restored_from, created_at)
       VALUES ($1, $2, $3, $4, $5::varchar[], $6, $7, $8)`,
      [articleId, number, s.title, s.body, s.tags, authorId, restoredFrom, this.clock.now()],
    );
  }

  private async lock(
    em: EntityManager,
    id: string,
    version: number,
  ): Promise<Snapshot & { version: number }> {
    const [row] = await sql<Snapshot & { version: number }>(
      em,
      'SELECT title, body, tags, version FROM kb_articles WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!row) throw new NotFoundError('Article');
    if (row.version !== version) throw new VersionConflictError(row.version);
    return row;
  }

  private async assertSection(em: EntityManager, sectionId: string): Promise<void> {
    const rows = await sql(em, 'SELECT 1 FROM kb_sections WHERE id = $1', [sectionId]);
    if (rows.length === 0) {
      throw new BusinessRuleError('No such section', [
        { field: 'sectionId', message: 'no such section' },
      ]);
    }
  }

  private async assertLanguageFree(
    em: EntityManager,
    group: string,
    language: string,
    exceptId: string | null,
  ): Promise<void> {
    const rows = await sql(
      em,
      `SELECT 1 FROM kb_articles WHERE translation_group_id = $1 AND language = $2
          AND id IS DISTINCT FROM $3::uuid`,
      [group, language, exceptId],
    );
    if (rows.length > 0) {
      throw new BusinessRuleError('This article already has a translation in that language', [
        { field: 'language', message: 'already translated into this language' },
      ]);
    }
  }
}
