import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { CustomFieldValues, EquipmentStatus } from '@relaydesk/contracts';
import { Organization } from '../../directory/index.js';
import { EquipmentType } from './equipment-type.entity.js';
import { ServiceObject } from './service-object.entity.js';

/**
 * A piece of equipment of a client organization, perhaps at one of its service objects, perhaps
 * a component of another item (`parent_id`, same organization, no cycles, bounded depth).
 */
@Entity('equipment_items')
@Index('equipment_items_created_id_idx', ['createdAt', 'id'])
@Index('equipment_items_organization_created_idx', ['organizationId', 'createdAt', 'id'])
@Index('equipment_items_service_object_idx', ['serviceObjectId'])
@Index('equipment_items_type_idx', ['typeId'])
@Index('equipment_items_parent_idx', ['parentId'])
// Prefix search by serial and inventory number, case-insensitive (lower(...) text_pattern_ops).
@Index('equipment_items_serial_prefix_idx', { synchronize: false })
@Index('equipment_items_inventory_prefix_idx', { synchronize: false })
@Check('equipment_items_status_check', `"status" IN ('in_service', 'under_repair', 'retired')`)
@Check('equipment_items_parent_check', `"parent_id" IS NULL OR "parent_id" <> "id"`)
export class EquipmentItem {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'type_id' }) typeId!: string;
  @ManyToOne(() => EquipmentType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'type_id' })
  type?: Relation<EquipmentType>;
  @Column('uuid', { name: 'organization_id' }) organizationId!: string;
  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: Relation<Organization>;
  @Column('uuid', { name: 'service_object_id', nullable: true }) serviceObjectId!: string | null;
  @ManyToOne(() => ServiceObject, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_object_id' })
  serviceObject?: Relation<ServiceObject>;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId!: string | null;
  @ManyToOne(() => EquipmentItem, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<EquipmentItem>;
  @Column('varchar', { length: 200, default: '' }) manufacturer!: string;
  @Column('varchar', { length: 200, default: '' }) model!: string;
  @Column('varchar', { name: 'serial_number', length: 100, nullable: true })
  serialNumber!: string | null;
  @Column('varchar', { name: 'inventory_number', length: 100, nullable: true })
  inventoryNumber!: string | null;
  @Column('date', { name: 'installed_on', nullable: true }) installedOn!: string | null;
  @Column('date', { name: 'warranty_until', nullable: true }) warrantyUntil!: string | null;
  @Column('varchar', { length: 12, default: 'in_service' }) status!: EquipmentStatus;
  /** Values of the type's custom fields, checked by the ticket custom fields' validator. */
  @Column('jsonb', { name: 'custom_fields', default: () => "'{}'" })
  customFields!: CustomFieldValues;
  @Column('int', { default: 1 }) version!: number;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt!: Date;
}
