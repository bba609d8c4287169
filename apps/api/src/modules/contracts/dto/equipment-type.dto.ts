import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { CUSTOM_FIELD_KINDS, type CustomFieldKind } from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { FIELD_LIMITS, VersionField } from '../../../common/openapi/request-fields.js';
import { TranslatedTextDto } from '../../../common/openapi/translated-text.dto.js';
import { TranslatedTextInputDto } from '../../../common/openapi/translated-text-input.dto.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';
import {
  CustomFieldOptionDto,
  FIELD_KEY_PATTERN,
  MAX_FIELD_OPTIONS,
} from '../../custom-fields/index.js';
import { LineField, REGISTER_LIMITS } from './register-fields.js';

export const MAX_EQUIPMENT_FIELDS = 100;

/** A custom field of an equipment type: the ticket custom fields' kinds and rules. */
export class EquipmentFieldDto {
  @ApiProperty({
    pattern: FIELD_KEY_PATTERN.source,
    maxLength: FIELD_LIMITS.key,
    description: 'Key of the value in an item’s customFields; unique within the type',
  })
  @IsString()
  @Matches(FIELD_KEY_PATTERN, { message: 'key must match ^[a-z][a-z0-9_]{0,49}$' })
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ enum: CUSTOM_FIELD_KINDS })
  @IsIn(CUSTOM_FIELD_KINDS)
  kind!: CustomFieldKind;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Client contacts see the value' })
  @IsOptionalNonNull()
  @IsBoolean()
  clientVisible?: boolean;

  @ApiPropertyOptional({
    type: [CustomFieldOptionDto],
    maxItems: MAX_FIELD_OPTIONS,
    description: 'select and multi_select: at least one, with distinct values',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_FIELD_OPTIONS)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => CustomFieldOptionDto)
  options?: CustomFieldOptionDto[];

  @ApiPropertyOptional({ default: true, description: 'false hides it; items keep their values' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

/** A field as read: every setting filled in. */
export class EquipmentFieldReadDto {
  @ApiProperty() key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ enum: CUSTOM_FIELD_KINDS }) kind!: CustomFieldKind;
  @ApiProperty() required!: boolean;
  @ApiProperty() clientVisible!: boolean;
  @ApiProperty({ type: [CustomFieldOptionDto] }) options!: CustomFieldOptionDto[];
  @ApiProperty() active!: boolean;
}

export class EquipmentTypeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: [EquipmentFieldReadDto],
    description: 'In display order. Client contacts get the active client-visible fields only.',
  })
  fields!: EquipmentFieldReadDto[];
  @ApiPropertyOptional({ description: 'Send it back with a change. Staff only.' })
  version?: number;
}

export class EquipmentTypePageDto {
  @ApiProperty({ type: [EquipmentTypeDto] }) items!: EquipmentTypeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class EquipmentTypeListQueryDto extends PageQueryDto {}

export class CreateEquipmentTypeDto {
  @LineField(REGISTER_LIMITS.name)
  name!: string;

  @ApiPropertyOptional({ type: [EquipmentFieldDto], maxItems: MAX_EQUIPMENT_FIELDS })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_EQUIPMENT_FIELDS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EquipmentFieldDto)
  fields?: EquipmentFieldDto[];
}

export class UpdateEquipmentTypeDto {
  @VersionField()
  version!: number;

  @LineField(REGISTER_LIMITS.name, { optional: true })
  name?: string;

  @ApiPropertyOptional({
    type: [EquipmentFieldDto],
    maxItems: MAX_EQUIPMENT_FIELDS,
    description:
      'The whole new field list. A field’s kind cannot change; items keep the values of removed or inactive fields until they are next changed.',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_EQUIPMENT_FIELDS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EquipmentFieldDto)
  fields?: EquipmentFieldDto[];
}
