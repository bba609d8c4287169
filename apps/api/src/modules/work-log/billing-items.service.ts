import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user.js';
import { containsPattern, SqlParams } from '../../common/database/crud-sql.js';
import { sql } from '../../common/database/sql.js';
import {
  ConflictError,
  NotFoundError,
  VersionConflictError,
} from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  BillingItemDto,
  BillingItemListDto,
  BillingItemListQueryDto,
  CreateBillingItemDto,
  UpdateBillingItemDto,
} from './dto/billing-item.dto.js';
import type { LocalizedNames } from './entities/billing-item.entity.js';

interface BillingItemRow {
  id: string;
  name: string;
  names: LocalizedNames;
  unit: string;
  price: string;
  active: boolean;
  version: number;
}

const toDto = (r: BillingItemRow): BillingItemDto => ({
  id: r.id,
  name: r.name,
  names: r.names,
  unit: r.unit,
  price: Number(r.price),
  active: r.active,
  version: r.version,
});

const COLUMNS = 'id, name, names, unit, price, active, version';

/** Drops blank translations so an empty field falls back to the plain name. */
function cleanNames(names: LocalizedNames | undefined): LocalizedNames | undefined {
  if (!names) return undefined;
  const out: LocalizedNames = {};
  for (const [k, v] of Object.entries(names) as [keyof LocalizedNames, string | undefined][]) {
    if (v?.trim()) out[k] = v.trim();
  }
  return out;
}

/** The price list: a short list (tens of lines), so it is read whole, by name. */
@Injectable()
export class BillingItemsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(_reader: AuthUser, query: BillingItemListQueryDto): Promise<BillingItemListDto> {
    const p = new SqlParams();
    const where: string[] = [];
    if (query.active !== undefined) where.push(`active = ${p.add(query.active)}`);
    if (query.q) where.push(`name ILIKE ${p.add(containsPattern(query.q))}`);
    const rows = await sql<BillingItemRow>(
      this.db,
      `SELECT ${COLUMNS} FROM billing_items ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY name, id LIMIT 1000`,
      p.values,
    );
    return { items: rows.map(toDto) };
  }

  async get(id: string, em: EntityManager = this.db.manager): Promise<BillingItemDto> {
    const [row] = await sql<BillingItemRow>(
      em,
      `SELECT ${COLUMNS} FROM billing_items WHERE id = $1`,
      [id],
    );
    if (!row) throw new NotFoundError('Billing item');
    return toDto(row);
  }

  async create(dto: CreateBillingItemDto): Promise<BillingItemDto> {
    const now = this.clock.now();
    const [{ id }] = await sql<{ id: string }>(
      this.db,
      `INSERT INTO billing_items (name, names, unit, price, active, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
      [
        dto.name.trim(),
        JSON.stringify(cleanNames(dto.names) ?? {}),
        dto.unit.trim(),
        dto.price,
        dto.active ?? true,
        now,
      ],
    );
    return this.get(id);
  }

  update(id: string, dto: UpdateBillingItemDto): Promise<BillingItemDto> {
    return this.db.transaction(async (em) => {
      const [current] = await sql<{ version: number }>(
        em,
        'SELECT version FROM billing_items WHERE id = $1 FOR NO KEY UPDATE',
        [id],
      );
      if (!current) throw new NotFoundError('Billing item');
      if (current.version !== dto.version) throw new VersionConflictError(current.version);
      const p = new SqlParams();
      p.add(id);
      const sets = [`updated_at = ${p.add(this.clock.now())}`, 'version = version + 1'];
      const set = (column: string, value: unknown) => {
        if (value !== undefined) sets.push(`${column} = ${p.add(value)}`);
      };
      set('name', dto.name?.trim());
      const names = cleanNames(dto.names);
      set('names', names ? JSON.stringify(names) : undefined);
      set('unit', dto.unit?.trim());
      set('price', dto.price);
      set('active', dto.active);
      await em.query(`UPDATE billing_items SET ${sets.join(', ')} WHERE id = $1`, p.values);
      return this.get(id, em);
    });
  }

  /** An item entries use cannot go (their activity would vanish): retire it instead (409). */
  async remove(id: string): Promise<void> {
    try {
      const rows = await sql<{ id: string }>(
        this.db,
        'DELETE FROM billing_items WHERE id = $1 RETURNING id',
        [id],
      );
      if (rows.length === 0) throw new NotFoundError('Billing item');
    } catch (error) {
      const code =
        (error as { code?: string; driverError?: { code?: string } }).driverError?.code ??
        (error as { code?: string }).code;
      if (code === '23001' || code === '23503') {
        throw new ConflictError('Work entries use this billing item; set it inactive instead');
      }
      throw error;
    }
  }
}
