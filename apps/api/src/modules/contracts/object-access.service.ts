import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { NotFoundError } from '../../common/errors/domain-errors.js';
import type {
  ContactObjectAccessDto,
  UpdateContactObjectAccessDto,
} from './dto/object-access.dto.js';
import { FieldErrors } from './register-errors.js';

/**
 * Where staff set access by object (CDESK): the service objects a client contact is limited to.
 * The rule that applies it is object-access.ts, inside the register and ticket visibility rules.
 */
@Injectable()
export class ContactObjectAccessService {
  constructor(private readonly db: DataSource) {}

  async get(userId: string, em: EntityManager = this.db.manager): Promise<ContactObjectAccessDto> {
    const organizationId = await this.contactOrganization(em, userId, false);
    const serviceObjects = await sql<{ id: string; name: string }>(
      em,
      `SELECT so.id, so.name FROM contact_object_access coa
         JOIN service_objects so ON so.id = coa.service_object_id
        WHERE coa.user_id = $1 ORDER BY so.name, so.id`,
      [userId],
    );
    return { userId, organizationId, serviceObjects };
  }

  /** Replaces the whole set; empty lifts the limit. */
  replace(userId: string, dto: UpdateContactObjectAccessDto): Promise<ContactObjectAccessDto> {
    return this.db.transaction(async (em) => {
      // Locked: two saves for one contact apply one after the other, never a mix.
      const organizationId = await this.contactOrganization(em, userId, true);
      const own = new Set(
        (
          await sql<{ id: string }>(
            em,
            'SELECT id FROM service_objects WHERE id = ANY($1::uuid[]) AND organization_id = $2',
            [dto.serviceObjectIds, organizationId],
          )
        ).map((r) => r.id),
      );
      const errors = new FieldErrors();
      dto.serviceObjectIds.forEach((id, i) => {
        if (!own.has(id)) {
          errors.add(
            `serviceObjectIds[${i}]`,
            'is not a service object of the contact’s organization',
          );
        }
      });
      errors.throwIfAny('access by object');
      await em.query('DELETE FROM contact_object_access WHERE user_id = $1', [userId]);
      if (dto.serviceObjectIds.length > 0) {
        await em.query(
          `INSERT INTO contact_object_access (user_id, service_object_id)
           SELECT $1, unnest($2::uuid[])`,
          [userId, dto.serviceObjectIds],
        );
      }
      return this.get(userId, em);
    });
  }

  /** A client contact with an organization; anyone else is 404 (no limit to set). */
  private async contactOrganization(
    em: EntityManager,
    userId: string,
    lock: boolean,
  ): Promise<string> {
    const [row] = await sql<{ organization_id: string | null }>(
      em,
      `SELECT organization_id FROM users WHERE id = $1 AND role = 'client'${lock ? ' FOR UPDATE' : ''}`,
      [userId],
    );
    if (!row?.organization_id) throw new NotFoundError('Contact');
    return row.organization_id;
  }
}
