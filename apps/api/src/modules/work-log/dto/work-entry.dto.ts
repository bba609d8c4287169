import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import {
  WORK_ENTRY_KINDS,
  WORK_LOG_LIMITS,
  WORK_SPLIT_MODES,
  type WorkEntryKind,
  type WorkSplitMode,
} from '@relaydesk/contracts';
import {
  DATE_TIME_SCHEMA,
  IntField,
  IsDateTime,
  IsOptionalOrNull,
  UUID_SCHEMA,
  VersionField,
} from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { AmountField } from './amount-field.js';
import { DateOnlyField, RefField, TextField, WORK_TEXT_LIMITS } from './work-fields.js';

const STAFF_ONLY = 'Staff only: absent for client contacts.';

export class WorkUserRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class WorkBillingItemRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'In the reader’s language when the item has a name in it' })
  name!: string;
  @ApiProperty() unit!: string;
  @ApiPropertyOptional({ description: `Per unit. ${STAFF_ONLY}` }) price?: number;
}

/**
 * A work entry. A client contact (only when the installation allows it) reads billed entries
 * (billable, warranty) of tickets they see, and only what is billed: date, billed time, activity,
 * billed quantity, kind, description.
 */
export class WorkEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ format: 'date' }) workDate!: string;
  @ApiProperty({ enum: WORK_ENTRY_KINDS }) kind!: WorkEntryKind;
  @ApiProperty({ type: WorkBillingItemRefDto, nullable: true })
  billingItem!: WorkBillingItemRefDto | null;
  @ApiProperty({ description: 'Time invoiced, seconds' }) billedSeconds!: number;
  @ApiProperty({ description: 'In the billing item’s unit' }) quantityBilled!: number;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ type: WorkUserRefDto, description: `Who did the work. ${STAFF_ONLY}` })
  user?: WorkUserRefDto;
  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    type: String,
    nullable: true,
    description: STAFF_ONLY,
  })
  startedAt?: string | null;
  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    type: String,
    nullable: true,
    description: STAFF_ONLY,
  })
  endedAt?: string | null;
  @ApiPropertyOptional({ description: `Time spent (done), seconds. ${STAFF_ONLY}` })
  durationSeconds?: number;
  @ApiPropertyOptional({ description: `Quantity done. ${STAFF_ONLY}` }) quantityDone?: number;
  @ApiPropertyOptional({
    description: `Billed quantity × price for billable entries, else 0. ${STAFF_ONLY}`,
  })
  amount?: number;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: STAFF_ONLY })
  contractId?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: `Shared by the entries written at once for several tickets. ${STAFF_ONLY}`,
  })
  batchId?: string | null;
  @ApiPropertyOptional({ description: STAFF_ONLY }) version?: number;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) createdAt?: string;
  @ApiPropertyOptional({ format: 'date-time', description: STAFF_ONLY }) updatedAt?: string;
}

export class WorkKindTotalsDto {
  @ApiProperty() durationSeconds!: number;
  @ApiProperty() billedSeconds!: number;
  @ApiProperty() amount!: number;
}

export class WorkTotalsDto {
  @ApiProperty({ description: 'Time spent (done)' }) durationSeconds!: number;
  @ApiProperty({ description: 'Time invoiced' }) billedSeconds!: number;
  @ApiProperty({ description: 'Billable entries: billed quantity × price' }) amount!: number;
  @ApiProperty({ type: WorkKindTotalsDto }) billable!: WorkKindTotalsDto;
  @ApiProperty({ type: WorkKindTotalsDto }) internal!: WorkKindTotalsDto;
  @ApiProperty({ type: WorkKindTotalsDto }) warranty!: WorkKindTotalsDto;
}

export class TicketWorkDto {
  @ApiProperty({ type: [WorkEntryDto] }) items!: WorkEntryDto[];
  @ApiPropertyOptional({ type: WorkTotalsDto, description: STAFF_ONLY }) totals?: WorkTotalsDto;
}

/** What an entry may carry; every field is checked against the others (422 per field). */
class WorkEntryFields {
  @RefField({ optional: true, description: 'Who did the work (staff); default: you' })
  userId?: string;

  @DateOnlyField({ optional: true, description: 'Default: the start’s date, else today (UTC)' })
  workDate?: string;

  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA, type: String, nullable: true })
  @IsOptionalOrNull()
  @IsDateTime()
  startedAt?: string | null;

  @ApiPropertyOptional({ ...DATE_TIME_SCHEMA, type: String, nullable: true })
  @IsOptionalOrNull()
  @IsDateTime()
  endedAt?: string | null;

  @IntField({
    min: 0,
    max: WORK_LOG_LIMITS.durationSeconds,
    optional: 'non-null',
    description: 'Time spent; default: endedAt − startedAt (both or this one is needed)',
  })
  durationSeconds?: number;

  @IntField({
    min: 0,
    max: WORK_LOG_LIMITS.durationSeconds,
    optional: 'non-null',
    description:
      'Time invoiced; default: durationSeconds (0 for internal work, which is never billed)',
  })
  billedSeconds?: number;

  @RefField({
    optional: true,
    nullable: true,
    description: 'An active billing item (the activity)',
  })
  billingItemId?: string | null;

  @AmountField({
    optional: true,
    description: 'In the item’s unit; default: hours done for an hourly item, else 1',
  })
  quantityDone?: number;

  @AmountField({
    optional: true,
    description: 'Default: hours billed for an hourly item, else quantityDone (0 for internal)',
  })
  quantityBilled?: number;

  @ApiPropertyOptional({
    enum: WORK_ENTRY_KINDS,
    description: 'Default: warranty on a ticket marked warranty, else billable',
  })
  @IsOptionalNonNull()
  @IsIn(WORK_ENTRY_KINDS)
  kind?: WorkEntryKind;

  @TextField(WORK_TEXT_LIMITS.description, { optional: true })
  description?: string;
}

export class CreateWorkEntryDto extends WorkEntryFields {}

export class UpdateWorkEntryDto extends WorkEntryFields {
  @VersionField() version!: number;
}

export class WorkBatchShareDto {
  @RefField() ticketId!: string;
  @IntField({ min: 0, max: WORK_LOG_LIMITS.durationSeconds, optional: 'non-null' })
  durationSeconds?: number;
  @IntField({ min: 0, max: WORK_LOG_LIMITS.durationSeconds, optional: 'non-null' })
  billedSeconds?: number;
  @AmountField({ optional: true }) quantityDone?: number;
  @AmountField({ optional: true }) quantityBilled?: number;
}

/**
 * One entry over several tickets: `even` divides the time (and quantities) among `ticketIds`;
 * `per_ticket` takes each ticket's share from `shares`. All or nothing.
 */
export class CreateWorkBatchDto extends WorkEntryFields {
  @ApiProperty({ enum: WORK_SPLIT_MODES })
  @IsIn(WORK_SPLIT_MODES)
  split!: WorkSplitMode;

  @ApiPropertyOptional({
    type: [String],
    items: { ...UUID_SCHEMA },
    minItems: 2,
    maxItems: WORK_LOG_LIMITS.ticketsPerEntry,
    description: 'split even: the tickets',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(WORK_LOG_LIMITS.ticketsPerEntry)
  @ArrayUnique()
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  ticketIds?: string[];

  @ApiPropertyOptional({
    type: [WorkBatchShareDto],
    minItems: 2,
    maxItems: WORK_LOG_LIMITS.ticketsPerEntry,
    description: 'split per_ticket: each ticket’s own time and quantities',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(WORK_LOG_LIMITS.ticketsPerEntry)
  @ValidateNested({ each: true })
  @Type(() => WorkBatchShareDto)
  shares?: WorkBatchShareDto[];
}

export class WorkBatchResultDto {
  @ApiProperty({ format: 'uuid' }) batchId!: string;
  @ApiProperty({ type: [WorkEntryDto] }) items!: WorkEntryDto[];
}

export class WorkEntryChangeDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) entryId!: string;
  @ApiProperty({ enum: ['created', 'updated', 'deleted'] }) action!: string;
  @ApiProperty({ type: WorkUserRefDto, nullable: true }) actor!: WorkUserRefDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A change: { field: { from, to } }; a create or delete: the entry’s fields',
  })
  changes!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class WorkEntryHistoryDto {
  @ApiProperty({ type: [WorkEntryChangeDto] }) items!: WorkEntryChangeDto[];
}
