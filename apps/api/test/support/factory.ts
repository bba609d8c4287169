import { randomBytes } from 'node:crypto';
import { hash, Algorithm } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import type { Locale, Role, TicketPriority, VisibilityScope } from '@relaydesk/contracts';

export const TEST_PASSWORD = 'correct horse battery';
let passwordHash: Promise<string> | null = null;
/** argon2 is slow on purpose; hash the shared test password once per worker. */
function testPasswordHash(): Promise<string> {
  passwordHash ??= hash(TEST_PASSWORD, {
    algorithm: Algorithm.Argon2id,
    memoryCost: 19456,
    timeCost: 2,
  });
  return passwordHash;
}

const uniq = () => randomBytes(4).toString('hex');

export interface UserSeed {
  email?: string;
  name?: string;
  role?: Role;
  organizationId?: string | null;
  departmentId?: string | null;
  /** Sugar for `visibilityScope: 'all'`. */
  canViewAll?: boolean;
  visibilityScope?: VisibilityScope | null;
  canViewOrganizationTickets?: boolean;
  active?: boolean;
  locale?: Locale;
}

export interface TicketSeed {
  subject?: string;
  description?: string;
  status?: string;
  priority?: TicketPriority;
  typeKey?: string;
  organizationId?: string | null;
  requesterId?: string | null;
  assigneeId?: string | null;
  groupId?: string | null;
  createdById?: string | null;
  dueAt?: Date | null;
  needsReply?: boolean;
}

/** Writes test data straight into the database, as a fixture, not through the API under test. */
export class Factory {
  constructor(private readonly db: DataSource) {}

  private async one<T>(text: string, params: unknown[]): Promise<T> {
    const rows = (await this.db.query(text, params)) as T[];
    return rows[0];
  }

  organization(name = `Org ${uniq()}`): Promise<{ id: string; name: string }> {
    return this.one('INSERT INTO organizations (name) VALUES ($1) RETURNING id, name', [name]);
  }

  department(
    name = `Dept ${uniq()}`,
    headId: string | null = null,
    parentId: string | null = null,
  ) {
    return this.one<{ id: string }>(
      'INSERT INTO departments (name, head_id, parent_id) VALUES ($1, $2, $3) RETURNING id',
      [name, headId, parentId],
    );
  }

  async group(name = `Group ${uniq()}`, memberIds: string[] = []): Promise<{ id: string }> {
    const g = await this.one<{ id: string }>('INSERT INTO groups (name) VALUES ($1) RETURNING id', [
      name,
    ]);
    for (const userId of memberIds) {
      await this.db.query('INSERT INTO group_members (group_id, user_id) VALUES ($1, $2)', [
        g.id,
        userId,
      ]);
    }
    return g;
  }

  async user(seed: UserSeed = {}): Promise<{ id: string; email: string; role: Role }> {
    const role = seed.role ?? 'agent';
    return this.one(
      `INSERT INTO users (email, password_hash, name, role, organization_id, department_id, visibility_scope,
                          can_view_organization_tickets, active, locale)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id, email, role`,
      [
        seed.email ?? `${role}-${uniq()}@example.test`,
        await testPasswordHash(),
        seed.name ?? `${role} ${uniq()}`,
        role,
        seed.organizationId ?? null,
        seed.departmentId ?? null,
        seed.visibilityScope ?? (seed.canViewAll ? 'all' : null),
        seed.canViewOrganizationTickets ?? false,
        seed.active ?? true,
        seed.locale ?? 'en',
      ],
    );
  }

  async ticket(seed: TicketSeed = {}): Promise<{ id: string; number: number; version: number }> {
    const status = seed.status ?? 'open';
    const row = await this.one<{ id: string; number: string; version: number }>(
      `INSERT INTO tickets (subject, description, priority, status, status_category, workflow_id, type_id,
                            organization_id, requester_id, assignee_id, group_id, created_by_id, due_at,
                            needs_reply, channel, resolved_at, closed_at)
       SELECT $1, $2, $3, $4, ws.category, tt.workflow_id, tt.id, $6, $7, $8, $9, $10, $11, $12, 'agent',
              CASE WHEN ws.category IN ('resolved', 'closed') THEN now() END,
              CASE WHEN ws.category = 'closed' THEN now() END
         FROM ticket_types tt
         JOIN workflow_statuses ws ON ws.workflow_id = tt.workflow_id AND ws.key = $4
        WHERE tt.key = $5
       RETURNING id, number, version`,
      [
        seed.subject ?? `Ticket ${uniq()}`,
        seed.description ?? '',
        seed.priority ?? 'normal',
        status,
        seed.typeKey ?? 'microclimate',
        seed.organizationId ?? null,
        seed.requesterId ?? null,
        seed.assigneeId ?? null,
        seed.groupId ?? null,
        seed.createdById ?? null,
        seed.dueAt ?? null,
        seed.needsReply ?? false,
      ],
    );
    if (!row) throw new Error(`No ticket type "${seed.typeKey}" or status "${status}"`);
    return { id: row.id, number: Number(row.number), version: row.version };
  }

  comment(ticketId: string, authorId: string, body: string, internal = false) {
    return this.one<{ id: string }>(
      'INSERT INTO ticket_comments (ticket_id, author_id, body, internal) VALUES ($1, $2, $3, $4) RETURNING id',
      [ticketId, authorId, body, internal],
    );
  }
}
