import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { Role } from '@relaydesk/contracts';
import { PageQueryDto } from '../../../../common/pagination/page-query.dto.js';
import { UUID_SCHEMA, VersionField } from '../../../../common/openapi/request-fields.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
  QueryBoolean,
} from '../../../../common/validation/dto-decorators.js';

/** A service account acts as staff: never a client. */
export const SERVICE_ACCOUNT_ROLES = ['agent', 'dispatcher', 'admin'] as const;
export type ServiceAccountRole = Extract<Role, (typeof SERVICE_ACCOUNT_ROLES)[number]>;
export const MAX_SERVICE_ACCOUNT_GROUPS = 100;

const ROLE_TEXT =
  'What the account may do, as a staff user of that role; its tokens’ scopes narrow it further';
const GROUPS_TEXT = 'Groups the account is a member of: an agent account sees their tickets';

export class ServiceAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 500 }) description!: string | null;
  @ApiProperty({ enum: SERVICE_ACCOUNT_ROLES, description: ROLE_TEXT }) role!: ServiceAccountRole;
  @ApiProperty({ type: [String], format: 'uuid', description: GROUPS_TEXT }) groupIds!: string[];
  @ApiProperty({
    description:
      'Sees every ticket (the visibility scope `all`); false: the installation’s default scope',
  })
  canViewAll!: boolean;
  @ApiProperty({ description: 'false: deactivated, and none of its tokens works' })
  active!: boolean;
  @ApiProperty({ description: 'Tokens neither revoked nor expired' }) activeTokens!: number;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ServiceAccountPageDto {
  @ApiProperty({ type: [ServiceAccountDto] }) items!: ServiceAccountDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class ServiceAccountListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class CreateServiceAccountDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiProperty({ enum: SERVICE_ACCOUNT_ROLES, description: ROLE_TEXT })
  @IsIn(SERVICE_ACCOUNT_ROLES)
  role!: ServiceAccountRole;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_SERVICE_ACCOUNT_GROUPS,
    description: `${GROUPS_TEXT}; an unknown group is a 422`,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_ACCOUNT_GROUPS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  groupIds?: string[];

  @ApiPropertyOptional({ default: false, description: 'Sees every ticket' })
  @IsOptionalNonNull()
  @IsBoolean()
  canViewAll?: boolean;
}

export class UpdateServiceAccountDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ enum: SERVICE_ACCOUNT_ROLES, description: ROLE_TEXT })
  @IsOptionalNonNull()
  @IsIn(SERVICE_ACCOUNT_ROLES)
  role?: ServiceAccountRole;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_SERVICE_ACCOUNT_GROUPS,
    description: `${GROUPS_TEXT} (replaces the list); an unknown group is a 422`,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_ACCOUNT_GROUPS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  groupIds?: string[];

  @ApiPropertyOptional({ description: 'Sees every ticket' })
  @IsOptionalNonNull()
  @IsBoolean()
  canViewAll?: boolean;

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}
