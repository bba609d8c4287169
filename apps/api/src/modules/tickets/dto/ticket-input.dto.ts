import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
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
  TICKET_PRIORITIES,
  TICKET_SORT_FIELDS,
  TICKET_VIEWS,
  type TicketPriority,
  type TicketView,
} from '@relaydesk/contracts';

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

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() typeId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only; a client always files for their own',
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Staff only; a client is always the requester',
  })
  @IsOptional()
  @IsUUID()
  requesterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only' })
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Staff only' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `${CUSTOM_FIELDS_DESCRIPTION} Required fields must be filled; clients may set client-editable fields only (and are not asked for required fields they cannot edit).`,
  })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'An active category; clients may pick public ones only',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Staff only. An active project; without assigneeId the ticket is addressed to the project's manager",
  })
  @IsOptional()
  @IsUUID()
  projectId?: string;
}

export class UpdateTicketDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
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

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() typeId?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  requesterId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsDateString({ strict: true })
  dueAt?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: `Merged into the stored values: a key with null clears that field, keys left out stay. ${CUSTOM_FIELDS_DESCRIPTION} A required field cannot be cleared; with a new typeId, the new type's required fields must be filled and values of fields it lacks are dropped.`,
  })
  @IsOptional()
  @IsObject()
  customFields?: Record<string, unknown>;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Moving a ticket into a project does not reassign it',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  projectId?: string | null;
}

export class TransitionDto {
  @ApiProperty({ description: 'Target status key' }) @IsString() @Length(1, 50) to!: string;
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Required when moving to a postponing status',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  postponeUntil?: string;

  @ApiPropertyOptional({ maxLength: 100000, description: 'Added as a public comment' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  comment?: string;

  @ApiPropertyOptional({
    format: 'uuid',
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
  @ApiProperty() @IsInt() @Min(1) version!: number;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null unassigns',
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  groupId?: string | null;
}

export class TakeDto {
  @ApiPropertyOptional({ description: 'If given, must be current' })
  @IsOptional()
  @IsInt()
  @Min(1)
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

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').filter(Boolean) : value;

export class ListTicketsQueryDto {
  @ApiPropertyOptional({ enum: TICKET_VIEWS, default: 'all' })
  @IsOptional()
  @IsIn(TICKET_VIEWS)
  view?: TicketView;

  @ApiPropertyOptional({ format: 'uuid', description: 'With view=by_user' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'With view=by_department' })
  @IsOptional()
  @IsUUID()
  departmentId?: string;

  @ApiPropertyOptional({ description: 'Status keys, comma-separated', example: 'open,in_progress' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  status?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated', example: 'high,urgent' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TICKET_PRIORITIES, { each: true })
  priority?: TicketPriority[];

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() typeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organizationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() groupId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() requesterId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Tickets of this category or of any of its subcategories',
  })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() projectId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Pythagoras name for the assignee: the same filter as assigneeId',
  })
  @IsOptional()
  @IsUUID()
  solverId?: string;

  @ApiPropertyOptional({
    description: 'Full-text search (Russian, Czech, English); a number finds that ticket',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  createdTo?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsDateString({ strict: true })
  dueTo?: string;

  @ApiPropertyOptional({
    description: `field:direction with field one of ${TICKET_SORT_FIELDS.join(', ')}`,
    example: 'updatedAt:desc',
  })
  @IsOptional()
  @Matches(new RegExp(`^(${TICKET_SORT_FIELDS.join('|')}):(asc|desc)$`))
  sort?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) cursor?: string;
}

export class TicketTypesQueryDto {
  @ApiPropertyOptional({ description: 'Staff: include inactive types' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}
