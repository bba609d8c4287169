import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  CANNED_RESPONSE_PLACEHOLDERS_MAX,
  cannedResponsePlaceholders,
  type CannedResponseScope,
  type Locale,
  type ProblemFieldError,
} from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import {
  BusinessRuleError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { decodeCursor, toPage, type Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import {
  cannedVisibilityParams,
  cannedVisibilitySql,
  managesCannedResponses,
  mayKeep,
  usesCannedResponses,
} from './canned-response-access.js';
import type {
  CannedResponseDto,
  CannedResponseListQueryDto,
  CreateCannedResponseDto,
  UpdateCannedResponseDto,
} from './dto/canned-response.dto.js';

export interface CannedRow {
  id: string;
  title: string;
  body: string;
  scope: CannedResponseScope;
  owner_id: string | null;
  owner_name: string | null;
  group_id: string | null;
  group_name: string | null;
  language: Locale;
  type_ids: string[];
  category_ids: string[];
  usage_count: number;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const CANNED_SELECT = `SELECT c.id, c.title, c.body, c.scope, c.owner_id, o.name AS owner_name,
       c.group_id, g.name AS group_name, c.language, c.type_ids, c.category_ids, c.usage_count,
       c.version, c.created_at, c.updated_at
  FROM canned_responses c
  LEFT JOIN users o ON o.id = c.owner_id
  LEFT JOIN groups g ON g.id = c.group_id`;

/** Keeping canned responses: the admin page's list and the create, edit and delete behind it. */
@Injectable()
export class CannedResponsesService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(user: AuthUser, query: CannedResponseListQueryDto): Promise<Page<CannedResponseDto>> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, 'text');
    const params = cannedVisibilityParams(user, managesCannedResponses(user));
    const where = [cannedVisibilitySql(1)];
    const add = (value: unknown, condition: (p: string) => string) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.scope) add(query.scope, (p) => `c.scope = ${p}`);
    if (query.language) add(query.language, (p) => `c.language = ${p}`);
    if (query.groupId) add(query.groupId, (p) => `c.group_id = ${p}`);
    if (query.q?.trim()) {
      add(query.q.trim().toLowerCase(), (p) => `strpos(lower(c.title || ' ' || c.body), ${p}) > 0`);
    }
    if (cursor) {
      params.push(String(cursor.v), cursor.id);
      where.push(`(c.title, c.id) > ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await sql<CannedRow>(
      this.db,
      `${CANNED_SELECT} WHERE ${where.join(' AND ')} ORDER BY c.title, c.id LIMIT $${params.length}`,
      params,
    );
    return toPage(
      rows,
      limit,
      (r) => toCannedDto(r, user),
      (r) => ({ v: r.title, id: r.id }),
    );
  }

  async get(user: AuthUser, id: string): Promise<CannedResponseDto> {
    return toCannedDto(await this.visibleRow(this.db.manager, user, id), user);
  }

  async create(user: AuthUser, dto: CreateCannedResponseDto): Promise<CannedResponseDto> {
    const place = placeOf(user, dto.scope, dto.groupId ?? null, user.id);
    checkBody(dto.body);
    if (!mayKeep(user, place)) throw new ForbiddenError(notYoursToKeep(place.scope));
    return this.db.transaction(async (em) => {
      await checkReferences(em, place.groupId, dto.typeIds, dto.categoryIds);
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO canned_responses (title, body, scope, owner_id, group_id, language, type_ids,
                                       category_ids, created_by_id, updated_by_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $10) RETURNING id`,
        [
          dto.title.trim(),
          dto.body,
          place.scope,
          place.ownerId,
          place.groupId,
          dto.language,
          dto.typeIds ?? [],
          dto.categoryIds ?? [],
          user.id,
          now,
        ],
      );
      return toCannedDto(await this.visibleRow(em, user, id), user);
    });
  }

  async update(
    user: AuthUser,
    id: string,
    dto: UpdateCannedResponseDto,
  ): Promise<CannedResponseDto> {
    return this.db.transaction(async (em) => {
      const row = await this.visibleRow(em, user, id, true);
      const current = { scope: row.scope, ownerId: row.owner_id, groupId: row.group_id };
      if (!mayKeep(user, current)) throw new ForbiddenError(notYoursToKeep(row.scope));
      if (dto.version !== row.version) throw new VersionConflictError(row.version);
      const moved = dto.scope !== undefined || dto.groupId !== undefined;
      const scope = dto.scope ?? row.scope;
      const place = moved
        ? placeOf(
            user,
            scope,
            dto.groupId !== undefined ? dto.groupId : scope === 'group' ? row.group_id : null,
            scope === 'personal' ? (row.owner_id ?? user.id) : null,
          )
        : current;
      if (!mayKeep(user, place)) throw new ForbiddenError(notYoursToKeep(place.scope));
      if (dto.body !== undefined) checkBody(dto.body);
      await checkReferences(
        em,
        place.groupId !== row.group_id ? place.groupId : null,
        dto.typeIds,
        dto.categoryIds,
      );
      await em.query(
        `UPDATE canned_responses
            SET title = $2, body = $3, scope = $4, owner_id = $5, group_id = $6, language = $7,
                type_ids = $8, category_ids = $9, updated_by_id = $10, updated_at = $11,
                version = version + 1
          WHERE id = $1`,
        [
          id,
          dto.title?.trim() ?? row.title,
          dto.body ?? row.body,
          place.scope,
          place.ownerId,
          place.groupId,
          dto.language ?? row.language,
          dto.typeIds ?? row.type_ids,
          dto.categoryIds ?? row.category_ids,
          user.id,
          this.clock.now(),
        ],
      );
      return toCannedDto(await this.visibleRow(em, user, id), user);
    });
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const row = await this.visibleRow(em, user, id, true);
      if (!mayKeep(user, { scope: row.scope, ownerId: row.owner_id, groupId: row.group_id })) {
        throw new ForbiddenError(notYoursToKeep(row.scope));
      }
      await em.query('DELETE FROM canned_responses WHERE id = $1', [id]);
    });
  }

  /** The template if the caller sees it; 404 otherwise, as for one that does not exist. */
  async visibleRow(
    em: EntityManager,
    user: AuthUser,
    id: string,
    forUpdate = false,
  ): Promise<CannedRow> {
    if (!usesCannedResponses(user)) throw new NotFoundError('Canned response');
    const [row] = await sql<CannedRow>(
      em,
      `${CANNED_SELECT} WHERE c.id = $4 AND ${cannedVisibilitySql(1)}${forUpdate ? ' FOR UPDATE OF c' : ''}`,
      [...cannedVisibilityParams(user, managesCannedResponses(user)), id],
    );
    if (!row) throw new NotFoundError('Canned response');
    return row;
  }
}

function notYoursToKeep(scope: CannedResponseScope): string {
  return scope === 'global'
    ? 'Only holders of canned-responses.manage keep global canned responses'
    : scope === 'group'
      ? 'Only the group’s members keep its canned responses'
      : 'A personal canned response is kept by its owner alone';
}

function placeOf(
  user: AuthUser,
  scope: CannedResponseScope,
  groupId: string | null,
  ownerId: string | null,
): { scope: CannedResponseScope; ownerId: string | null; groupId: string | null } {
  if (scope === 'group' && !groupId) {
    throw new BusinessRuleError('A group canned response needs its group', [
      { field: 'groupId', message: 'is required for scope group' },
    ]);
  }
  if (scope !== 'group' && groupId) {
    throw new BusinessRuleError('Only a group canned response has a group', [
      { field: 'groupId', message: `must be empty for scope ${scope}` },
    ]);
  }
  return {
    scope,
    ownerId: scope === 'personal' ? (ownerId ?? user.id) : null,
    groupId: scope === 'group' ? groupId : null,
  };
}

/** More placeholders than any reply needs is a mistake (or an attempt to make rendering work). */
function checkBody(body: string): void {
  const count = cannedResponsePlaceholders(body).length;
  if (count > CANNED_RESPONSE_PLACEHOLDERS_MAX) {
    throw new BusinessRuleError(
      `A canned response holds at most ${CANNED_RESPONSE_PLACEHOLDERS_MAX} placeholders`,
      [{ field: 'body', message: `has ${count} placeholders` }],
    );
  }
}

async function checkReferences(
  em: EntityManager,
  groupId: string | null,
  typeIds: string[] | undefined,
  categoryIds: string[] | undefined,
): Promise<void> {
  const errors: ProblemFieldError[] = [];
  if (groupId) {
    const rows = await sql(em, 'SELECT 1 FROM groups WHERE id = $1', [groupId]);
    if (rows.length === 0) errors.push({ field: 'groupId', message: 'is not a known group' });
  }
  const missing = async (table: string, ids: string[] | undefined, field: string) => {
    if (!ids?.length) return;
    const [{ n }] = await sql<{ n: number }>(
      em,
      `SELECT count(*)::int AS n FROM ${table} WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    if (n !== ids.length) errors.push({ field, message: 'names an unknown id' });
  };
  await missing('ticket_types', typeIds, 'typeIds');
  await missing('categories', categoryIds, 'categoryIds');
  if (errors.length > 0) throw new BusinessRuleError('Unknown references', errors);
}

export function toCannedDto(r: CannedRow, user: AuthUser): CannedResponseDto {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    scope: r.scope,
    owner: r.owner_id ? { id: r.owner_id, name: r.owner_name ?? '' } : null,
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
    language: r.language,
    typeIds: r.type_ids,
    categoryIds: r.category_ids,
    usageCount: r.usage_count,
    version: r.version,
    canEdit: mayKeep(user, { scope: r.scope, ownerId: r.owner_id, groupId: r.group_id }),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
