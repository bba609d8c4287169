import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import {
  ConflictError,
  BusinessRuleError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  CreateKbSectionDto,
  KbSectionDto,
  KbSectionOrderDto,
  UpdateKbSectionDto,
} from './dto/kb-section.dto.js';
import { isKbStaff, kbSectionVisibility, type KbReader } from './kb-audience.js';

interface SectionRow {
  id: string;
  parent_id: string | null;
  name: string;
  description: string;
  position: number;
  audience: KbSectionDto['audience'];
  organization_ids: string[];
  version: number;
}

const SELECT = `SELECT s.id, s.parent_id, s.name, s.description, s.position, s.audience, s.version,
                       ARRAY(SELECT so.organization_id FROM kb_section_organizations so
                              WHERE so.section_id = s.id ORDER BY so.organization_id) AS organization_ids
                  FROM kb_sections s`;

/** Sections: the tree readers browse (through the audience rule) and staff with kb.manage keep. */
@Injectable()
export class KbSectionsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Every section the reader sees, parents before children, siblings by position. */
  async list(reader: KbReader): Promise<KbSectionDto[]> {
    const p = new SqlParams();
    const rows = await sql<SectionRow>(
      this.db,
      `${SELECT} WHERE ${kbSectionVisibility(reader, p, 's')}
        ORDER BY cardinality(s.path), s.position, s.name, s.id`,
      p.values,
    );
    return rows.map((r) => toDto(r, isKbStaff(reader)));
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<KbSectionDto> {
    const [row] = await sql<SectionRow>(em, `${SELECT} WHERE s.id = $1`, [id]);
    if (!row) throw new NotFoundError('Section');
    return toDto(row, true);
  }

  async create(dto: CreateKbSectionDto): Promise<KbSectionDto> {
    return this.db.transaction(async (em) => {
      const parentPath = dto.parentId ? await this.pathOf(em, dto.parentId, 'parentId') : [];
      const now = this.clock.now();
      const [row] = await sql<{ id: string }>(
        em,
        `INSERT INTO kb_sections (id, parent_id, path, name, description, position, audience, created_at, updated_at)
         SELECT g.id, $1, $2::uuid[] || g.id, $3, $4, $5, $6, $7, $7 FROM (SELECT gen_random_uuid() AS id) g
         RETURNING id`,
        [
          dto.parentId ?? null,
          parentPath,
          dto.name.trim(),
          dto.description ?? '',
          dto.position ?? 0,
          dto.audience,
          now,
        ],
      );
      await this.setOrganizations(em, row.id, dto.organizationIds ?? []);
      return this.get(row.id, em);
    });
  }

  async update(id: string, dto: UpdateKbSectionDto): Promise<KbSectionDto> {
    return this.db.transaction(async (em) => {
      const [current] = await sql<{ version: number; path: string[] }>(
        em,
        'SELECT version, path FROM kb_sections WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!current) throw new NotFoundError('Section');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const p = new SqlParams();
      p.add(id);
      const sets: string[] = [`updated_at = ${p.add(this.clock.now())}`, 'version = version + 1'];
      if (dto.name !== undefined) sets.push(`name = ${p.add(dto.name.trim())}`);
      if (dto.description !== undefined) sets.push(`description = ${p.add(dto.description)}`);
      if (dto.position !== undefined) sets.push(`position = ${p.add(dto.position)}`);
      if (dto.audience !== undefined) sets.push(`audience = ${p.add(dto.audience)}`);
      await em.query(`UPDATE kb_sections SET ${sets.join(', ')} WHERE id = $1`, p.values);
      if (dto.parentId !== undefined) await this.move(em, id, current.path, dto.parentId);
      if (dto.organizationIds !== undefined) {
        await em.query('DELETE FROM kb_section_organizations WHERE section_id = $1', [id]);
        await this.setOrganizations(em, id, dto.organizationIds);
      }
      return this.get(id, em);
    });
  }

  /**
   * A parent's subsections in a new order, in one write: positions 0, 1, 2… as listed. The list
   * must name every subsection once (a sibling added or moved meanwhile is a 422, not silently
   * left at its old place), and each with the version read, as a PATCH would (409 on a stale
   * one, nothing written). Siblings are locked in id order, so two reorders cannot deadlock.
   */
  async reorder(dto: KbSectionOrderDto): Promise<KbSectionDto[]> {
    return this.db.transaction(async (em) => {
      if (dto.parentId) await this.pathOf(em, dto.parentId, 'parentId');
      const siblings = await sql<{ id: string; version: number }>(
        em,
        `SELECT id, version FROM kb_sections WHERE parent_id IS NOT DISTINCT FROM $1::uuid
          ORDER BY id FOR UPDATE`,
        [dto.parentId],
      );
      const current = new Map(siblings.map((r) => [r.id, r.version]));
      const sent = new Set(dto.sections.map((x) => x.id));
      if (
        sent.size !== dto.sections.length ||
        sent.size !== current.size ||
        dto.sections.some((x) => !current.has(x.id))
      ) {
        throw new BusinessRuleError('The order must list every subsection of the parent once', [
          {
            field: 'sections',
            message: `must name each of the parent's ${current.size} subsections exactly once`,
          },
        ]);
      }
      const stale = dto.sections.find((x) => current.get(x.id) !== x.version);
      if (stale) {
        throw new ConflictError(
          'A section was changed by someone else; reload the sections and order them again',
          { id: stale.id, currentVersion: current.get(stale.id) },
        );
      }
      await em.query(
        `UPDATE kb_sections s SET position = o.position - 1, version = s.version + 1,
                updated_at = $2
           FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position)
          WHERE s.id = o.id`,
        [dto.sections.map((x) => x.id), this.clock.now()],
      );
      const rows = await sql<SectionRow>(
        em,
        `${SELECT} WHERE s.parent_id IS NOT DISTINCT FROM $1::uuid ORDER BY s.position, s.id`,
        [dto.parentId],
      );
      return rows.map((r) => toDto(r, true));
    });
  }

  /** A section with articles or subsections stays: nothing disappears as a side effect. */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const [row] = await sql<{ children: number; articles: number }>(
        em,
        `SELECT (SELECT count(*)::int FROM kb_sections c WHERE c.parent_id = s.id) AS children,
                (SELECT count(*)::int FROM kb_articles a WHERE a.section_id = s.id) AS articles
           FROM kb_sections s WHERE s.id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw new NotFoundError('Section');
      if (row.children > 0 || row.articles > 0) {
        throw new ConflictError('The section still has subsections or articles; move them first', {
          subsections: row.children,
          articles: row.articles,
        });
      }
      await em.query('DELETE FROM kb_sections WHERE id = $1', [id]);
    });
  }

  private async pathOf(em: EntityManager, id: string, field: string): Promise<string[]> {
    const [row] = await sql<{ path: string[] }>(em, 'SELECT path FROM kb_sections WHERE id = $1', [
      id,
    ]);
    if (!row) {
      throw new BusinessRuleError('No such section', [{ field, message: 'no such section' }]);
    }
    return row.path;
  }

  /** Moves the section and its subtree: every path below it gets the new prefix. */
  private async move(
    em: EntityManager,
    id: string,
    oldPath: string[],
    parentId: string | null,
  ): Promise<void> {
    const parentPath = parentId ? await this.pathOf(em, parentId, 'parentId') : [];
    if (parentPath.includes(id)) {
      throw new BusinessRuleError('A section cannot move below itself', [
        { field: 'parentId', message: 'is this section or one below it' },
      ]);
    }
    await em.query(
      `UPDATE kb_sections SET path = $2::uuid[] || path[$3:]
        WHERE path[$3] = $1`,
      [id, parentPath, oldPath.length],
    );
    await em.query('UPDATE kb_sections SET parent_id = $2 WHERE id = $1', [id, parentId]);
  }

  private async setOrganizations(em: EntityManager, id: string, orgIds: string[]): Promise<void> {
    if (orgIds.length === 0) return;
    const rows = await sql<{ id: string }>(
      em,
      `INSERT INTO kb_section_organizations (section_id, organization_id)
       SELECT $1, o.id FROM organizations o WHERE o.id = ANY($2::uuid[]) RETURNING organization_id AS id`,
      [id, orgIds],
    );
    if (rows.length !== orgIds.length) {
      throw new BusinessRuleError('Unknown organization', [
        { field: 'organizationIds', message: 'names an organization that does not exist' },
      ]);
    }
  }
}

function toDto(r: SectionRow, staff: boolean): KbSectionDto {
  return {
    id: r.id,
    parentId: r.parent_id,
    name: r.name,
    description: r.description,
    position: r.position,
    audience: r.audience,
    organizationIds: staff ? r.organization_ids : [],
    version: r.version,
  };
}
