import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { LOCALES, type Locale, type Permission } from '@relaydesk/contracts';
import {
  OUT_OF_OFFICE_FROM_TEXT,
  OUT_OF_OFFICE_UNTIL_TEXT,
  UserDto,
} from '../../directory/dto/user.dto.js';
import { WEB_APPS, type WebApp } from '../refresh-cookie.js';

const APP_TEXT =
  'Only for the Relaydesk web apps: keep the refresh token in an HttpOnly cookie of this app ' +
  '(rd_refresh_agent or rd_refresh_portal, Path=/api/v1/auth, SameSite=Strict) instead of the ' +
  'response body. API clients leave it out and get refreshToken in the body.';

export class LoginDto {
  @ApiProperty({ example: 'admin@relaydesk.local' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'password' })
  @IsString()
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ enum: WEB_APPS, description: APP_TEXT })
  @IsOptional()
  @IsIn(WEB_APPS)
  app?: WebApp;
}

export class RefreshDto {
  @ApiPropertyOptional({
    description: 'The refresh token from the body of the last login or refresh (API clients)',
  })
  @ValidateIf((o: RefreshDto) => o.app === undefined || o.refreshToken !== undefined)
  @IsString()
  @MaxLength(200)
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
  @ApiProperty() @IsString() @MaxLength(1024) currentPassword!: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(1024) newPassword!: string;
}

export class UpdateMeDto {
  // ValidateIf instead of IsOptional: null is not "absent" for columns that cannot be null.
  @ApiPropertyOptional()
  @ValidateIf((_, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ enum: LOCALES })
  @ValidateIf((_, v) => v !== undefined)
  @IsIn(LOCALES)
  locale?: Locale;
  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: OUT_OF_OFFICE_FROM_TEXT,
  })
  @IsOptional()
  @IsDateString({ strict: true })
  outOfOfficeFrom?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: OUT_OF_OFFICE_UNTIL_TEXT,
  })
  @IsOptional()
  @IsDateString({ strict: true })
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
  @ApiProperty({ type: UserDto }) user!: UserDto;
}

export class MeDto extends UserDto {
  @ApiProperty({ type: [String], description: 'What the caller may do, by permission name' })
  permissions!: Permission[];
  @ApiProperty({ type: [String], description: 'Departments the caller heads' })
  headOfDepartmentIds!: string[];
}
