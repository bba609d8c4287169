import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { ProblemFieldError } from '@relaydesk/contracts';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { containsPattern, iso, pageByName, SqlParams } from '../../common/database/crud-sql.js';
import { lockAtVersion, sentFields } from '../../common/database/versioned-repository.js';
import { Group } from './entities/group.entity.js';
import { GroupMember } from './entities/group-member.entity.js';
import type {
  CreateGroupDto,
  GroupDto,
  GroupListQueryDto,
  GroupPageDto,
  UpdateGroupDto,
} from './dto/group.dto.js';
import {
  findNonStaff,
  nonStaffErrors,
  replaceMembers,
  staffFieldErrors,
} from './staff-references.js';

interface GroupRow extends Omit<GroupDto, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `g.id, g.name, g.description, g.lead_id AS "leadId", g.active, g.version,
  g.support_level AS "supportLevel", g.distribution,
  ARRAY(SELECT gm.user_id FROM group_members gm WHERE gm.group_id = g.id ORDER BY gm.user_id)
    AS "memberIds",
  g.created_at AS "createdAt", g.updated_at AS "updatedAt"`;

const WRITABLE = [
  'name',
  'description',
  'leadId',
  'active',
  'supportLevel',
  'distribution',
] as const;

function toDto(row: GroupRow): GroupDto {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

@Injectable()
export class GroupsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(query: GroupListQueryDto): Promise<GroupPageDto> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.active !== undefined) where.push(`g.active = ${p.add(query.active)}`);
    if (query.memberId !== undefined) {
      where.push(
        `EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = ${p.add(query.memberId)})`,
      );
    }
    if (query.q) where.push(`g.name ILIKE ${p.add(containsPattern(query.q))}`);
    return pageByName<GroupRow, GroupDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'groups g',
        alias: 'g',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      toDto,
    );
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<GroupDto> {
    const [row] = await sql<GroupRow>(em, `SELECT ${COLUMNS} FROM groups g WHERE g.id = $1`, [id]);
    if (!row) throw new NotFoundError('Group');
    return toDto(row);
  }

  async create(dto: CreateGroupDto): Promise<GroupDto> {
    return this.db.transaction(async (em) => {
      const memberIds = dto.memberIds ?? [];
      const errors = [
        ...(dto.leadId ? await staffFieldErrors(em, 'leadId', dto.leadId) : []),
        ...nonStaffErrors('memberIds', await findNonStaff(em, memberIds)),
      ];
      if (errors.length) throw new BusinessRuleError('The group cannot be saved', errors);
      const now = this.clock.now();
      const repo = em.getRepository(Group);
      const group = repo.create({
        name: dto.name,
        description: dto.description ?? null,
        leadId: dto.leadId ?? null,
        active: dto.active ?? true,
        supportLevel: dto.supportLevel ?? null,
        distribution: dto.distribution ?? 'manual',
        createdAt: now,
        updatedAt: now,
      });
      await repo.insert(group);
      await replaceMembers(em, 'group', group.id, memberIds);
      return this.get(group.id, em);
    });
  }

  async update(id: string, dto: UpdateGroupDto): Promise<GroupDto> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Group);
      const current = await lockAtVersion(repo, id, dto.version, 'Group');
      const errors: ProblemFieldError[] = [];
      if (dto.leadId && dto.leadId !== current.leadId) {
        errors.push(...(await staffFieldErrors(em, 'leadId', dto.leadId)));
      }
      if (dto.memberIds) {
        const members = await em.getRepository(GroupMember).findBy({ groupId: id });
        const memberIds = members.map((m) => m.userId);
        const bad = await findNonStaff(em, dto.memberIds, memberIds);
        errors.push(...nonStaffErrors('memberIds', bad));
      }
      if (errors.length) throw new BusinessRuleError('The group cannot be saved', errors);
      await repo.update(id, { ...sentFields(dto, WRITABLE), updatedAt: this.clock.now() });
      if (dto.memberIds) await replaceMembers(em, 'group', id, dto.memberIds);
      return this.get(id, em);
    });
  }
}
