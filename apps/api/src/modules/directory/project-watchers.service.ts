import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
} from '../../common/errors/domain-errors.js';
import type { ProjectWatchersDto, ProjectWatcherDto } from './dto/project-watcher.dto.js';

/**
 * A project's notification list (Pythagoras): people told about every ticket of the project
 * while they may see it (the fan-out checks that at send time). Staff and client contacts alike;
 * edited as a whole by project managers (admins, dispatchers) and the project's own manager.
 */
@Injectable()
export class ProjectWatchersService {
  constructor(private readonly db: DataSource) {}

  async list(projectId: string, em: EntityManager = this.db.manager): Promise<ProjectWatchersDto> {
    const [project] = await sql<{ id: string }>(em, 'SELECT id FROM projects WHERE id = $1', [
      projectId,
    ]);
    if (!project) throw new NotFoundError('Project');
    const rows = await sql<ProjectWatcherDto & { role: string }>(
      em,
      `SELECT u.id, u.name, u.email, u.role, u.active
         FROM project_watchers w JOIN users u ON u.id = w.user_id
        WHERE w.project_id = $1 ORDER BY u.name, u.id`,
      [projectId],
    );
    return {
      items: rows.map(({ role, ...r }) => ({ ...r, kind: role === 'client' ? 'client' : 'staff' })),
    };
  }

  /**
   * Makes the list exactly `userIds`. The project row is locked for the write, so two editors
   * replace one after the other and the last one's list is what stays (and what each is answered).
   */
  async replace(user: AuthUser, projectId: string, userIds: string[]): Promise<ProjectWatchersDto> {
    return this.db.transaction(async (em) => {
      const [project] = await sql<{ manager_id: string }>(
        em,
        'SELECT manager_id FROM projects WHERE id = $1 FOR NO KEY UPDATE',
        [projectId],
      );
      if (!project) throw new NotFoundError('Project');
      if (
        !roleHasPermission(user.role, Permission.ProjectsManage) &&
        project.manager_id !== user.id
      ) {
        throw new ForbiddenError(
          'Only project managers and the project’s manager may edit its list',
        );
      }
      const ok = await sql<{ id: string }>(
        em,
        `SELECT id FROM users
          WHERE id = ANY($1::uuid[])
            AND (active OR id IN (SELECT user_id FROM project_watchers WHERE project_id = $2))`,
        [userIds, projectId],
      );
      const known = new Set(ok.map((r) => r.id));
      const errors = userIds.flatMap((id, i) =>
        known.has(id) ? [] : [{ field: `userIds[${i}]`, message: 'no active user with this id' }],
      );
      if (errors.length > 0) throw new BusinessRuleError('The list cannot be saved', errors);
      await em.query(
        `DELETE FROM project_watchers WHERE project_id = $1 AND NOT (user_id = ANY($2::uuid[]))`,
        [projectId, userIds],
      );
      await em.query(
        `INSERT INTO project_watchers (project_id, user_id)
         SELECT $1, u FROM unnest($2::uuid[]) AS u ON CONFLICT DO NOTHING`,
        [projectId, userIds],
      );
      return this.list(projectId, em);
    });
  }
}
