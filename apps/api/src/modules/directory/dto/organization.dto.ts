import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  QueryBoolean,
} from '../../../common/validation/dto-decorators.js';
import { VersionField } from '../../../common/openapi/request-fields.js';

const STAFF_ONLY = 'Staff only: absent for client contacts.';

const MAX_MAIL_DOMAINS = 20;
const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const MAIL_DOMAINS_TEXT =
  'CDESK: mail from an unknown address at one of these domains creates a contact of this ' +
  'organization and files its ticket (lower case, e.g. `customer.example`)';

const lowerCaseAll = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v))
      : value,
  );

/**
 * The sender-authorization domains, on create and update. Who may file is the contracts module's
 * list of authorized requesters (docs/contracts.md).
 */
class MailAuthorizationFields {
  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_MAIL_DOMAINS,
    items: { type: 'string', maxLength: 253 },
    description: MAIL_DOMAINS_TEXT,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_MAIL_DOMAINS)
  @lowerCaseAll()
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  @Matches(DOMAIN, { each: true, message: 'each must be a domain name such as customer.example' })
  @ArrayUnique()
  mailDomains?: string[];
}

/** An organization; a client contact sees their own, without the optional (staff-only) fields. */
export class OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Tax or company registration number' })
  taxId!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) email!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: STAFF_ONLY })
  notes?: string | null;
  @ApiPropertyOptional({
    description: `Contacts of an inactive organization cannot log in. ${STAFF_ONLY}`,
  })
  active?: boolean;
  @ApiPropertyOptional({
    description: `Send it back with a change; a stale one is a 409. ${STAFF_ONLY}`,
  })
  version?: number;
  @ApiPropertyOptional({ type: [String], description: `${MAIL_DOMAINS_TEXT}. ${STAFF_ONLY}` })
  mailDomains?: string[];
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class OrganizationPageDto {
  @ApiProperty({ type: [OrganizationDto] }) items!: OrganizationDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class OrganizationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;
}

export class CreateOrganizationDto extends MailAuthorizationFields {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}

export class UpdateOrganizationDto extends MailAuthorizationFields {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  taxId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, format: 'email', nullable: true, maxLength: 254 })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  notes?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates; its contacts can no longer log in' })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;
}
