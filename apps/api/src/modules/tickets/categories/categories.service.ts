import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import {
  BusinessRuleError,
  NotFoundError,
  VersionConflictError,
} from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type {
  CategoriesQueryDto,
  CategoryDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto.js';

const COLUMNS = `c.id, c.parent_id AS "parentId", c.name, c.is_public AS "isPublic", c.active,
  c.position, c.version`;

const WRITABLE: Partial<Record<keyof UpdateCategoryDto, string>> = {
  name: 'name',
  parentId: 'parent_id',
  isPublic: 'is_public',
  active: 'active',
  position: 'position',
};

/**
 * Two-level categories (CDESK). The tree is edited under one advisory lock, so two concurrent
 * moves cannot together build a third level that each alone would not.
 */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Flat, each parent followed by its children. Clients get what they may file under: public
   * active categories whose parent (if any) is public and active too.
   */
  list(user: AuthUser, query: CategoriesQueryDto): Promise<CategoryDto[]> {
    const where =
      user.role === 'client'
        ? 'c.is_public AND c.active AND (p.id IS NULL OR (p.is_public AND p.active))'
        : query.includeInactive
          ? 'TRUE'
          : 'c.active AND (p.id IS NULL OR p.active)';
    return sql<CategoryDto>(
      this.db,
      `SELECT ${COLUMNS} FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
        WHERE ${where}
        ORDER BY COALESCE(p.position, c.position), COALESCE(p.name, c.name) ->> 'en',
                 COALESCE(p.id, c.id), c.parent_id NULLS FIRST, c.position, c.name ->> 'en', c.id`,
    );
  }

  async create(dto: CreateCategoryDto): Promise<CategoryDto> {
    return this.db.transaction(async (em) => {
      await this.lockTree(em);
      if (dto.parentId) {
        const errors = await this.parentErrors(em, null, dto.parentId);
        if (errors.length) throw new BusinessRuleError('The category cannot be created', errors);
      }
      const now = this.clock.now();
      const [row] = await sql<CategoryDto>(
        em,
        `INSERT INTO categories AS c (parent_id, name, is_public, active, position, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
        [
          dto.parentId ?? null,
          JSON.stringify(dto.name),
          dto.isPublic ?? true,
          dto.active ?? true,
          dto.position ?? 0,
          now,
        ],
      );
      return row;
    });
  }

  async update(id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.db.transaction(async (em) => {
      await this.lockTree(em);
      const [current] = await sql<{ version: number; parentId: string | null }>(
        em,
        'SELECT version, parent_id AS "parentId" FROM categories WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!current) throw new NotFoundError('Category');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      if (dto.parentId && dto.parentId !== current.parentId) {
        const errors = await this.parentErrors(em, id, dto.parentId);
        if (errors.length) throw new BusinessRuleError('The category cannot be moved', errors);
      }
      const values: unknown[] = [id, this.clock.now()];
      const sets = ['updated_at = $2', 'version = version + 1'];
      for (const [field, column] of Object.entries(WRITABLE) as [
        keyof UpdateCategoryDto,
        string,
      ][]) {
        if (dto[field] === undefined) continue;
        values.push(field === 'name' ? JSON.stringify(dto.name) : dto[field]);
        sets.push(`${column} = $${values.length}`);
      }
      const [row] = await sql<CategoryDto>(
        em,
        `UPDATE categories AS c SET ${sets.join(', ')} WHERE c.id = $1 RETURNING ${COLUMNS}`,
        values,
      );
      return row;
    });
  }

  /** A parent must exist and be top-level; a category that has children cannot get a parent. */
  private async parentErrors(
    em: EntityManager,
    id: string | null,
    parentId: string,
  ): Promise<ProblemFieldError[]> {
    const [parent] = await sql<{ parentId: string | null }>(
      em,
      'SELECT parent_id AS "parentId" FROM categories WHERE id = $1',
      [parentId],
    );
    if (!parent) return [{ field: 'parentId', message: 'no category with this id' }];
    if (parentId === id) return [{ field: 'parentId', message: 'cannot be the category itself' }];
    if (parent.parentId) {
      return [
        {
          field: 'parentId',
          message: 'is itself a subcategory; categories have two levels only',
        },
      ];
    }
    if (id) {
      const [child] = await sql<{ id: string }>(
        em,
        'SELECT id FROM categories WHERE parent_id = $1 LIMIT 1',
        [id],
      );
      if (child) {
        return [
          {
            field: 'parentId',
            message: 'this category has subcategories; categories have two levels only',
          },
        ];
      }
    }
    return [];
  }

  private async lockTree(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('categories-tree'))`);
  }
}
