import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import {
  advisoryXactLock,
  containsPattern,
  iso,
  pageByName,
  SqlParams,
} from '../../common/database/crud-sql.js';
import { lockAtVersion, sentFields } from '../../common/database/versioned-repository.js';
import { Department } from './entities/department.entity.js';
import type {
  CreateDepartmentDto,
  DepartmentDto,
  DepartmentListQueryDto,
  DepartmentPageDto,
  UpdateDepartmentDto,
} from './dto/department.dto.js';
import { staffFieldErrors } from './staff-references.js';
import { departmentSubtreeSql } from './department-subtree.js';

interface DepartmentRow extends Omit<DepartmentDto, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `d.id, d.name, d.parent_id AS "parentId", d.head_id AS "headId", d.active, d.version,
  d.created_at AS "createdAt", d.updated_at AS "updatedAt"`;

const WRITABLE = ['name', 'parentId', 'headId', 'active'] as const;

/** Moves in the department tree wait for each other, so two moves cannot close a loop together. */
const TREE_LOCK = 'relaydesk:departments:tree';

function toDto(row: DepartmentRow): DepartmentDto {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(query: DepartmentListQueryDto): Promise<DepartmentPageDto> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.active !== undefined) where.push(`d.active = ${p.add(query.active)}`);
    if (query.parentId !== undefined) where.push(`d.parent_id = ${p.add(query.parentId)}`);
    if (query.subtreeOf !== undefined) {
      const roots = `d.id = ANY(${p.add(query.subtreeOf)}::uuid[])`;
      where.push(`d.id IN ${departmentSubtreeSql(roots)}`);
    }
    if (query.q) where.push(`d.name ILIKE ${p.add(containsPattern(query.q))}`);
    return pageByName<DepartmentRow, DepartmentDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'departments d',
        alias: 'd',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      toDto,
    );
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<DepartmentDto> {
    const [row] = await sql<DepartmentRow>(
      em,
      `SELECT ${COLUMNS} FROM departments d WHERE d.id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Department');
    return toDto(row);
  }

  async create(dto: CreateDepartmentDto): Promise<DepartmentDto> {
    return this.db.transaction(async (em) => {
      const errors = [
        ...(dto.parentId ? await this.parentErrors(em, dto.parentId, null) : []),
        ...(dto.headId ? await staffFieldErrors(em, 'headId', dto.headId) : []),
      ];
      if (errors.length) throw new BusinessRuleError('The department cannot be saved', errors);
      const now = this.clock.now();
      const repo = em.getRepository(Department);
      const department = repo.create({
        name: dto.name,
        parentId: dto.parentId ?? null,
        headId: dto.headId ?? null,
        active: dto.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insert(department);
      return this.get(department.id, em);
    });
  }

  async update(id: string, dto: UpdateDepartmentDto): Promise<DepartmentDto> {
    return this.db.transaction(async (em) => {
      if (dto.parentId) await advisoryXactLock(em, TREE_LOCK);
      const repo = em.getRepository(Department);
      const current = await lockAtVersion(repo, id, dto.version, 'Department');
      const errors = [
        ...(dto.parentId && dto.parentId !== current.parentId
          ? await this.parentErrors(em, dto.parentId, id)
          : []),
        ...(dto.headId && dto.headId !== current.headId
          ? await staffFieldErrors(em, 'headId', dto.headId)
          : []),
      ];
      if (errors.length) throw new BusinessRuleError('The department cannot be saved', errors);
      await repo.update(id, { ...sentFields(dto, WRITABLE), updatedAt: this.clock.now() });
      return this.get(id, em);
    });
  }

  /** The parent must exist and, for an existing department, must not lie in its own subtree. */
  private async parentErrors(
    em: EntityManager,
    parentId: string,
    selfId: string | null,
  ): Promise<ProblemFieldError[]> {
    const [parent] = await sql<{ id: string }>(em, 'SELECT id FROM departments WHERE id = $1', [
      parentId,
    ]);
    if (!parent) return [{ field: 'parentId', message: 'no such department' }];
    if (selfId === null) return [];
    if (parentId === selfId) {
      return [{ field: 'parentId', message: 'a department cannot be its own parent' }];
    }
    const [below] = await sql<{ id: string }>(
      em,
      `SELECT id FROM ${departmentSubtreeSql('d.parent_id = $1')} below WHERE id = $2`,
      [selfId, parentId],
    );
    return below
      ? [{ field: 'parentId', message: 'is below this department; that would make a loop' }]
      : [];
  }
}
