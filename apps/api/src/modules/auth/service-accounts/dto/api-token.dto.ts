import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { API_SCOPES, type ApiScope } from '@relaydesk/contracts';
import {
  DATE_TIME_SCHEMA,
  IsDateTime,
  IsOptionalOrNull,
} from '../../../../common/openapi/request-fields.js';
import { IsNotBlank } from '../../../../common/validation/dto-decorators.js';

const SCOPES_TEXT =
  'Endpoints the token may call (each endpoint names its scope as `x-required-scope`); ' +
  '`admin` holds every scope';

export class ApiTokenDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 100 }) name!: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true, description: SCOPES_TEXT }) scopes!: ApiScope[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never' })
  expiresAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Last request made with it, to the minute; null: never used',
  })
  lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CreatedApiTokenDto extends ApiTokenDto {
  @ApiProperty({
    description:
      'The token (`rd_…`), for `Authorization: Bearer <token>`. Shown this once: only its hash ' +
      'is kept',
  })
  token!: string;
}

export class CreateApiTokenDto {
  @ApiProperty({ minLength: 1, maxLength: 100, description: 'What or where it is used' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @IsNotBlank()
  name!: string;

  @ApiProperty({
    enum: API_SCOPES,
    isArray: true,
    minItems: 1,
    maxItems: API_SCOPES.length,
    description: SCOPES_TEXT,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_SCOPES.length)
  @IsIn(API_SCOPES, { each: true })
  @ArrayUnique()
  scopes!: ApiScope[];

  @ApiPropertyOptional({
    type: String,
    ...DATE_TIME_SCHEMA,
    nullable: true,
    description: 'When it stops working (in the future, else a 422); null or absent: never',
  })
  @IsOptional()
  @IsOptionalOrNull()
  @IsDateTime()
  expiresAt?: string | null;
}
