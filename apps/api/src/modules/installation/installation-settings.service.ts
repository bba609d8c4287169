import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { sql } from '../../common/database/sql.js';
import { BusinessRuleError, VersionConflictError } from '../../common/errors/domain-errors.js';
import { Clock } from '../../common/time/clock.js';
import type {
  InstallationSettingsDto,
  UpdateInstallationSettingsDto,
} from './dto/installation-settings.dto.js';

interface Row {
  company_name: string;
  legal_name: string;
  address: string;
  tax_id: string;
  registration_id: string;
  phone: string;
  email: string;
  currency: string;
  time_zone: string;
  version: number;
}

/** DTO field → column, in the order they are written. */
const COLUMNS = {
  companyName: 'company_name',
  legalName: 'legal_name',
  address: 'address',
  taxId: 'tax_id',
  registrationId: 'registration_id',
  phone: 'phone',
  email: 'email',
  currency: 'currency',
  timeZone: 'time_zone',
} as const satisfies Partial<Record<keyof UpdateInstallationSettingsDto, string>>;

/** Whether Intl knows the zone (the SLA calendars check theirs the same way). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The installation's one settings row: company details and time zone (docs/installation.md). */
@Injectable()
export class InstallationSettingsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(em: EntityManager = this.db.manager): Promise<InstallationSettingsDto> {
    const [r] = await sql<Row>(
      em,
      `SELECT company_name, legal_name, address, tax_id, registration_id, phone, email, currency,
              time_zone, version
         FROM installation_settings WHERE id = 1`,
    );
    return {
      companyName: r?.company_name ?? '',
      legalName: r?.legal_name ?? '',
      address: r?.address ?? '',
      taxId: r?.tax_id ?? '',
      registrationId: r?.registration_id ?? '',
      phone: r?.phone ?? '',
      email: r?.email ?? '',
      currency: r?.currency ?? '',
      timeZone: r?.time_zone ?? 'UTC',
      version: r?.version ?? 1,
    };
  }

  update(dto: UpdateInstallationSettingsDto): Promise<InstallationSettingsDto> {
    if (dto.timeZone !== undefined && !isKnownTimeZone(dto.timeZone)) {
      throw new BusinessRuleError('Unknown time zone', [
        { field: 'timeZone', message: 'is not an IANA time zone, e.g. Europe/Prague' },
      ]);
    }
    return this.db.transaction(async (em) => {
      const [row] = await sql<{ version: number }>(
        em,
        'SELECT version FROM installation_settings WHERE id = 1 FOR UPDATE',
      );
      if (row.version !== dto.version) throw new VersionConflictError(row.version);
      const sets: string[] = [];
      const params: unknown[] = [];
      for (const [field, column] of Object.entries(COLUMNS)) {
        const value = dto[field as keyof typeof COLUMNS];
        if (value === undefined) continue;
        params.push(value.trim());
        sets.push(`${column} = $${params.length}`);
      }
      params.push(this.clock.now());
      await em.query(
        `UPDATE installation_settings
            SET ${[...sets, `version = version + 1`, `updated_at = $${params.length}`].join(', ')}
          WHERE id = 1`,
        params,
      );
      return this.get(em);
    });
  }
}
