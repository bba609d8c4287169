import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { WEEKDAYS } from '@relaydesk/contracts';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { containsPattern, iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type {
  CreateServiceObjectDto,
  ServiceObjectDto,
  ServiceObjectListQueryDto,
  UpdateServiceObjectDto,
} from './dto/service-object.dto.js';
import {
  checkOrganization,
  deleteRegisterRow,
  lockForUpdate,
  updateSent,
} from './register-crud.js';
import { FieldErrors } from './register-errors.js';
import { registerPage } from './register-page.js';
import { isRegisterStaff, registerVisibility } from './register-visibility.js';

interface ObjectRow {
  id: string;
  organization_id: string;
  name: string;
  address: string;
  contact_id: string | null;
  contact_name: string | null;
  calendar_id: string | null;
  calendar_name: string | null;
  working_hours: { timeZone: string; week: { start: string; end: string }[][] } | null;
  notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `so.id, so.organization_id, so.name, so.address, so.contact_id,
  (SELECT u.name FROM users u WHERE u.id = so.contact_id) AS contact_name, so.calendar_id,
  (SELECT sc.name FROM sla_calendars sc WHERE sc.id = so.calendar_id) AS calendar_name,
  (SELECT json_build_object('timeZone', sc.time_zone, 'week', sc.week)
     FROM sla_calendars sc WHERE sc.id = so.calendar_id) AS working_hours,
  so.notes, so.version, so.created_at, so.updated_at`;

function toDto(r: ObjectRow, staff: boolean): ServiceObjectDto {
  const shown: ServiceObjectDto = {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    address: r.address,
    contactId: r.contact_id,
    contactName: r.contact_name,
    calendarId: r.calendar_id,
    calendarName: r.calendar_name,
    workingHours: r.working_hours && {
      timeZone: r.working_hours.timeZone,
      days: WEEKDAYS.map((day, i) => ({
        day,
        intervals: (r.working_hours!.week[i] ?? []).map(({ start, end }) => ({ start, end })),
      })),
    },
  };
  if (!staff) return shown;
  return {
    ...shown,
    notes: r.notes,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** Service objects: a client organization's sites, with a contact person and working hours. */
@Injectable()
export class ServiceObjectsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(reader: AuthUser, query: ServiceObjectListQueryDto): Promise<Page<ServiceObjectDto>> {
    const p = new SqlParams();
    const where = [registerVisibility(reader, p, 'service_objects', 'so')];
    if (query.organizationId) where.push(`so.organization_id = ${p.add(query.organizationId)}`);
    if (query.ids) where.push(`so.id = ANY(${p.add(query.ids)}::uuid[])`);
    if (query.q) {
      const contains = p.add(containsPattern(query.q));
      where.push(`(so.name ILIKE ${contains} OR so.address ILIKE ${contains})`);
    }
    const staff = isRegisterStaff(reader);
    return registerPage<ObjectRow, ServiceObjectDto>(
      this.db,
      {
        select: COLUMNS,
        from: 'service_objects so',
        where,
        params: p,
        order: { column: 'so.name', id: 'so.id', kind: 'text' },
        limit: query.limit,
        cursor: query.cursor,
      },
      (r) => toDto(r, staff),
    );
  }

  async get(
    reader: AuthUser,
    id: string,
    em: EntityManager = this.db.manager,
  ): Promise<ServiceObjectDto> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const [row] = await sql<ObjectRow>(
      em,
      `SELECT ${COLUMNS} FROM service_objects so
        WHERE so.id = ${idParam} AND ${registerVisibility(reader, p, 'service_objects', 'so')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Service object');
    return toDto(row, isRegisterStaff(reader));
  }

  create(reader: AuthUser, dto: CreateServiceObjectDto): Promise<ServiceObjectDto> {
    return this.db.transaction(async (em) => {
      const errors = new FieldErrors();
      await checkOrganization(em, errors, dto.organizationId);
      await this.checkLinks(em, errors, dto.organizationId, dto.contactId, dto.calendarId);
      errors.throwIfAny('service object');
      const now = this.clock.now();
      const [{ id }] = await sql<{ id: string }>(
        em,
        `INSERT INTO service_objects (organization_id, name, address, contact_id, calendar_id, notes,
                                      created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
        [
          dto.organizationId,
          dto.name.trim(),
          dto.address ?? '',
          dto.contactId ?? null,
          dto.calendarId ?? null,
          dto.notes ?? '',
          now,
        ],
      );
      return this.get(reader, id, em);
    });
  }

  update(reader: AuthUser, id: string, dto: UpdateServiceObjectDto): Promise<ServiceObjectDto> {
    return this.db.transaction(async (em) => {
      const current = await lockForUpdate<{ organization_id: string; version: number }>(
        em,
        'service_objects',
        'organization_id',
        id,
        dto.version,
        'Service object',
      );
      const errors = new FieldErrors();
      await this.checkLinks(em, errors, current.organization_id, dto.contactId, dto.calendarId);
      errors.throwIfAny('service object');
      await updateSent(em, 'service_objects', id, this.clock.now(), {
        name: dto.name?.trim(),
        address: dto.address,
        contact_id: dto.contactId,
        calendar_id: dto.calendarId,
        notes: dto.notes,
      });
      return this.get(reader, id, em);
    });
  }

  remove(id: string): Promise<void> {
    return deleteRegisterRow(
      this.db,
      'service_objects',
      id,
      'Service object',
      'Equipment is still at this service object; move or delete it first',
    );
  }

  /** The contact must be a contact (client user) of the object's organization. */
  private async checkLinks(
    em: EntityManager,
    errors: FieldErrors,
    organizationId: string,
    contactId: string | null | undefined,
    calendarId: string | null | undefined,
  ): Promise<void> {
    if (contactId) {
      const [user] = await sql<{ organization_id: string | null; role: string }>(
        em,
        'SELECT organization_id, role FROM users WHERE id = $1',
        [contactId],
      );
      if (!user) errors.add('contactId', 'no user with this id');
      else if (user.role !== 'client' || user.organization_id !== organizationId) {
        errors.add('contactId', 'is not a contact of the service object’s organization');
      }
    }
    if (calendarId) {
      const [calendar] = await sql<{ id: string }>(
        em,
        'SELECT id FROM sla_calendars WHERE id = $1',
        [calendarId],
      );
      if (!calendar) errors.add('calendarId', 'no business calendar with this id');
    }
  }
}
