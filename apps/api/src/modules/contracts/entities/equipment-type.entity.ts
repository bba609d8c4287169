import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { CustomFieldKind, TranslatedText } from '@relaydesk/contracts';

/** One custom field of an equipment type, with the ticket custom fields' kinds and rules. */
export interface EquipmentFieldDefinition {
  key: string;
  name: TranslatedText;
  kind: CustomFieldKind;
  required: boolean;
  clientVisible: boolean;
  options: { value: string; name: TranslatedText }[];
  active: boolean;
}

/** A catalogue entry (printer, split system, server); its items' custom fields follow `fields`. */
@Entity('equipment_types')
@Index('equipment_types_name_id_idx', ['name', 'id'])
export class EquipmentType {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('varchar', { length: 200 }) name!: string;
  /** In display order; inactive fields keep their items' values hidden, as ticket fields do. */
  @Column('jsonb', { default: () => "'[]'" }) fields!: EquipmentFieldDefinition[];
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
