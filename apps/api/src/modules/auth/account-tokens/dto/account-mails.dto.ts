import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { FIELD_LIMITS, PASSWORD_SCHEMA } from '../../../../common/openapi/request-fields.js';
import { WEB_APPS, type WebApp } from '../../refresh-cookie.js';

const TOKEN_TEXT =
  'The token from the link in the mail (the part after `#token=`): the pages of the web apps read ' +
  'it from the URL fragment, which never reaches a server';

export class PasswordResetRequestDto {
  @ApiProperty({ maxLength: FIELD_LIMITS.email, example: 'someone@example.com' })
  @IsString()
  @MaxLength(FIELD_LIMITS.email)
  email!: string;

  @ApiProperty({
    enum: WEB_APPS,
    description:
      'The app asked from: its reset page is where the link leads (clients: always the portal)',
  })
  @IsIn(WEB_APPS)
  app!: WebApp;
}

export class PasswordResetRequestAcceptedDto {
  @ApiProperty({
    description: 'The same text for every address, whether it has an account or not',
  })
  detail!: string;
}

export class PasswordResetDto {
  @ApiProperty({ description: TOKEN_TEXT, maxLength: FIELD_LIMITS.token })
  @IsString()
  @MaxLength(FIELD_LIMITS.token)
  token!: string;

  @ApiProperty({ ...PASSWORD_SCHEMA, minLength: 8, description: 'The new password' })
  @IsString()
  @MinLength(8)
  @MaxLength(FIELD_LIMITS.password)
  password!: string;
}

export class EmailChangeDto {
  @ApiProperty({ format: 'email', maxLength: FIELD_LIMITS.email })
  @IsEmail()
  @MaxLength(FIELD_LIMITS.email)
  newEmail!: string;

  @ApiProperty({ ...PASSWORD_SCHEMA })
  @IsString()
  @MaxLength(FIELD_LIMITS.password)
  currentPassword!: string;
}

export class EmailChangeRequestedDto {
  @ApiProperty({ format: 'email', description: 'Where the confirmation link was sent' })
  newEmail!: string;
  @ApiProperty({ format: 'date-time', description: 'When the link stops working' })
  expiresAt!: string;
}

export class EmailConfirmationDto {
  @ApiProperty({ description: TOKEN_TEXT, maxLength: FIELD_LIMITS.token })
  @IsString()
  @MaxLength(FIELD_LIMITS.token)
  token!: string;
}

export class InvitationDto {
  @ApiProperty({ format: 'date-time', description: 'When the new welcome link stops working' })
  expiresAt!: string;
}
