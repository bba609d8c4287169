import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import {
  columnChanges,
  containsPattern,
  lockVersioned,
  pageByName,
  SqlParams,
  updateVersioned,
} from '../../../common/database/crud-sql.js';
import { sql } from '../../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../../common/errors/domain-errors.js';
import { Clock } from '../../../common/time/clock.js';
import type {
  CreateServiceAccountDto,
  ServiceAccountDto,
  ServiceAccountListQueryDto,
  ServiceAccountPageDto,
  ServiceAccountRole,
  UpdateServiceAccountDto,
} from './dto/service-account.dto.js';

interface Row {
  id: string;
  name: string;
  description: string | null;
  role: ServiceAccountRole;
  groupIds: string[];
  canViewAll: boolean;
  active: boolean;
  activeTokens: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

// $1 is the clock's now in every statement that selects these columns.
const COLUMNS = `u.id, u.name, u.description, u.role,
  COALESCE(u.visibility_scope = 'all', false) AS "canViewAll", u.active,
  u.version, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
  ARRAY(SELECT gm.group_id FROM group_members gm WHERE gm.user_id = u.id ORDER BY gm.group_id)
    AS "groupIds",
  (SELECT count(*)::int FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > $1)) AS "activeTokens"`;

const WRITABLE: Partial<Record<keyof UpdateServiceAccountDto, string>> = {
  name: 'name',
  description: 'description',
  role: 'role',
  active: 'active',
};

const toDto = (r: Row): ServiceAccountDto => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/**
 * Service accounts: `users` rows flagged `service_account`, so that their tokens' requests are
 * judged by THE visibility rule exactly as a staff user's of the same role, groups and
 * canViewAll. They have no password and an address nobody reads (the `.invalid` top-level
 * domain, RFC 2606), are never welcomed by mail, and are left out of people lists.
 */
@Injectable()
export class ServiceAccountsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(query: ServiceAccountListQueryDto): Promise<ServiceAccountPageDto> {
    const p = new SqlParams();
    p.add(this.clock.now());
    const where = ['u.service_account'];
    if (query.active !== undefined) where.push(`u.active = ${p.add(query.active)}`);
    if (query.q) where.push(`u.name ILIKE ${p.add(containsPattern(query.q))}`);
    return pageByName<Row, ServiceAccountDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'users u',
        alias: 'u',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      toDto,
    );
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<ServiceAccountDto> {
    const [row] = await sql<Row>(
      em,
      `SELECT ${COLUMNS} FROM users u WHERE u.id = $2 AND u.service_account`,
      [this.clock.now(), id],
    );
    if (!row) throw new NotFoundError('Service account');
    return toDto(row);
  }

  async create(dto: CreateServiceAccountDto): Promise<ServiceAccountDto> {
    return this.db.transaction(async (em) => {
      const groupIds = dto.groupIds ?? [];
      await this.checkGroups(em, groupIds);
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO users (email, name, description, role, visibility_scope, service_account,
                            created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, true, $6, $6) RETURNING id`,
        [
          `service-account-${randomUUID()}@service-accounts.invalid`,
          dto.name.trim(),
          dto.description ?? null,
          dto.role,
          // Explicit, never null: null follows the installation default, and a default switched to
          // `all` must not widen a restricted token.
          dto.canViewAll ? 'all' : 'groups',
          now,
        ],
      );
      await this.replaceGroups(em, id, groupIds);
      return this.get(id, em);
    });
  }

  async update(id: string, dto: UpdateServiceAccountDto): Promise<ServiceAccountDto> {
    return this.db.transaction(async (em) => {
      const current = await lockVersioned<{ version: number; service_account: boolean }>(
        em,
        'users',
        'version, service_account',
        id,
        dto.version,
        'Service account',
      );
      // A person is not changed through this door (nor told apart from a missing account).
      if (!current.service_account) throw new NotFoundError('Service account');
      if (dto.groupIds) await this.checkGroups(em, dto.groupIds);
      const changes = columnChanges(dto, WRITABLE);
      if (typeof changes.name === 'string') changes.name = changes.name.trim();
      // An account's "sees every ticket" is the scope `all`; off is `groups`, never null (the
      // installation default), so switching the default to `all` does not widen the token.
      if (dto.canViewAll !== undefined)
        changes.visibility_scope = dto.canViewAll ? 'all' : 'groups';
      await updateVersioned(
        em,
        'users',
        id,
        dto.version,
        changes,
        this.clock.now(),
        'Service account',
      );
      if (dto.groupIds) await this.replaceGroups(em, id, dto.groupIds);
      return this.get(id, em);
    });
  }

  private async checkGroups(em: EntityManager, groupIds: string[]): Promise<void> {
    if (groupIds.length === 0) return;
    const found = await sql<{ id: string }>(
      em,
      'SELECT id FROM groups WHERE id = ANY($1::uuid[])',
      [groupIds],
    );
    const known = new Set(found.map((g) => g.id));
    const errors: ProblemFieldError[] = groupIds
      .map((groupId, i) => ({ groupId, i }))
      .filter(({ groupId }) => !known.has(groupId))
      .map(({ i }) => ({ field: `groupIds[${i}]`, message: 'no such group' }));
    if (errors.length) throw new BusinessRuleError('The service account cannot be saved', errors);
  }

  private async replaceGroups(em: EntityManager, id: string, groupIds: string[]): Promise<void> {
    await em.query(
      'DELETE FROM group_members WHERE user_id = $1 AND NOT (group_id = ANY($2::uuid[]))',
      [id, groupIds],
    );
    await em.query(
      `INSERT INTO group_members (group_id, user_id)
       SELECT g, $1 FROM unnest($2::uuid[]) g ON CONFLICT DO NOTHING`,
      [id, groupIds],
    );
  }
}
