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
import { TranslatedTextDto } from '../../../../common/openapi/translated-text.dto.js';
import { TranslatedTextInputDto } from '../../../../common/openapi/translated-text-input.dto.js';
import {
  CustomFieldOptionDto,
  FIELD_KEY_PATTERN,
  MAX_FIELD_OPTIONS,
} from '../../../custom-fields/index.js';
import { IsOptionalNonNull } from '../../../../common/validation/dto-decorators.js';
import { FIELD_LIMITS, IntField, VersionField } from '../../../../common/openapi/request-fields.js';

export class TicketTypeFieldDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Key of the value in a ticket’s customFields' }) key!: string;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ enum: CUSTOM_FIELD_KINDS }) kind!: CustomFieldKind;
  @ApiProperty() required!: boolean;
  @ApiProperty({ description: 'Clients see the value' }) clientVisible!: boolean;
  @ApiProperty({ description: 'Clients may set the value (implies clientVisible)' })
  clientEditable!: boolean;
  @ApiProperty({ type: [CustomFieldOptionDto], description: 'select and multi_select only' })
  options!: CustomFieldOptionDto[];
  @ApiProperty() active!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
}

export class CreateTicketTypeFieldDto {
  @ApiProperty({
    pattern: FIELD_KEY_PATTERN.source,
    maxLength: FIELD_LIMITS.key,
    description: 'Unique within the type',
  })
  @IsString()
  @Matches(FIELD_KEY_PATTERN, { message: 'key must match ^[a-z][a-z0-9_]{0,49}$' })
  key!: string;

  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiProperty({ enum: CUSTOM_FIELD_KINDS, description: 'Cannot be changed later' })
  @IsIn(CUSTOM_FIELD_KINDS)
  kind!: CustomFieldKind;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptionalNonNull()
  @IsBoolean()
  clientVisible?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Requires clientVisible' })
  @IsOptionalNonNull()
  @IsBoolean()
  clientEditable?: boolean;

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

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({
    min: 0,
    max: 100000,
    optional: 'non-null',
    description: 'Sort order; 0 when left out',
  })
  position?: number;
}

export class UpdateTicketTypeFieldDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ type: TranslatedTextInputDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name?: TranslatedTextInputDto;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  clientVisible?: boolean;

  @ApiPropertyOptional({ description: 'Requires clientVisible' })
  @IsOptionalNonNull()
  @IsBoolean()
  clientEditable?: boolean;

  @ApiPropertyOptional({
    type: [CustomFieldOptionDto],
    maxItems: MAX_FIELD_OPTIONS,
    description:
      'The whole new option list. Tickets keep values of removed options until they are next changed.',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_FIELD_OPTIONS)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => CustomFieldOptionDto)
  options?: CustomFieldOptionDto[];

  @ApiPropertyOptional({ description: 'false hides the field; tickets keep their values' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({ min: 0, max: 100000, optional: 'non-null' })
  position?: number;
}
