import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Permission, roleHasPermission } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import { containsPattern, iso, pageByName, SqlParams } from '../../common/database/crud-sql.js';
import { lockAtVersion, sentFields } from '../../common/database/versioned-repository.js';
import { Organization } from './entities/organization.entity.js';
import type {
  CreateOrganizationDto,
  OrganizationDto,
  OrganizationListQueryDto,
  OrganizationPageDto,
  UpdateOrganizationDto,
} from './dto/organization.dto.js';

interface OrganizationRow extends Omit<OrganizationDto, 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `o.id, o.name, o.tax_id AS "taxId", o.address, o.phone, o.email, o.notes, o.active,
  o.mail_domains AS "mailDomains", o.version, o.created_at AS "createdAt",
  o.updated_at AS "updatedAt"`;

const WRITABLE = [
  'name',
  'taxId',
  'address',
  'phone',
  'email',
  'notes',
  'active',
  'mailDomains',
] as const;

function toDto(row: OrganizationRow): OrganizationDto {
  return { ...row, createdAt: iso(row.createdAt), updatedAt: iso(row.updatedAt) };
}

/** What a client contact sees of their own organization: how to reach it, nothing the desk keeps. */
const CLIENT_ORGANIZATION_FIELDS = ['id', 'name', 'taxId', 'address', 'phone', 'email'] as const;

/** The organization as the caller may see it: staff get every field, clients the public ones. */
function forCaller(caller: AuthUser): (row: OrganizationRow) => OrganizationDto {
  if (roleHasPermission(caller.role, Permission.DirectoryRead)) return toDto;
  return (row) =>
    Object.fromEntries(
      CLIENT_ORGANIZATION_FIELDS.map((key) => [key, row[key]]),
    ) as unknown as OrganizationDto;
}

/**
 * Who sees which organization, as one SQL condition on alias `o`: staff see all of them, a
 * client contact only their own. List and detail both filter through it.
 */
export function organizationVisibility(user: AuthUser, p: SqlParams): string {
  if (roleHasPermission(user.role, Permission.DirectoryRead)) return 'TRUE';
  return user.organizationId ? `o.id = ${p.add(user.organizationId)}` : 'FALSE';
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(caller: AuthUser, query: OrganizationListQueryDto): Promise<OrganizationPageDto> {
    const p = new SqlParams();
    const where = [organizationVisibility(caller, p)];
    if (query.active !== undefined) where.push(`o.active = ${p.add(query.active)}`);
    if (query.q) {
      const pattern = p.add(containsPattern(query.q));
      where.push(
        `(o.name ILIKE ${pattern} OR o.tax_id ILIKE ${pattern} OR o.email ILIKE ${pattern})`,
      );
    }
    return pageByName<OrganizationRow, OrganizationDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'organizations o',
        alias: 'o',
        where,
        params: p,
        limit: query.limit,
        cursor: query.cursor,
      },
      forCaller(caller),
    );
  }

  async get(
    caller: AuthUser,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<OrganizationDto> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const visible = organizationVisibility(caller, p);
    const [row] = await sql<OrganizationRow>(
      em,
      `SELECT ${COLUMNS} FROM organizations o WHERE o.id = ${idParam} AND ${visible}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Organization');
    return forCaller(caller)(row);
  }

  create(dto: CreateOrganizationDto): Promise<OrganizationDto> {
    // A transaction even for one statement: with an Idempotency-Key, its commit is what marks
    // the key as carried out (IdempotencyCommitSubscriber).
    return this.db.transaction(async (em) => {
      const now = this.clock.now();
      const repo = em.getRepository(Organization);
      const organization = repo.create({
        name: dto.name,
        taxId: dto.taxId ?? null,
        address: dto.address ?? null,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        notes: dto.notes ?? null,
        active: dto.active ?? true,
        mailDomains: dto.mailDomains ?? [],
        createdAt: now,
        updatedAt: now,
      });
      // The generated id and version land on the entity.
      await repo.insert(organization);
      return toDto(organization);
    });
  }

  async update(caller: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<OrganizationDto> {
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Organization);
      await lockAtVersion(repo, id, dto.version, 'Organization');
      await repo.update(id, { ...sentFields(dto, WRITABLE), updatedAt: this.clock.now() });
      return this.get(caller, id, em);
    });
  }
}
