import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The installation's own details, one row (id 1): the service provider's company as printed on
 * service protocols, and the time zone dates are printed in.
 */
@Entity('installation_settings')
@Check('installation_settings_singleton_check', `"id" = 1`)
export class InstallationSettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'installation_settings_pkey' })
  id!: number;
  @Column('varchar', { name: 'company_name', length: 200, default: '' }) companyName!: string;
  @Column('varchar', { name: 'legal_name', length: 300, default: '' }) legalName!: string;
  @Column('text', { default: '' }) address!: string;
  /** ИНН / DIČ / VAT number. */
  @Column('varchar', { name: 'tax_id', length: 50, default: '' }) taxId!: string;
  /** ОГРН / IČO / company registration number. */
  @Column('varchar', { name: 'registration_id', length: 50, default: '' })
  registrationId!: string;
  @Column('varchar', { length: 50, default: '' }) phone!: string;
  @Column('varchar', { length: 254, default: '' }) email!: string;
  /** ISO 4217 code printed beside sums; empty: sums without a currency. */
  @Column('varchar', { length: 3, default: '' }) currency!: string;
  /** IANA zone the installation's printed dates are in. */
  @Column('varchar', { name: 'time_zone', length: 64, default: 'UTC' }) timeZone!: string;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
