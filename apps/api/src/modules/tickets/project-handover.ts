import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, ForbiddenError } from '../../common/errors/domain-errors.js';

/** What an assignment is with respect to the ticket's project (Pythagoras). */
export interface ProjectHandover {
  /** The caller manages the ticket's active project and gives it to another member of it. */
  isHandover: boolean;
  /**
   * For staff whose role may not assign, the permission: the ticket's project is theirs and the
   * group stays, else 403. Decided before the references are looked at, so the answer does not
   * tell whether an id exists.
   */
  assertPermitted(dto: HandoverRequest, currentGroupId: string | null): void;
  /** For the same staff, once the references are valid: 422 unless a member is named. */
  assertTarget(dto: HandoverRequest): void;
}

type HandoverRequest = { assigneeId?: string | null; groupId?: string | null };

/** One query: does the caller manage the ticket's project, and is `assigneeId` a member of it. */
export async function projectHandover(
  em: EntityManager,
  user: AuthUser,
  ticket: { projectId: string | null },
  assigneeId: string | null,
): Promise<ProjectHandover> {
  const [row] = ticket.projectId
    ? await sql<{ manages: boolean; member: boolean }>(
        em,
        `SELECT p.manager_id = $2 AS manages,
                EXISTS (SELECT 1 FROM project_members pm
                         WHERE pm.project_id = p.id AND pm.user_id = $3::uuid) AS member
           FROM projects p WHERE p.id = $1 AND p.active`,
        [ticket.projectId, user.id, assigneeId],
      )
    : [];
  const manages = row?.manages ?? false;
  const member = row?.member ?? false;
  return {
    isHandover: manages && member && assigneeId !== null && assigneeId !== user.id,
    assertPermitted(dto, currentGroupId) {
      if (!manages) {
        throw new ForbiddenError(
          "Only the manager of the ticket's project may hand it over; other assignments are for dispatchers and admins",
        );
      }
      if (dto.groupId !== undefined && dto.groupId !== currentGroupId) {
        throw new ForbiddenError(
          'A project manager hands a ticket to a member of the project; groups are for dispatchers and admins',
        );
      }
    },
    assertTarget(dto) {
      if (!dto.assigneeId) {
        throw new BusinessRuleError('Name the member of the project to hand the ticket to', [
          { field: 'assigneeId', message: "a member of the ticket's project is required" },
        ]);
      }
      if (!member) {
        throw new BusinessRuleError('A ticket is handed over to a member of its project only', [
          { field: 'assigneeId', message: "is not a member of the ticket's project" },
        ]);
      }
    },
  };
}
