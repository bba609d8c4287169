import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  BY_SUBJECT_STATES,
  type BySubjectState,
  DECLARABLE_CHANNELS,
  STATUS_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_PRIORITIES,
  TICKET_SORT_FIELDS,
  TICKET_VIEWS,
  type StatusCategory,
  type DeclarableChannel,
  type TicketChannel,
  type TicketPriority,
  type TicketView,
} from '@relaydesk/contracts';
import {
  CursorField,
  DATE_TIME_SCHEMA,
  FIELD_LIMITS,
  IsDateTime,
  MaxProperties,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const CUSTOM_FIELDS_DESCRIPTION =
  'Values by field key of the ticket type: text/long_text strings (≤ 1000 / 20000), number, ' +
  'date (YYYY-MM-DD), date_time (ISO 8601 with offset), select (an option value), multi_select ' +
  '(distinct option values), checkbox (boolean), user / organization (UUID of an active one). ' +
  'Every failing field is reported at once (422, field `customFields.<key>`).';

export class CreateTicketDto {
  @ApiProperty({ minLength: 1, maxLength: 250 })
  @Transform(trim)
  @IsString()
  @Length(1, 250)
  subject!: string;

  @ApiPropertyOptional({ maxLength: 100000, default: '' })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  description?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() typeId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Staff only; a client always files for their own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Staff only; a client is always the requester',
  })
  @IsOptional()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Staff only' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Staff only' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA, description: 'Staff only' })
  @IsOptional()
  @IsDateTime()
  dueAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    maxProperties: FIELD_LIMITS.customFields,
    description: `${CUSTOM_FIELDS_DESCRIPTION} Required fields must be filled; clients may set client-editable fields only (and are not asked for required fields they cannot edit).`,
  })
  @IsOptional()
  @IsObject()
  @MaxProperties(FIELD_LIMITS.customFields)
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'An active category; clients may pick public ones only',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      "An active project; without assigneeId the ticket is addressed to the project's manager. A client may name only a project they are a member of (GET /me/projects); any other id is 422",
  })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({
    enum: DECLARABLE_CHANNELS,
    description:
      'API tokens only: the source this integration relays (a mail gateway files `email`, a ' +
      'monitoring tool `monitoring`); without it a token files `api`. A person (session) may not ' +
      'declare a channel (422): theirs is `portal` for clients, `agent` for staff.',
  })
  @IsOptional()
  @IsIn(DECLARABLE_CHANNELS)
  channel?: DeclarableChannel;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      "A service object of the ticket's organization (422 serviceObjectId otherwise); a client names only one they may see",
  })
  @IsOptional()
  @IsUUID()
  serviceObjectId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      "An equipment item of the ticket's organization, at the chosen service object when one is chosen (422 equipmentId otherwise)",
  })
  @IsOptional()
  @IsUUID()
  equipmentId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      "A contract of the ticket's organization in force (active, begun, not ended; 422 contractId otherwise). Its SLA policy, if it has one, applies to the ticket",
  })
  @IsOptional()
  @IsUUID()
  contractId?: string;

  @ApiPropertyOptional({
    description:
      "Staff only: warranty work. Without it, set from the equipment's warranty (warrantyUntil on or after the creation date)",
  })
  @IsOptional()
  @IsBoolean()
  warranty?: boolean;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      'The new-ticket form’s knowledge-base suggestion session (POST /kb/suggestion-opens): the ' +
      'ticket marks the caller’s own session filed, so its opened articles do not count as a ' +
      'deflection. Any other id changes nothing.',
  })
  @IsOptional()
  @IsUUID()
  suggestionSessionId?: string;
}

export class UpdateTicketDto {
  @VersionField({ description: 'The version you read; a stale one gets 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 250 })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 250)
  subject?: string;

  @ApiPropertyOptional({ maxLength: 100000 })
  @IsOptional()
  @IsString()
  @MaxLength(100000)
  description?: string;

  @ApiPropertyOptional({ enum: TICKET_PRIORITIES })
  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() typeId?: string;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  requesterId?: string | null;

  @ApiPropertyOptional({ type: String, ...DATE_TIME_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateTime()
  dueAt?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: "A service object of the ticket's organization; null clears it",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  serviceObjectId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description:
      "An equipment item of the ticket's organization (at its service object, if it has one); null clears it",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  equipmentId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description:
      "A contract of the ticket's organization in force; null clears it. A change picks the SLA policy again (the contract's wins)",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  contractId?: string | null;

  @ApiPropertyOptional({
    description:
      'Warranty work, set by hand: from then on an equipment change no longer recomputes it',
  })
  @IsOptional()
  @IsBoolean()
  warranty?: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    maxProperties: FIELD_LIMITS.customFields,
    description: `Merged into the stored values: a key with null clears that field, keys left out stay. ${CUSTOM_FIELDS_DESCRIPTION} A required field cannot be cleared; with a new typeId, the new type's required fields must be filled and values of fields it lacks are dropped.`,
  })
  @IsOptional()
  @IsObject()
  @MaxProperties(FIELD_LIMITS.customFields)
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'Moving a ticket into a project does not reassign it',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  projectId?: string | null;
}

export class TransitionDto {
  @ApiProperty({ description: 'Target status key', minLength: 1, maxLength: FIELD_LIMITS.key })
  @IsString()
  @Length(1, FIELD_LIMITS.key)
  to!: string;

  @VersionField()
  version!: number;

  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description: 'Required when moving to a postponing status',
  })
  @IsOptional()
  @IsDateTime()
  postponeUntil?: string;

  @ApiPropertyOptional({ maxLength: 100000, description: 'Added as a public comment' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  comment?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'The ticket this one duplicates, for transitions that require it; links the two',
  })
  @IsOptional()
  @IsUUID()
  duplicateOfId?: string;

  @ApiPropertyOptional({
    description:
      'Dispatchers and admins: close a parent ticket although children are still open (recorded in history)',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class AssignmentDto {
  @VersionField()
  version!: number;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'null unassigns',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, ...UUID_SCHEMA, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  groupId?: string | null;
}

export class TakeDto {
  @VersionField({ optional: true, description: 'If given, must be current' })
  version?: number;
}

export class CreateCommentDto {
  @ApiProperty({ minLength: 1, maxLength: 100000 })
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  body!: string;

  @ApiPropertyOptional({ default: false, description: 'Staff only: visible to staff alone' })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

const MAX_STATUS_FILTER = 50;
const SORT_FORMAT = new RegExp(`^(${TICKET_SORT_FIELDS.join('|')}):(asc|desc)$`);

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListTicketsQueryDto {
  @ApiPropertyOptional({ enum: TICKET_VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(TICKET_VIEWS)
  view?: TicketView;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'With view=by_user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'With view=by_department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({
    enum: BY_SUBJECT_STATES,
    default: 'open',
    description:
      'With view=by_user or view=by_department (400 with any other view): open tickets (not closed or canceled, as PayDox shows them), closed ones, or all',
  })
  @IsOptional()
  @IsIn(BY_SUBJECT_STATES)
  state?: BySubjectState;

  @ApiPropertyOptional({
    description: 'Status keys, comma-separated',
    example: ['open', 'in_progress'],
    type: 'array',
    items: { type: 'string', maxLength: FIELD_LIMITS.key },
    maxItems: MAX_STATUS_FILTER,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_STATUS_FILTER)
  @IsString({ each: true })
  @MaxLength(FIELD_LIMITS.key, { each: true })
  status?: string[];

  @ApiPropertyOptional({
    description:
      'Status categories, comma-separated: the same meaning in every workflow (a HappyDesk "Hold" and an Okdesk "Needs clarification" are both pending)',
    example: ['new', 'open'],
    enum: STATUS_CATEGORIES,
    isArray: true,
    maxItems: STATUS_CATEGORIES.length,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(STATUS_CATEGORIES.length)
  @IsIn(STATUS_CATEGORIES, { each: true })
  statusCategory?: StatusCategory[];

  @ApiPropertyOptional({
    description: 'Comma-separated',
    example: ['high', 'urgent'],
    enum: TICKET_PRIORITIES,
    isArray: true,
    maxItems: TICKET_PRIORITIES.length,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @ApiPropertyOptional({
    description: 'Channels the tickets came by, comma-separated',
    example: ['email', 'api'],
    enum: TICKET_CHANNELS,
    isArray: true,
    maxItems: TICKET_CHANNELS.length,
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(TICKET_CHANNELS.length)
  @IsIn(TICKET_CHANNELS, { each: true })
  channel?: TicketChannel[];

  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() typeId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() groupId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() requesterId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() contractId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() serviceObjectId?: string;
  @ApiPropertyOptional({ ...UUID_SCHEMA }) @IsOptional() @IsUUID() equipmentId?: string;
  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Tickets on equipment items of this equipment type',
  })
  @IsOptional()
  @IsUUID()
  equipmentTypeId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Tickets of this category or of any of its subcategories',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description:
      'Clients: one of their own projects (GET /me/projects); any other project finds nothing',
  })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'Pythagoras name for the assignee: the same filter as assigneeId',
  })
  @IsOptional()
  @IsUUID()
  solverId?: string;

  @ApiPropertyOptional({
    description:
      'Full-text search (Russian, Czech, English); a number finds that ticket, and a serial or inventory number (one token, any case) the tickets on that equipment',
    maxLength: FIELD_LIMITS.search,
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;

  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA })
  @IsOptional()
  @IsDateTime()
  createdFrom?: string;
  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA })
  @IsOptional()
  @IsDateTime()
  createdTo?: string;
  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA })
  @IsOptional()
  @IsDateTime()
  dueFrom?: string;
  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA })
  @IsOptional()
  @IsDateTime()
  dueTo?: string;

  @ApiPropertyOptional({
    description: `field:direction with field one of ${TICKET_SORT_FIELDS.join(', ')}`,
    example: 'updatedAt:desc',
    pattern: SORT_FORMAT.source,
    maxLength: Math.max(...TICKET_SORT_FIELDS.map((f) => f.length)) + ':desc'.length,
  })
  @IsOptional()
  @Matches(SORT_FORMAT)
  sort?: string;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField() cursor?: string;
}

export class TicketTypesQueryDto {
  @ApiPropertyOptional({ description: 'Staff: include inactive types' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}
