import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
  QueryBoolean,
} from '../../../common/validation/dto-decorators.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { SubtreeOfField } from '../../../common/validation/subtree-of-field.js';

export class DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Parent department' })
  parentId!: string | null;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Head: sees the tickets of everyone in this department and below it',
  })
  headId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class DepartmentPageDto {
  @ApiProperty({ type: [DepartmentDto] }) items!: DepartmentDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class DepartmentListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Only direct children of this department' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  parentId?: string;

  @SubtreeOfField(
    "These departments (comma-separated) and every department below them: a department head's tree",
  )
  subtreeOf?: string[];
}

export class CreateDepartmentDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  parentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active staff user',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  headId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class UpdateDepartmentDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Not the department itself nor one below it (422)',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  parentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active staff user',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  headId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}
