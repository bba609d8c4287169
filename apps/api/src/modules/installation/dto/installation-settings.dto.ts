import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { VersionField } from '../../../common/openapi/request-fields.js';
import { TextField } from '../../../common/validation/record-fields.js';

/** The field limits, shared by the entity's columns and the DTO. */
export const INSTALLATION_LIMITS = {
  companyName: 200,
  legalName: 300,
  address: 1000,
  taxId: 50,
  registrationId: 50,
  phone: 50,
  email: 254,
  timeZone: 64,
} as const;

export class InstallationSettingsDto {
  @ApiProperty({ description: 'The service provider’s name as printed on protocols' })
  companyName!: string;
  @ApiProperty({ description: 'Full legal name' }) legalName!: string;
  @ApiProperty() address!: string;
  @ApiProperty({ description: 'Tax id (ИНН, DIČ, VAT number)' }) taxId!: string;
  @ApiProperty({ description: 'Company registration number (ОГРН, IČO)' })
  registrationId!: string;
  @ApiProperty() phone!: string;
  @ApiProperty() email!: string;
  @ApiProperty({
    description: 'ISO 4217 code printed beside sums (CZK, RUB, EUR); empty: none',
    pattern: '^([A-Z]{3})?$',
  })
  currency!: string;
  @ApiProperty({ description: 'IANA time zone printed dates are in, e.g. Europe/Prague' })
  timeZone!: string;
  @ApiProperty() version!: number;
}

/** Only the fields sent change; `version` is the one read (409 when stale). */
export class UpdateInstallationSettingsDto {
  @VersionField() version!: number;
  @TextField(INSTALLATION_LIMITS.companyName, { optional: true }) companyName?: string;
  @TextField(INSTALLATION_LIMITS.legalName, { optional: true }) legalName?: string;
  @TextField(INSTALLATION_LIMITS.address, { optional: true }) address?: string;
  @TextField(INSTALLATION_LIMITS.taxId, { optional: true }) taxId?: string;
  @TextField(INSTALLATION_LIMITS.registrationId, { optional: true }) registrationId?: string;
  @TextField(INSTALLATION_LIMITS.phone, { optional: true }) phone?: string;
  @TextField(INSTALLATION_LIMITS.email, { optional: true })
  @Matches(/^$|^[^\s@]+@[^\s@]+$/, { message: 'email must be an e-mail address or empty' })
  email?: string;
  @TextField(3, { optional: true })
  @Matches(/^([A-Z]{3})?$/, { message: 'currency must be an ISO 4217 code like CZK, or empty' })
  currency?: string;
  @TextField(INSTALLATION_LIMITS.timeZone, {
    optional: true,
    description: 'IANA time zone, e.g. Europe/Prague (422 when unknown)',
  })
  timeZone?: string;
}
