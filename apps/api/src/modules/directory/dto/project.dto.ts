import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ROLES, type Role } from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
  QueryBoolean,
} from '../../../common/validation/dto-decorators.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';

export const MAX_PROJECT_MEMBERS = 1000;

class PersonRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

class ProjectMemberRefDto extends PersonRefDto {
  @ApiProperty({ enum: ROLES }) role!: Role;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ maxLength: 5000 }) description!: string;
  @ApiProperty({
    format: 'uuid',
    description: 'Staff user to whom new tickets of the project are addressed',
  })
  managerId!: string;
  @ApiProperty({ type: PersonRefDto }) manager!: PersonRefDto;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description:
      'Staff users who, with the manager, see every ticket of the project, and client contacts who may file tickets against it (they still see only their own or their organization’s tickets)',
  })
  memberIds!: string[];
  @ApiProperty({
    type: [ProjectMemberRefDto],
    description:
      'The active members by name: whom the manager may hand a ticket of the project to (staff)',
  })
  members!: ProjectMemberRefDto[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

class ProjectRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

/** The projects one may file tickets against: their ids and names, nothing of the rest. */
export class MyProjectListDto {
  @ApiProperty({ type: [ProjectRefDto], maxItems: 200 }) items!: ProjectRefDto[];
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] }) items!: ProjectDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ProjectListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Only projects this user manages or is a member of',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  memberId?: string;
}

export class CreateProjectDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ maxLength: 5000, default: '' })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ ...UUID_SCHEMA, description: 'An active staff user' })
  @LowerCaseIds()
  @IsUUID('loose')
  managerId!: string;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_PROJECT_MEMBERS,
    description: 'Active staff users; each other id is a 422 of its own',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_PROJECT_MEMBERS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  memberIds?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProjectDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'An active staff user' })
  @IsOptionalNonNull()
  @LowerCaseIds()
  @IsUUID('loose')
  managerId?: string;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_PROJECT_MEMBERS,
    description:
      'The whole new member set: replaces the old one. New members must be active staff users; ' +
      'current members may stay even if deactivated.',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_PROJECT_MEMBERS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  memberIds?: string[];

  @ApiPropertyOptional({ description: 'false: no new tickets in the project; there is no delete' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}
