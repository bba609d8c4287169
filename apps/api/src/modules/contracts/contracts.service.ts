import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { containsPattern, iso, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import { ConflictError, NotFoundError } from '../../common/errors/domain-errors.js';
import type { Page } from '../../common/pagination/cursor.js';
import { Clock } from '../../common/time/clock.js';
import type {
  ContractDto,
  ContractListQueryDto,
  CreateContractDto,
  UpdateContractDto,
} from './dto/contract.dto.js';
import { contractStatusFilter, contractStatusSql, contractToday } from './contract-status.js';
import { checkOrganization, lockForUpdate, updateSent } from './register-crud.js';
import { deleteOrConflict, FieldErrors, uniqueOr422 } from './register-errors.js';
import { registerPage } from './register-page.js';
import { isRegisterStaff, registerVisibility } from './register-visibility.js';

interface ContractRow {
  id: string;
  organization_id: string;
  number: string;
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  status: ContractDto['status'];
  stored_status: NonNullable<ContractDto['storedStatus']>;
  sla_policy_id: string | null;
  allowance_seconds: number | null;
  allowance_period: ContractDto['allowancePeriod'];
  billing_notes: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

const columns = (today: string) => `c.id, c.organization_id, c.number, c.title,
  c.valid_from::text AS valid_from, c.valid_to::text AS valid_to,
  ${contractStatusSql('c', today)} AS status, c.status AS stored_status, c.sla_policy_id,
  c.allowance_seconds, c.allowance_period, c.billing_notes, c.version, c.created_at, c.updated_at`;

/** Staff read every field; a client contact the summary. */
function toDto(r: ContractRow, staff: boolean): ContractDto {
  const summary: ContractDto = {
    id: r.id,
    organizationId: r.organization_id,
    number: r.number,
    title: r.title,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
  };
  if (!staff) return summary;
  return {
    ...summary,
    storedStatus: r.stored_status,
    slaPolicyId: r.sla_policy_id,
    allowanceSeconds: r.allowance_seconds,
    allowancePeriod: r.allowance_period,
    billingNotes: r.billing_notes,
    version: r.version,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

const NUMBER_TAKEN_TEXT = 'is already used by another contract of this organization';
const NUMBER_TAKEN = [
  'contracts_organization_number_key',
  'contract',
  'number',
  NUMBER_TAKEN_TEXT,
] as const;

type Merged = Pick<
  ContractRow,
  'valid_from' | 'valid_to' | 'allowance_seconds' | 'allowance_period' | 'sla_policy_id'
>;

/** Contracts with client organizations (issue 18). Staff with contracts.manage keep them. */
@Injectable()
export class ContractsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  list(reader: AuthUser, query: ContractListQueryDto): Promise<Page<ContractDto>> {
    const p = new SqlParams();
    const today = p.add(contractToday(this.clock.now()));
    const where = [registerVisibility(reader, p, 'contracts', 'c')];
    if (query.organizationId) where.push(`c.organization_id = ${p.add(query.organizationId)}`);
    if (query.ids) where.push(`c.id = ANY(${p.add(query.ids)}::uuid[])`);
    if (query.status) where.push(contractStatusFilter('c', query.status, p, today));
    if (query.q) {
      const contains = p.add(containsPattern(query.q));
      where.push(`(c.number ILIKE ${contains} OR c.title ILIKE ${contains})`);
    }
    const staff = isRegisterStaff(reader);
    return registerPage<ContractRow, ContractDto>(
      this.db,
      {
        select: columns(today),
        from: 'contracts c',
        where,
        params: p,
        order: { column: 'c.number', id: 'c.id', kind: 'text' },
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
  ): Promise<ContractDto> {
    const p = new SqlParams();
    const idParam = p.add(id);
    const today = p.add(contractToday(this.clock.now()));
    const [row] = await sql<ContractRow>(
      em,
      `SELECT ${columns(today)} FROM contracts c
        WHERE c.id = ${idParam} AND ${registerVisibility(reader, p, 'contracts', 'c')}`,
      p.values,
    );
    if (!row) throw new NotFoundError('Contract');
    return toDto(row, isRegisterStaff(reader));
  }

  create(reader: AuthUser, dto: CreateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (em) => {
      const errors = new FieldErrors();
      await checkOrganization(em, errors, dto.organizationId);
      await this.check(em, errors, null, dto.organizationId, dto.number, {
        valid_from: dto.validFrom ?? null,
        valid_to: dto.validTo ?? null,
        allowance_seconds: dto.allowanceSeconds ?? null,
        allowance_period: dto.allowancePeriod ?? null,
        sla_policy_id: dto.slaPolicyId ?? null,
      });
      errors.throwIfAny('contract');
      const now = this.clock.now();
      const [{ id }] = await uniqueOr422(
        () =>
          sql<{ id: string }>(
            em,
            `INSERT INTO contracts (organization_id, number, title, valid_from, valid_to, status, sla_policy_id,
                                allowance_seconds, allowance_period, billing_notes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
            [
              dto.organizationId,
              dto.number.trim(),
              dto.title.trim(),
              dto.validFrom ?? null,
              dto.validTo ?? null,
              dto.status ?? 'draft',
              dto.slaPolicyId ?? null,
              dto.allowanceSeconds ?? null,
              dto.allowancePeriod ?? null,
              dto.billingNotes ?? '',
              now,
            ],
          ),
        ...NUMBER_TAKEN,
      );
      return this.get(reader, id, em);
    });
  }

  update(reader: AuthUser, id: string, dto: UpdateContractDto): Promise<ContractDto> {
    return this.db.transaction(async (em) => {
      const current = await lockForUpdate<ContractRow>(
        em,
        'contracts',
        `id, organization_id, number, valid_from::text AS valid_from, valid_to::text AS valid_to,
         allowance_seconds, allowance_period, sla_policy_id`,
        id,
        dto.version,
        'Contract',
      );
      const pick = <K extends keyof Merged>(key: K, sent: Merged[K] | undefined): Merged[K] =>
        sent === undefined ? current[key] : sent;
      const errors = new FieldErrors();
      await this.check(
        em,
        errors,
        id,
        current.organization_id,
        dto.number,
        {
          valid_from: pick('valid_from', dto.validFrom),
          valid_to: pick('valid_to', dto.validTo),
          allowance_seconds: pick('allowance_seconds', dto.allowanceSeconds),
          allowance_period: pick('allowance_period', dto.allowancePeriod),
          sla_policy_id: pick('sla_policy_id', dto.slaPolicyId),
        },
        dto.slaPolicyId !== undefined,
      );
      errors.throwIfAny('contract');
      await uniqueOr422(
        () =>
          updateSent(em, 'contracts', id, this.clock.now(), {
            number: dto.number?.trim(),
            title: dto.title?.trim(),
            valid_from: dto.validFrom,
            valid_to: dto.validTo,
            status: dto.status,
            sla_policy_id: dto.slaPolicyId,
            allowance_seconds: dto.allowanceSeconds,
            allowance_period: dto.allowancePeriod,
            billing_notes: dto.billingNotes,
          }),
        ...NUMBER_TAKEN,
      );
      return this.get(reader, id, em);
    });
  }

  /**
   * A contract that still holds documents is not deleted (409): its files go first, each with
   * its line in the file history, so a deletion never leaves bytes in the store that no row
   * names. Locked first, so an upload running meanwhile either committed (and is seen here) or
   * finds the contract gone (and removes its own bytes).
   */
  remove(id: string): Promise<void> {
    return deleteOrConflict(
      () =>
        this.db.transaction(async (em) => {
          const [row] = await sql<{ id: string }>(
            em,
            'SELECT id FROM contracts WHERE id = $1 FOR UPDATE',
            [id],
          );
          if (!row) throw new NotFoundError('Contract');
          const [document] = await sql<{ id: string }>(
            em,
            'SELECT id FROM contract_documents WHERE contract_id = $1 AND deleted_at IS NULL LIMIT 1',
            [id],
          );
          if (document) {
            throw new ConflictError('The contract still holds documents; delete them first');
          }
          await em.query('DELETE FROM contracts WHERE id = $1', [id]);
        }),
      'The contract is still referenced; it cannot be deleted',
    );
  }

  /** The rules of a contract's merged state; every failing field at once. */
  private async check(
    em: EntityManager,
    errors: FieldErrors,
    id: string | null,
    organizationId: string,
    number: string | undefined,
    merged: Merged,
    policySent = true,
  ): Promise<void> {
    if (number !== undefined) {
      const [taken] = await sql<{ id: string }>(
        em,
        'SELECT id FROM contracts WHERE organization_id = $1 AND number = $2 AND id IS DISTINCT FROM $3',
        [organizationId, number.trim(), id],
      );
      if (taken) errors.add('number', NUMBER_TAKEN_TEXT);
    }
    if (merged.valid_from && merged.valid_to && merged.valid_to < merged.valid_from) {
      errors.add('validTo', 'must not be before validFrom');
    }
    if ((merged.allowance_seconds === null) !== (merged.allowance_period === null)) {
      errors.add(
        merged.allowance_seconds === null ? 'allowanceSeconds' : 'allowancePeriod',
        'allowanceSeconds and allowancePeriod go together: set both or neither',
      );
    }
    if (policySent && merged.sla_policy_id) {
      const [policy] = await sql<{ id: string }>(em, 'SELECT id FROM sla_policies WHERE id = $1', [
        merged.sla_policy_id,
      ]);
      if (!policy) errors.add('slaPolicyId', 'no SLA policy with this id');
    }
  }
}
