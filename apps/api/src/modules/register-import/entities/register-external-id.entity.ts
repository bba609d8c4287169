import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The external id a CSV import knows a register row by (the client's own ERP or inventory key):
 * a re-import with the same id updates the row instead of adding another. Kept beside the
 * registers rather than as a column of each, so a row deleted later simply stops matching.
 */
@Entity('register_external_ids')
@Index('register_external_ids_row_idx', ['register', 'rowId'])
export class RegisterExternalId {
  @PrimaryColumn('varchar', {
    length: 20,
    primaryKeyConstraintName: 'register_external_ids_pkey',
  })
  register!: string;
  @PrimaryColumn('varchar', {
    name: 'external_id',
    length: 200,
    primaryKeyConstraintName: 'register_external_ids_pkey',
  })
  externalId!: string;
  @Column('uuid', { name: 'row_id' }) rowId!: string;
}
