import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { TranslatedTextDto } from '../../../../common/openapi/translated-text.dto.js';
import { TranslatedTextInputDto } from '../../../../common/openapi/translated-text-input.dto.js';
import { IsOptionalNonNull } from '../../../../common/validation/dto-decorators.js';
import { IntField, UUID_SCHEMA, VersionField } from '../../../../common/openapi/request-fields.js';

export class CategoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null for a top-level category; a parent never has a parent itself',
  })
  parentId!: string | null;
  @ApiProperty({ type: TranslatedTextDto }) name!: TranslatedTextDto;
  @ApiProperty({ description: 'Clients may file tickets under it and see it' }) isPublic!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty() position!: number;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
}

export class CategoriesQueryDto {
  @ApiPropertyOptional({ description: 'Staff: include inactive categories' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}

export class CreateCategoryDto {
  @ApiProperty({ type: TranslatedTextInputDto })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name!: TranslatedTextInputDto;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'A top-level category (two levels only: 422 otherwise)',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  isPublic?: boolean;

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

export class UpdateCategoryDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ type: TranslatedTextInputDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => TranslatedTextInputDto)
  name?: TranslatedTextInputDto;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description:
      'null makes it top-level; a parent must be top-level and a category with children cannot get one (422)',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  isPublic?: boolean;

  @ApiPropertyOptional({ description: 'false: no new tickets under it; there is no delete' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @IntField({ min: 0, max: 100000, optional: 'non-null' })
  position?: number;
}
