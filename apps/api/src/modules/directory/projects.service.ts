import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { containsPattern, iso, pageByName, SqlParams } from '../../common/database/crud-sql.js';
import { lockAtVersion, sentFields } from '../../common/database/versioned-repository.js';
import { Project } from './entities/project.entity.js';
import { ProjectMember } from './entities/project-member.entity.js';
import type {
  CreateProjectDto,
  MyProjectListDto,
  ProjectDto,
  ProjectListQueryDto,
  ProjectPageDto,
  UpdateProjectDto,
} from './dto/project.dto.js';
import { findNonUsers, replaceMembers, staffFieldErrors } from './staff-references.js';

interface ProjectRow extends Omit<ProjectDto, 'createdAt' | 'updatedAt' | 'manager'> {
  managerName: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `p.id, p.name, p.description, p.manager_id AS "managerId",
  (SELECT u.name FROM users u WHERE u.id = p.manager_id) AS "managerName",
  ARRAY(SELECT pm.user_id FROM project_members pm WHERE pm.project_id = p.id ORDER BY pm.user_id)
    AS "memberIds",
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'role', u.role)
                            ORDER BY u.name, u.id), '[]')
     FROM project_members pm JOIN users u ON u.id = pm.user_id
    WHERE pm.project_id = p.id AND u.active) AS "members",
  p.active, p.version, p.created_at AS "createdAt", p.updated_at AS "updatedAt"`;

const WRITABLE = ['name', 'description', 'managerId', 'active'] as const;

/** More than anyone files against; the portal offers them in one list. */
const MAX_MY_PROJECTS = 200;

const memberErrors = (ids: string[]): ProblemFieldError[] =>
  ids.map((id) => ({ field: 'memberIds', message: `${id} is not an active user` }));

function toDto({ managerName, ...row }: ProjectRow): ProjectDto {
  return {
    ...row,
    manager: { id: row.managerId, name: managerName },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/**
 * Projects (Pythagoras). Who sees a project's tickets is decided by the ticket visibility rule,
 * which reads `project_members` and `projects.manager_id` directly.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(query: ProjectListQueryDto): Promise<ProjectPageDto> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.active !== undefined) where.push(`p.active = ${p.add(query.active)}`);
    if (query.memberId !== undefined) {
      const member = p.add(query.memberId);
      where.push(
        `(p.manager_id = ${member} OR EXISTS (SELECT 1 FROM project_members pm
           WHERE pm.project_id = p.id AND pm.user_id = ${member}))`,
      );
    }
    if (query.q) {
      const pattern = p.add(containsPattern(query.q));
      where.push(`(p.name ILIKE ${pattern} OR p.description ILIKE ${pattern})`);
    }
    return pageByName<ProjectRow, ProjectDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'projects p',
        alias: 'p',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      toDto,
    );
  }

  /** The active projects a person is a member or the manager of (a client files against them). */
  async forMember(userId: string): Promise<MyProjectListDto> {
    const items = await sql<{ id: string; name: string }>(
      this.db.manager,
      `SELECT p.id, p.name FROM projects p
        WHERE p.active AND (p.manager_id = $1
              OR EXISTS (SELECT 1 FROM project_members pm WHERE pm.project_id = p.id AND pm.user_id = $1))
        ORDER BY p.name, p.id LIMIT ${MAX_MY_PROJECTS}`,
      [userId],
    );
    return { items };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<ProjectDto> {
    const [row] = await sql<ProjectRow>(em, `SELECT ${COLUMNS} FROM projects p WHERE p.id = $1`, [
      id,
    ]);
    if (!row) throw new NotFoundError('Project');
    return toDto(row);
  }

  async create(dto: CreateProjectDto): Promise<ProjectDto> {
    return this.db.transaction(async (em) => {
      const memberIds = dto.memberIds ?? [];
      const errors = [
        ...(await staffFieldErrors(em, 'managerId', dto.managerId)),
        ...memberErrors(await findNonUsers(em, memberIds)),
      ];
      if (errors.length) throw new BusinessRuleError('The project cannot be saved', errors);
      const now = this.clock.now();
      const repo = em.getRepository(Project);
      const project = repo.create({
        name: dto.name,
        description: dto.description ?? '',
        managerId: dto.managerId,
        active: dto.active ?? true,
        createdAt: now,
        updatedAt: now,
      });
      await repo.insert(project);
      await replaceMembers(em, 'project', project.id, memberIds);
      return this.get(project.id, em);
    });
  }

  async update(id: string, dto: UpdateProjectDto): Promise<ProjectDto> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Project);
      const current = await lockAtVersion(repo, id, dto.version, 'Project');
      const errors: ProblemFieldError[] = [];
      if (dto.managerId && dto.managerId !== current.managerId) {
        errors.push(...(await staffFieldErrors(em, 'managerId', dto.managerId)));
      }
      if (dto.memberIds) {
        const members = await em.getRepository(ProjectMember).findBy({ projectId: id });
        const memberIds = members.map((m) => m.userId);
        errors.push(...memberErrors(await findNonUsers(em, dto.memberIds, memberIds)));
      }
      if (errors.length) throw new BusinessRuleError('The project cannot be saved', errors);
      await repo.update(id, { ...sentFields(dto, WRITABLE), updatedAt: this.clock.now() });
      if (dto.memberIds) await replaceMembers(em, 'project', id, dto.memberIds);
      return this.get(id, em);
    });
  }
}
