import type { EntityManager } from 'typeorm';
import type { ProblemFieldError, Role, TicketPriority } from '@relaydesk/contracts';

export interface ResolvedType {
  id: string;
  isPublic: boolean;
  workflowId: string;
  defaultPriority: TicketPriority;
}

export interface ResolvedUser {
  id: string;
  role: Role;
  organizationId: string | null;
}

/**
 * Checks that the rows a ticket points at exist and may be used, collecting one error per
 * field, so a form can show them all at once (422 with `errors`).
 */
export class TicketReferences {
  readonly errors: ProblemFieldError[] = [];

  constructor(private readonly em: EntityManager) {}

  async type(id: string, field = 'typeId'): Promise<ResolvedType | null> {
    const [row] = (await this.em.query(
      `SELECT id, is_public AS "isPublic", workflow_id AS "workflowId", default_priority AS "defaultPriority"
         FROM ticket_types WHERE id = $1 AND active`,
      [id],
    )) as ResolvedType[];
    if (!row) this.errors.push({ field, message: 'no active ticket type with this id' });
    return row ?? null;
  }

  async organization(id: string, field = 'organizationId'): Promise<boolean> {
    const rows = (await this.em.query('SELECT 1 FROM organizations WHERE id = $1 AND active', [
      id,
    ])) as unknown[];
    if (rows.length === 0)
      this.errors.push({ field, message: 'no active organization with this id' });
    return rows.length > 0;
  }

  async user(id: string, field: string): Promise<ResolvedUser | null> {
    const [row] = (await this.em.query(
      `SELECT id, role, organization_id AS "organizationId" FROM users WHERE id = $1 AND active`,
      [id],
    )) as ResolvedUser[];
    if (!row) this.errors.push({ field, message: 'no active user with this id' });
    return row ?? null;
  }

  async staff(id: string, field: string): Promise<ResolvedUser | null> {
    const u = await this.user(id, field);
    if (u && u.role === 'client') {
      this.errors.push({ field, message: 'must be a staff member, not a client contact' });
      return null;
    }
    return u;
  }

  async group(id: string, field = 'groupId'): Promise<boolean> {
    const rows = (await this.em.query('SELECT 1 FROM groups WHERE id = $1 AND active', [
      id,
    ])) as unknown[];
    if (rows.length === 0) this.errors.push({ field, message: 'no active group with this id' });
    return rows.length > 0;
  }

  /** Clients may file under public categories only; a retired one takes no new tickets. */
  async category(id: string, forClient: boolean, field = 'categoryId'): Promise<boolean> {
    const rows = (await this.em.query(
      `SELECT 1 FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
        WHERE c.id = $1 AND c.active AND (p.id IS NULL OR p.active)
          AND (NOT $2 OR (c.is_public AND (p.id IS NULL OR p.is_public)))`,
      [id, forClient],
    )) as unknown[];
    if (rows.length === 0) this.errors.push({ field, message: 'no active category with this id' });
    return rows.length > 0;
  }

  /** An active project, with its manager when that user is active (new tickets go to them). */
  /**
   * An active project; with `memberId`, only one that person is a member of (a client's
   * choice), and any other answers as an unknown id would.
   */
  async project(
    id: string,
    field = 'projectId',
    memberId?: string,
  ): Promise<{ id: string; activeManagerId: string | null } | null> {
    const [row] = (await this.em.query(
      `SELECT p.id, (SELECT u.id FROM users u WHERE u.id = p.manager_id AND u.active) AS "activeManagerId"
         FROM projects p WHERE p.id = $1 AND p.active
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM project_members pm
                                            WHERE pm.project_id = p.id AND pm.user_id = $2))`,
      [id, memberId ?? null],
    )) as { id: string; activeManagerId: string | null }[];
    if (!row) this.errors.push({ field, message: 'no active project with this id' });
    return row ?? null;
  }

  fail(field: string, message: string): void {
    this.errors.push({ field, message });
  }
}
