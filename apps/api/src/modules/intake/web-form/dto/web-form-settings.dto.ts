import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import {
  DATE_TIME_SCHEMA,
  IntField,
  IsOptionalOrNull,
  UUID_SCHEMA,
  VersionField,
} from '../../../../common/openapi/request-fields.js';

export const MAX_FORM_TYPES = 50;
export const MAX_ALLOWED_ORIGINS = 20;
export const ORIGIN_MAX_LENGTH = 200;
/**
 * An origin as CSP frame-ancestors takes it: scheme, host, optional port; no path, no wildcard
 * in the scheme, and none of the characters that would end the directive (`;`, `,`, spaces).
 */
export const ORIGIN_PATTERN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

export class WebFormSettingsDto {
  @ApiProperty({ description: 'The form accepts submissions' }) enabled!: boolean;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The public ticket types offered, in this order (none: filed without a type)',
  })
  typeIds!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) defaultGroupId!: string | null;
  @ApiProperty({ enum: TICKET_PRIORITIES, nullable: true, description: 'null: the type’s default' })
  defaultPriority!: TicketPriority | null;
  @ApiProperty({
    description:
      'true: a known active contact’s ticket is created at once, so anyone who types their address files in their name (they learn of it by the acknowledgement mail); false (default): everyone confirms by e-mail',
  })
  knownContactImmediate!: boolean;
  @ApiProperty({
    type: [String],
    description:
      'Sites that may embed the form (CSP frame-ancestors), e.g. https://www.example.com',
  })
  allowedOrigins!: string[];
  @ApiProperty({ type: 'integer', description: 'Seconds a person needs at least to fill the form' })
  minFillSeconds!: number;
  @ApiProperty({ type: 'integer', description: 'Submissions per client address per hour' })
  maxPerIpPerHour!: number;
  @ApiProperty({ type: 'integer', description: 'Submissions per e-mail address per hour' })
  maxPerAddressPerHour!: number;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ ...DATE_TIME_SCHEMA }) updatedAt!: string;
}

export class UpdateWebFormSettingsDto {
  @VersionField() version!: number;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', ...UUID_SCHEMA },
    maxItems: MAX_FORM_TYPES,
    description: 'Public, active ticket types only (422 otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_FORM_TYPES)
  @IsUUID('all', { each: true })
  typeIds?: string[];

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptionalOrNull()
  @IsUUID()
  defaultGroupId?: string | null;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES, nullable: true })
  @IsOptionalOrNull()
  @IsIn(TICKET_PRIORITIES)
  defaultPriority?: TicketPriority | null;

  @ApiPropertyOptional() @IsOptional() @IsBoolean() knownContactImmediate?: boolean;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', maxLength: ORIGIN_MAX_LENGTH, pattern: ORIGIN_PATTERN.source },
    maxItems: MAX_ALLOWED_ORIGINS,
    description: 'scheme://host[:port], lower case; `https://*.example.com` allows subdomains',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ALLOWED_ORIGINS)
  @IsString({ each: true })
  @MaxLength(ORIGIN_MAX_LENGTH, { each: true })
  @Matches(ORIGIN_PATTERN, { each: true, message: 'each origin must be scheme://host[:port]' })
  allowedOrigins?: string[];

  @IntField({ min: 0, max: 600, optional: 'non-null' }) minFillSeconds?: number;
  @IntField({ min: 1, max: 10_000, optional: 'non-null' }) maxPerIpPerHour?: number;
  @IntField({ min: 1, max: 100, optional: 'non-null' }) maxPerAddressPerHour?: number;
}
