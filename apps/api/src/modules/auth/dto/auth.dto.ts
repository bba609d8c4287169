import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  LOCALES,
  VISIBILITY_SCOPES,
  type Locale,
  type Permission,
  type VisibilityScope,
} from '@relaydesk/contracts';
import {
  OUT_OF_OFFICE_FROM_TEXT,
  OUT_OF_OFFICE_UNTIL_TEXT,
  UserDto,
} from '../../directory/index.js';
import { WEB_APPS, type WebApp } from '../refresh-cookie.js';
import {
  DATE_TIME_SCHEMA,
  FIELD_LIMITS,
  IsDateTime,
  PASSWORD_SCHEMA,
} from '../../../common/openapi/request-fields.js';
import { PhoneField } from '../../../common/validation/phone-field.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';

const APP_TEXT =
  'Only for the Relaydesk web apps: keep the refresh token in an HttpOnly cookie of this app ' +
  '(rd_refresh_agent or rd_refresh_portal, Path=/api/v1/auth, SameSite=Strict) instead of the ' +
  'response body. API clients leave it out and get refreshToken in the body.';

export class LoginDto {
  @ApiProperty({ example: 'admin@relaydesk.local', maxLength: FIELD_LIMITS.email })
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  email!: string;

  @ApiProperty({ example: 'password', ...PASSWORD_SCHEMA })
  @IsString()
  @MaxLength(FIELD_LIMITS.password)
  password!: string;

  @ApiPropertyOptional({ enum: WEB_APPS, description: APP_TEXT })
  @IsOptional()
  @IsIn(WEB_APPS)
  app?: WebApp;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token from the body of the last login or refresh (API clients)',
    maxLength: FIELD_LIMITS.token,
  })
  @ValidateIf((o: RefreshDto) => o.app === undefined || o.refreshToken !== undefined)
  @IsString()
  @MaxLength(FIELD_LIMITS.token)
  refreshToken?: string;

  @ApiPropertyOptional({
    enum: WEB_APPS,
    description: `${APP_TEXT} Without refreshToken, the token is read from that cookie.`,
  })
  @IsOptional()
  @IsIn(WEB_APPS)
  app?: WebApp;
}

export class LogoutDto {
  @ApiPropertyOptional({
    enum: WEB_APPS,
    description: 'The web app whose refresh cookie is cleared as well',
  })
  @IsOptional()
  @IsIn(WEB_APPS)
  app?: WebApp;
}

export class ChangePasswordDto {
  @ApiProperty({ ...PASSWORD_SCHEMA })
  @IsString()
  @MaxLength(FIELD_LIMITS.password)
  currentPassword!: string;

  @ApiProperty({ ...PASSWORD_SCHEMA, minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(FIELD_LIMITS.password)
  newPassword!: string;
}

export class UpdateMeDto {
  // ValidateIf instead of IsOptional: null is not "absent" for columns that cannot be null.
  @ApiPropertyOptional({ minLength: 1, maxLength: FIELD_LIMITS.name })
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(FIELD_LIMITS.name)
  name?: string;
  @ApiPropertyOptional({ enum: LOCALES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(LOCALES)
  locale?: Locale;
  @PhoneField()
  phone?: string | null;
  @ApiPropertyOptional({
    description:
      'Get SMS at `phone` (for the kinds the preferences allow). true needs a valid phone, ' +
      'stored or in the same request (422 otherwise)',
  })
  @IsOptionalNonNull()
  @IsBoolean()
  smsOptIn?: boolean;
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
}

export class TokenPairDto {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization: Bearer header' })
  accessToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn!: number;
  @ApiPropertyOptional({
    description:
      'Single-use token for POST /auth/refresh; rotated on every use. Absent when the request ' +
      "named a web app: the token is then in that app's HttpOnly cookie only.",
  })
  refreshToken?: string;
  @ApiProperty({
    type: UserDto,
    description:
      'The signed-in user; here `canViewAll` is whether they see every ticket (admins and ' +
      'dispatchers too), as on GET /me',
  })
  user!: UserDto;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [String], description: 'What the caller may do, by permission name' })
  permissions!: Permission[];
  @ApiProperty({ type: [String], description: 'Departments the caller heads' })
  headOfDepartmentIds!: string[];
  @ApiProperty({
    deprecated: true,
    description:
      'The caller sees every ticket: an admin, a dispatcher, or staff whose scope in force is ' +
      '`all` (what the visibility rule does, unlike the stored-scope meaning on the users API)',
  })
  declare canViewAll: boolean;
  @ApiProperty({
    enum: VISIBILITY_SCOPES,
    type: String,
    nullable: true,
    description:
      'Staff: the scope in force, their own or the installation default (`all` for admins and ' +
      'dispatchers); here `canViewAll` says whether it is `all`. null for clients',
  })
  effectiveVisibilityScope!: VisibilityScope | null;
  @ApiProperty({
    description:
      'Whether the caller may file new requests: false for a client contact whose organization ' +
      'lets only its authorized requesters file and who is not one of them (not even for one ' +
      'contract); the portal says so before anything is typed. Always true for staff',
  })
  mayFileRequests!: boolean;
}
