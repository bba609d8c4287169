import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { NotFoundError, VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  AuthorizedRequesterDto,
  AuthorizedRequestersDto,
  UpdateAuthorizedRequestersDto,
} from './dto/authorized-requesters.dto.js';
import { NotAuthorizedRequesterError } from './authorized-requesters.errors.js';
import { FieldErrors } from './register-errors.js';

/**
 * CDESK's authorized requesters: per organization, the contacts who may file requests, each for
 * any request or only under one contract, and the switch that puts the list in force.
 */
@Injectable()
export class AuthorizedRequesters {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Whether `userId` may file a request for `organizationId` (under `contractId` when the request
   * names one). The list off (or never saved): yes. On: only a listed contact, listed for the
   * whole organization or for that contract; a request that names no contract is allowed to a
   * contact listed for any of the organization's contracts (e-mail cannot name one; the ticket
   * is linked to the contract afterwards). A contract of another organization is never allowed.
   * Whether the user is a contact of the organization at all is the caller's matter (the ticket
   * links check it); this answers the list only.
   */
  async mayFile(
    userId: string,
    organizationId: string,
    contractId?: string | null,
    em: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const [row] = await sql<{ allowed: boolean }>(
      em,
      `SELECT CASE
                WHEN $3::uuid IS NOT NULL AND NOT EXISTS
                     (SELECT 1 FROM contracts c WHERE c.id = $3::uuid AND c.organization_id = $2::uuid)
                  THEN false
                WHEN NOT coalesce((SELECT rl.enabled FROM requester_lists rl WHERE rl.organization_id = $2::uuid), false)
                  THEN true
                ELSE EXISTS (SELECT 1 FROM authorized_requesters ar
                              WHERE ar.organization_id = $2::uuid AND ar.user_id = $1::uuid
                                AND ($3::uuid IS NULL OR ar.contract_id IS NULL OR ar.contract_id = $3::uuid))
              END AS allowed`,
      [userId, organizationId, contractId ?? null],
    );
    return row.allowed;
  }

  /** mayFile, as the 403 every channel that answers a person at once gives (portal, API). */
  async assertMayFile(
    userId: string,
    organizationId: string,
    contractId: string | null | undefined,
    em: EntityManager = this.db.manager,
  ): Promise<void> {
    if (!(await this.mayFile(userId, organizationId, contractId, em))) {
      throw new NotAuthorizedRequesterError(!!contractId);
    }
  }

  /**
   * Whether anyone of the organization may file (its list off or never saved): mail from a new
   * address of an allowed domain files only then, since a contact created now is on no list.
   */
  async isOpen(organizationId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const [row] = await sql<{ enabled: boolean }>(
      em,
      'SELECT enabled FROM requester_lists WHERE organization_id = $1',
      [organizationId],
    );
    return !row?.enabled;
  }

  async get(
    organizationId: string,
    em: EntityManager = this.db.manager,
  ): Promise<AuthorizedRequestersDto> {
    const [org] = await sql<{ enabled: boolean | null; version: number | null }>(
      em,
      `SELECT rl.enabled, rl.version FROM organizations o
         LEFT JOIN requester_lists rl ON rl.organization_id = o.id
        WHERE o.id = $1`,
      [organizationId],
    );
    if (!org) throw new NotFoundError('Organization');
    const requesters = await sql<AuthorizedRequesterDto>(
      em,
      `SELECT ar.user_id AS "userId", u.name AS "userName", ar.contract_id AS "contractId",
              c.number AS "contractNumber"
         FROM authorized_requesters ar
         JOIN users u ON u.id = ar.user_id
         LEFT JOIN contracts c ON c.id = ar.contract_id
        WHERE ar.organization_id = $1
        ORDER BY u.name, u.id, c.number NULLS FIRST`,
      [organizationId],
    );
    return {
      organizationId,
      enabled: org.enabled ?? false,
      requesters,
      version: org.version ?? 0,
    };
  }

  /** Replaces the switch and the whole list, at the version read (0: never saved). */
  replace(
    organizationId: string,
    dto: UpdateAuthorizedRequestersDto,
  ): Promise<AuthorizedRequestersDto> {
    return this.db.transaction(async (em) => {
      const [org] = await sql<{ id: string }>(
        em,
        'SELECT id FROM organizations WHERE id = $1 FOR KEY SHARE',
        [organizationId],
      );
      if (!org) throw new NotFoundError('Organization');
      // The first save of two racing ones inserts; the other then waits on the row and sees 1.
      await em.query(
        `INSERT INTO requester_lists (organization_id, enabled, version, updated_at)
         VALUES ($1, false, 0, $2) ON CONFLICT (organization_id) DO NOTHING`,
        [organizationId, this.clock.now()],
      );
      const [current] = await sql<{ version: number }>(
        em,
        'SELECT version FROM requester_lists WHERE organization_id = $1 FOR UPDATE',
        [organizationId],
      );
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      await this.check(em, organizationId, dto, new FieldErrors());
      await em.query('DELETE FROM authorized_requesters WHERE organization_id = $1', [
        organizationId,
      ]);
      if (dto.requesters.length > 0) {
        await em.query(
          `INSERT INTO authorized_requesters (organization_id, user_id, contract_id)
           SELECT $1, r.user_id, r.contract_id
             FROM unnest($2::uuid[], $3::uuid[]) AS r (user_id, contract_id)`,
          [
            organizationId,
            dto.requesters.map((r) => r.userId),
            dto.requesters.map((r) => r.contractId ?? null),
          ],
        );
      }
      await em.query(
        `UPDATE requester_lists SET enabled = $2, version = version + 1, updated_at = $3
          WHERE organization_id = $1`,
        [organizationId, dto.enabled, this.clock.now()],
      );
      return this.get(organizationId, em);
    });
  }

  /** Each entry: a contact of this organization, a contract of it, listed once. */
  private async check(
    em: EntityManager,
    organizationId: string,
    dto: UpdateAuthorizedRequestersDto,
    errors: FieldErrors,
  ): Promise<void> {
    const userIds = [...new Set(dto.requesters.map((r) => r.userId))];
    const contractIds = [
      ...new Set(dto.requesters.map((r) => r.contractId).filter((id): id is string => !!id)),
    ];
    const contacts = new Set(
      (
        await sql<{ id: string }>(
          em,
          `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND role = 'client' AND organization_id = $2`,
          [userIds, organizationId],
        )
      ).map((r) => r.id),
    );
    const contracts = new Set(
      (
        await sql<{ id: string }>(
          em,
          'SELECT id FROM contracts WHERE id = ANY($1::uuid[]) AND organization_id = $2',
          [contractIds, organizationId],
        )
      ).map((r) => r.id),
    );
    const seen = new Set<string>();
    dto.requesters.forEach((r, i) => {
      if (!contacts.has(r.userId)) {
        errors.add(`requesters[${i}].userId`, 'is not a contact of this organization');
      }
      if (r.contractId && !contracts.has(r.contractId)) {
        errors.add(`requesters[${i}].contractId`, 'is not a contract of this organization');
      }
      const key = `${r.userId}/${r.contractId ?? ''}`;
      if (seen.has(key)) errors.add(`requesters[${i}]`, 'is listed twice');
      seen.add(key);
    });
    errors.throwIfAny('list of authorized requesters');
  }
}
