import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import type { AuthUser } from '../../../common/auth/auth-user.js';
import { sql } from '../../../common/database/sql.js';
import { lockAtVersion, sentFields } from '../../../common/database/versioned-repository.js';
import { BusinessRuleError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import { Category } from '../entities/category.entity.js';
import type {
  CategoriesQueryDto,
  CategoryDto,
  CreateCategoryDto,
  UpdateCategoryDto,
} from './dto/category.dto.js';

const COLUMNS = `c.id, c.parent_id AS "parentId", c.name, c.is_public AS "isPublic", c.active,
  c.position, c.version`;

const WRITABLE = ['name', 'parentId', 'isPublic', 'active', 'position'] as const;

function toDto(category: Category): CategoryDto {
  const { id, parentId, name, isPublic, active, position, version } = category;
  return { id, parentId, name, isPublic, active, position, version };
}

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
      const repo = em.getRepository(Category);
      const category = repo.create({
        parentId: dto.parentId ?? null,
        name: dto.name,
        isPublic: dto.isPublic ?? true,
        active: dto.active ?? true,
        position: dto.position ?? 0,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insert(category);
      // Read back: the answer shows the name as PostgreSQL stored the jsonb.
      return toDto(await repo.findOneByOrFail({ id: category.id }));
    });
  }

  async update(id: string, dto: UpdateCategoryDto): Promise<CategoryDto> {
    return this.db.transaction(async (em) => {
      await this.lockTree(em);
      const repo = em.getRepository(Category);
      const current = await lockAtVersion(repo, id, dto.version, 'Category', 'pessimistic_write');
      if (dto.parentId && dto.parentId !== current.parentId) {
        const errors = await this.parentErrors(em, id, dto.parentId);
        if (errors.length) throw new BusinessRuleError('The category cannot be moved', errors);
      }
      await repo.update(id, { ...sentFields(dto, WRITABLE), updatedAt: this.clock.now() });
      return toDto(await repo.findOneByOrFail({ id }));
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
