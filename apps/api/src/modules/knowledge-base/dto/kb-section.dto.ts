import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { KB_AUDIENCES, type KbAudience } from '@relaydesk/contracts';
import {
  FIELD_LIMITS,
  IntField,
  IsOptionalOrNull,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../common/validation/dto-decorators.js';

export const SECTION_ORGANIZATIONS_MAX = 200;

export class KbSectionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Order among its siblings, ascending' }) position!: number;
  @ApiProperty({
    enum: KB_AUDIENCES,
    description: 'Its own audience; a reader must also be let in by every section above it',
  })
  audience!: KbAudience;
  @ApiProperty({
    type: [String],
    description:
      'Staff only (empty for others): a clients section with organizations is for their clients only',
  })
  organizationIds!: string[];
  @ApiProperty() version!: number;
}

export class CreateKbSectionDto {
  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'null: a top section',
  })
  @IsOptionalOrNull()
  @LowerCaseIds()
  @IsUUID()
  parentId?: string | null;
  @ApiProperty({ maxLength: FIELD_LIMITS.name })
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.name)
  name!: string;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(2000)
  description?: string;
  @IntField({ min: 0, max: 1_000_000, optional: 'non-null', default: 0 })
  position?: number;
  @ApiProperty({ enum: KB_AUDIENCES })
  @IsIn(KB_AUDIENCES)
  audience!: KbAudience;
  @ApiPropertyOptional({
    type: [String],
    items: { type: 'string', ...UUID_SCHEMA },
    maxItems: SECTION_ORGANIZATIONS_MAX,
    description: 'For a clients section: only these organizations’ clients (empty: all clients)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECTION_ORGANIZATIONS_MAX)
  @ArrayUnique()
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  organizationIds?: string[];
}

export class UpdateKbSectionDto {
  @VersionField() version!: number;
  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Move it (with its subtree)',
  })
  @IsOptionalOrNull()
  @LowerCaseIds()
  @IsUUID()
  parentId?: string | null;
  @ApiPropertyOptional({ maxLength: FIELD_LIMITS.name })
  @IsOptionalNonNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(FIELD_LIMITS.name)
  name?: string;
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(2000)
  description?: string;
  @IntField({ min: 0, max: 1_000_000, optional: 'non-null' })
  position?: number;
  @ApiPropertyOptional({ enum: KB_AUDIENCES })
  @IsOptionalNonNull()
  @IsIn(KB_AUDIENCES)
  audience?: KbAudience;
  @ApiPropertyOptional({
    type: [String],
    items: { type: 'string', ...UUID_SCHEMA },
    maxItems: SECTION_ORGANIZATIONS_MAX,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(SECTION_ORGANIZATIONS_MAX)
  @ArrayUnique()
  @LowerCaseIds()
  @IsUUID('all', { each: true })
  organizationIds?: string[];
}

/** More siblings than any tree a person keeps in order by hand. */
export const SECTION_SIBLINGS_MAX = 500;

export class KbSectionOrderItemDto {
  @ApiProperty({ type: String, ...UUID_SCHEMA })
  @LowerCaseIds()
  @IsUUID()
  id!: string;
  @VersionField() version!: number;
}

export class KbSectionOrderDto {
  @ApiProperty({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Whose subsections these are; null: the top sections',
  })
  @ValidateIf((_object: unknown, value: unknown) => value !== null)
  @LowerCaseIds()
  @IsUUID()
  parentId!: string | null;
  @ApiProperty({
    type: [KbSectionOrderItemDto],
    minItems: 1,
    maxItems: SECTION_SIBLINGS_MAX,
    description:
      'Every subsection of the parent, each once, in the new order, with the version you read',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SECTION_SIBLINGS_MAX)
  @ValidateNested({ each: true })
  @Type(() => KbSectionOrderItemDto)
  sections!: KbSectionOrderItemDto[];
}
