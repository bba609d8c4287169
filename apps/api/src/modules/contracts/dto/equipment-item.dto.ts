import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import {
  EQUIPMENT_STATUSES,
  type CustomFieldValues,
  type EquipmentStatus,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  FIELD_LIMITS,
  MaxProperties,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { DateOnlyField, REGISTER_LIMITS, RefField, TextField } from './register-fields.js';

const STAFF_ONLY = 'Staff only: absent for client contacts.';
const CUSTOM_FIELDS_TEXT =
  'Values by field key of the item’s type, checked as ticket custom fields are (kinds, options, ' +
  'required fields; 422 with field `customFields.<key>`). A key with null clears it.';

export class EquipmentItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) typeId!: string;
  @ApiProperty() typeName!: string;
  @ApiProperty({ format: 'uuid' }) organizationId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) serviceObjectId!: string | null;
  @ApiProperty({ type: String, nullable: true }) serviceObjectName!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The item this one is a component of',
  })
  parentId!: string | null;
  @ApiProperty() manufacturer!: string;
  @ApiProperty() model!: string;
  @ApiProperty({ type: String, nullable: true }) serialNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) inventoryNumber!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) installedOn!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Inclusive' })
  warrantyUntil!: string | null;
  @ApiProperty({ enum: EQUIPMENT_STATUSES }) status!: EquipmentStatus;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Client contacts get the values of client-visible active fields only',
  })
  customFields!: CustomFieldValues;
  @ApiPropertyOptional({ description: `Send it back with a change. ${STAFF_ONLY}` })
  version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class EquipmentItemPageDto {
  @ApiProperty({ type: [EquipmentItemDto] }) items!: EquipmentItemDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class EquipmentItemListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  serviceObjectId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  typeId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Components of this item' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  parentId?: string;

  @ApiPropertyOptional({ enum: EQUIPMENT_STATUSES })
  @IsOptional()
  @IsIn(EQUIPMENT_STATUSES)
  status?: EquipmentStatus;
}

class EquipmentItemFields {
  @RefField({
    optional: true,
    nullable: true,
    description: 'A service object of the same organization; 422 otherwise',
  })
  serviceObjectId?: string | null;

  @RefField({
    optional: true,
    nullable: true,
    description:
      'The item this one is a component of: same organization, no cycle, at most 5 levels; 422 otherwise',
  })
  parentId?: string | null;

  @TextField(REGISTER_LIMITS.name, { optional: true })
  manufacturer?: string;

  @TextField(REGISTER_LIMITS.name, { optional: true })
  model?: string;

  @TextField(REGISTER_LIMITS.number, { optional: true, nullable: true })
  serialNumber?: string | null;

  @TextField(REGISTER_LIMITS.number, { optional: true, nullable: true })
  inventoryNumber?: string | null;

  @DateOnlyField({ optional: true, nullable: true })
  installedOn?: string | null;

  @DateOnlyField({ optional: true, nullable: true, description: 'Inclusive' })
  warrantyUntil?: string | null;

  @ApiPropertyOptional({ enum: EQUIPMENT_STATUSES, default: 'in_service' })
  @IsOptionalNonNull()
  @IsIn(EQUIPMENT_STATUSES)
  status?: EquipmentStatus;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    maxProperties: FIELD_LIMITS.customFields,
    description: CUSTOM_FIELDS_TEXT,
  })
  @IsOptionalNonNull()
  @IsObject()
  @MaxProperties(FIELD_LIMITS.customFields)
  customFields?: Record<string, unknown>;
}

export class CreateEquipmentItemDto extends EquipmentItemFields {
  @RefField({ description: 'An equipment type' })
  typeId!: string;

  @RefField({ description: 'The client organization (cannot change later)' })
  organizationId!: string;
}

export class UpdateEquipmentItemDto extends EquipmentItemFields {
  @VersionField()
  version!: number;

  @RefField({
    optional: true,
    description:
      'Another type: the stored values must fit its fields (as a ticket’s change of type)',
  })
  typeId?: string;
}
