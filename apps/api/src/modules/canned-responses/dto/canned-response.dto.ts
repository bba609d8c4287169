import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  CANNED_RESPONSE_BODY_MAX,
  CANNED_RESPONSE_HINTS_MAX,
  CANNED_RESPONSE_SCOPES,
  CANNED_RESPONSE_TITLE_MAX,
  LOCALES,
  type CannedResponseScope,
  type Locale,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../common/validation/dto-decorators.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { RefDto } from '../../tickets/index.js';

const SCOPE_TEXT =
  '`personal`: the owner’s alone (the creator); `group`: the members of `groupId`, who also ' +
  'keep it; `global`: every staff member, kept by holders of canned-responses.manage (admins).';
const BODY_TEXT =
  'Plain text as the comment composer sends it, with placeholders filled when inserted: ' +
  '`{{ticket.number}}`, `{{ticket.subject}}`, `{{requester.name}}`, `{{agent.name}}`, ' +
  '`{{organization.name}}` and `{{custom.<key>}}` (a custom field of the ticket’s type). At ' +
  'most 50 placeholders (422 beyond).';

export class CannedResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: BODY_TEXT }) body!: string;
  @ApiProperty({ enum: CANNED_RESPONSE_SCOPES, description: SCOPE_TEXT })
  scope!: CannedResponseScope;
  @ApiProperty({ type: RefDto, nullable: true, description: 'The owner of a personal one' })
  owner!: RefDto | null;
  @ApiProperty({ type: RefDto, nullable: true, description: 'The group of a group one' })
  group!: RefDto | null;
  @ApiProperty({ enum: LOCALES }) language!: Locale;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Ticket types it fits' })
  typeIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Categories it fits' })
  categoryIds!: string[];
  @ApiProperty({ type: 'integer', description: 'How often it was inserted' }) usageCount!: number;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ description: 'Whether the caller may edit or delete it' }) canEdit!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CannedResponsePageDto {
  @ApiProperty({ type: [CannedResponseDto] }) items!: CannedResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class CannedResponseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: CANNED_RESPONSE_SCOPES })
  @IsOptional()
  @IsIn(CANNED_RESPONSE_SCOPES)
  scope?: CannedResponseScope;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Only this group’s' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string;
}

export class TicketCannedResponsesQueryDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({ description: 'Words of the title or body', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class TicketCannedResponseListDto {
  @ApiProperty({ type: [CannedResponseDto] }) items!: CannedResponseDto[];
}

class HintFields {
  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: CANNED_RESPONSE_HINTS_MAX,
    description: 'Ticket types it fits (ranked first on their tickets); unknown ids are 422',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(CANNED_RESPONSE_HINTS_MAX)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  typeIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: CANNED_RESPONSE_HINTS_MAX,
    description: 'Categories it fits (ranked first on their tickets); unknown ids are 422',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(CANNED_RESPONSE_HINTS_MAX)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  categoryIds?: string[];
}

export class CreateCannedResponseDto extends HintFields {
  @ApiProperty({ minLength: 1, maxLength: CANNED_RESPONSE_TITLE_MAX })
  @IsString()
  @MinLength(1)
  @MaxLength(CANNED_RESPONSE_TITLE_MAX)
  @IsNotBlank()
  title!: string;

  @ApiProperty({ minLength: 1, maxLength: CANNED_RESPONSE_BODY_MAX, description: BODY_TEXT })
  @IsString()
  @MinLength(1)
  @MaxLength(CANNED_RESPONSE_BODY_MAX)
  @IsNotBlank()
  body!: string;

  @ApiProperty({ enum: CANNED_RESPONSE_SCOPES, description: SCOPE_TEXT })
  @IsIn(CANNED_RESPONSE_SCOPES)
  scope!: CannedResponseScope;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Required for scope `group` (422 without it or with another scope)',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string | null;

  @ApiProperty({ enum: LOCALES })
  @IsIn(LOCALES)
  language!: Locale;
}

export class UpdateCannedResponseDto extends HintFields {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: CANNED_RESPONSE_TITLE_MAX })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(CANNED_RESPONSE_TITLE_MAX)
  @IsNotBlank()
  title?: string;

  @ApiPropertyOptional({
    minLength: 1,
    maxLength: CANNED_RESPONSE_BODY_MAX,
    description: BODY_TEXT,
  })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(CANNED_RESPONSE_BODY_MAX)
  @IsNotBlank()
  body?: string;

  @ApiPropertyOptional({
    enum: CANNED_RESPONSE_SCOPES,
    description: `${SCOPE_TEXT} Moving it needs the right to keep it in both places.`,
  })
  @IsOptionalNonNull()
  @IsIn(CANNED_RESPONSE_SCOPES)
  scope?: CannedResponseScope;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  groupId?: string | null;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptionalNonNull()
  @IsIn(LOCALES)
  language?: Locale;
}

export class RenderedCannedResponseDto {
  @ApiProperty({ description: 'The text to insert, placeholders filled' }) body!: string;
  @ApiProperty({
    type: [String],
    description: 'Placeholders it does not know, left in the text as they were',
  })
  unknownPlaceholders!: string[];
  @ApiProperty({
    type: [String],
    description: 'Known placeholders with no value on this ticket, filled with nothing',
  })
  emptyPlaceholders!: string[];
}
