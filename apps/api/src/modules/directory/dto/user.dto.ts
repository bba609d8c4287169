import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  LOCALES,
  ROLES,
  VISIBILITY_SCOPES,
  type Locale,
  type Role,
  type VisibilityScope,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import type { User } from '../entities/user.entity.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
  QueryBoolean,
} from '../../../common/validation/dto-decorators.js';
import {
  DATE_TIME_SCHEMA,
  FIELD_LIMITS,
  IsDateTime,
  PASSWORD_SCHEMA,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';
import { PhoneField } from '../../../common/validation/phone-field.js';
import { SubtreeOfField } from '../../../common/validation/subtree-of-field.js';

export const OUT_OF_OFFICE_FROM_TEXT =
  'Out of office from this instant (open start when only `outOfOfficeUntil` is set); group ' +
  'distribution skips the user while out of office. null with a null until: in the office';
export const OUT_OF_OFFICE_UNTIL_TEXT =
  'Back at this instant (open end when null); must be after `outOfOfficeFrom`';

export const VISIBILITY_SCOPE_TEXT =
  'Staff: which tickets the user sees (docs/visibility.md): `own` their own work, `groups` also ' +
  'their groups’ and unassigned tickets, `department` also those of their department tree, ' +
  '`all` every ticket. null: the installation default (GET /admin/visibility-settings). Admins ' +
  'and dispatchers see every ticket whatever it says; clients have none (null)';
const CAN_VIEW_ALL_TEXT =
  'Deprecated: the scope in force (`visibilityScope`, else the installation default) is `all`. ' +
  'Writing true sets the scope `all`; false takes an `all` scope back to the default (which may ' +
  'be `all` itself). `visibilityScope`, when sent too, wins';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'E.164 when set through this API; rows from before may hold other forms',
  })
  phone!: string | null;
  @ApiProperty({
    description:
      'The user agreed to get SMS at `phone` (for the kinds their preferences allow). Only the ' +
      'user sets it (PATCH /me); removing the phone turns it off',
  })
  smsOptIn!: boolean;
  @ApiProperty({ enum: LOCALES }) locale!: Locale;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty({
    enum: VISIBILITY_SCOPES,
    nullable: true,
    type: String,
    description: VISIBILITY_SCOPE_TEXT,
  })
  visibilityScope!: VisibilityScope | null;
  @ApiProperty({ deprecated: true, description: CAN_VIEW_ALL_TEXT }) canViewAll!: boolean;
  @ApiProperty() canViewOrganizationTickets!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: OUT_OF_OFFICE_FROM_TEXT,
  })
  outOfOfficeFrom!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: OUT_OF_OFFICE_UNTIL_TEXT,
  })
  outOfOfficeUntil!: string | null;
  @ApiProperty({ type: [String], description: 'Groups the user belongs to' }) groupIds!: string[];
  @ApiProperty({
    description: 'Another system acting through API tokens (admin/service-accounts), not a person',
  })
  serviceAccount!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

/** `defaultScope`: the installation's, which a user without a scope of their own has. */
export function toUserDto(
  user: User,
  groupIds: string[] = [],
  defaultScope: VisibilityScope | null = null,
): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    smsOptIn: user.smsOptIn,
    locale: user.locale,
    role: user.role,
    organizationId: user.organizationId,
    departmentId: user.departmentId,
    visibilityScope: user.visibilityScope,
    canViewAll: user.role !== 'client' && (user.visibilityScope ?? defaultScope) === 'all',
    canViewOrganizationTickets: user.canViewOrganizationTickets,
    active: user.active,
    outOfOfficeFrom: user.outOfOfficeFrom ? user.outOfOfficeFrom.toISOString() : null,
    outOfOfficeUntil: user.outOfOfficeUntil ? user.outOfOfficeUntil.toISOString() : null,
    groupIds,
    serviceAccount: user.serviceAccount,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) items!: UserDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class UserListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Client contacts of this organization' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Staff of this department (not below it)' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  departmentId?: string;

  @SubtreeOfField(
    "Staff of these departments (comma-separated) and of every department below them: a department head's people",
  )
  subtreeOf?: string[];

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Members of this group' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description: 'true: only service accounts; false or absent: only people',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  serviceAccount?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ format: 'email', maxLength: 254, description: 'Unique, whatever its case' })
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ enum: LOCALES, default: 'en' })
  @IsOptionalNonNull()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiProperty({ enum: ROLES, description: 'A dispatcher may only create `client` users' })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Required for a client user, must be null for staff',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Staff users only',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  departmentId?: string | null;

  @ApiPropertyOptional({
    enum: VISIBILITY_SCOPES,
    nullable: true,
    type: String,
    description: VISIBILITY_SCOPE_TEXT,
  })
  @IsOptional()
  @IsIn(VISIBILITY_SCOPES)
  visibilityScope?: VisibilityScope | null;

  @ApiPropertyOptional({ deprecated: true, description: CAN_VIEW_ALL_TEXT })
  @IsOptionalNonNull()
  @IsBoolean()
  canViewAll?: boolean;

  @ApiPropertyOptional({
    default: false,
    description: 'Client: sees every ticket of their organization, not only their own',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  canViewOrganizationTickets?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    ...PASSWORD_SCHEMA,
    minLength: 8,
    description: 'Without one the user cannot log in with a password',
  })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(8)
  @MaxLength(FIELD_LIMITS.password)
  password?: string;
}

export class UpdateUserDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptionalNonNull()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNonNull()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({
    enum: ROLES,
    description: 'Takes effect on the user’s next request. Admins cannot demote themselves.',
  })
  @IsOptionalNonNull()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string | null;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  departmentId?: string | null;

  @ApiPropertyOptional({
    enum: VISIBILITY_SCOPES,
    nullable: true,
    type: String,
    description: VISIBILITY_SCOPE_TEXT,
  })
  @IsOptional()
  @IsIn(VISIBILITY_SCOPES)
  visibilityScope?: VisibilityScope | null;

  @ApiPropertyOptional({ deprecated: true, description: CAN_VIEW_ALL_TEXT })
  @IsOptionalNonNull()
  @IsBoolean()
  canViewAll?: boolean;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  canViewOrganizationTickets?: boolean;

  @ApiPropertyOptional({
    description:
      'false deactivates the user and ends their sessions. Admins cannot deactivate themselves, ' +
      'nor the last active admin.',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: String,
    ...DATE_TIME_SCHEMA,
    nullable: true,
    description: OUT_OF_OFFICE_FROM_TEXT,
  })
  @IsOptional()
  @IsDateTime()
  outOfOfficeFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...DATE_TIME_SCHEMA,
    nullable: true,
    description: OUT_OF_OFFICE_UNTIL_TEXT,
  })
  @IsOptional()
  @IsDateTime()
  outOfOfficeUntil?: string | null;

  @ApiPropertyOptional({
    ...PASSWORD_SCHEMA,
    minLength: 8,
    description: 'Sets a new password and ends the user’s other sessions',
  })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(8)
  @MaxLength(FIELD_LIMITS.password)
  password?: string;
}
