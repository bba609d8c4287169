import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The work log's installation-wide settings: one row (id 1). */
@Entity('work_log_settings')
@Check('work_log_settings_singleton_check', `"id" = 1`)
export class WorkLogSettings {
  @PrimaryColumn('smallint', { primaryKeyConstraintName: 'work_log_settings_pkey' }) id!: number;
  /** On: client contacts read the billed (non-internal) entries of tickets they see. Off by default. */
  @Column('boolean', { name: 'clients_see_billed', default: false }) clientsSeeBilled!: boolean;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
