import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { TICKET_PRIORITIES, type TicketPriority } from '@relaydesk/contracts';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../common/validation/dto-decorators.js';
import { IntField, UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import { IdListCondition } from '../../../common/reference-data/condition-lists.js';

/** Ten years of business seconds is more than any promise a desk makes. */
const MAX_TARGET = 315_360_000;
const MAX_IDS = 500;

function targetProperty(description: string) {
  return ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    nullable: true,
    minimum: 60,
    maximum: MAX_TARGET,
    description,
  });
}

export class SlaTargetsDto {
  @targetProperty('Business seconds to the first public staff reply; null: not measured')
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(MAX_TARGET)
  firstResponseSeconds?: number | null;

  @targetProperty('Business seconds to resolution; null: not measured')
  @IsOptional()
  @IsInt()
  @Min(60)
  @Max(MAX_TARGET)
  resolutionSeconds?: number | null;
}

/** Targets of particular priorities, replacing the policy's own for them. */
export class PriorityTargetsDto {
  @ApiPropertyOptional({ type: SlaTargetsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  low?: SlaTargetsDto;
  @ApiPropertyOptional({ type: SlaTargetsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  normal?: SlaTargetsDto;
  @ApiPropertyOptional({ type: SlaTargetsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  high?: SlaTargetsDto;
  @ApiPropertyOptional({ type: SlaTargetsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaTargetsDto)
  urgent?: SlaTargetsDto;
}

/** Which tickets a policy covers: every listed condition must hold; an empty list: any. */
export class SlaConditionsDto {
  @IdListCondition(MAX_IDS)
  organizationIds?: string[];

  @ApiPropertyOptional({
    enum: TICKET_PRIORITIES,
    isArray: true,
    maxItems: TICKET_PRIORITIES.length,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(TICKET_PRIORITIES.length)
  @IsIn(TICKET_PRIORITIES, { each: true })
  @ArrayUnique()
  priorities?: TicketPriority[];

  @IdListCondition(MAX_IDS)
  typeIds?: string[];

  @IdListCondition(MAX_IDS, "The ticket's contract is one of (issue 18)")
  contractIds?: string[];

  @IdListCondition(MAX_IDS, "The ticket's service object is one of")
  serviceObjectIds?: string[];

  @IdListCondition(MAX_IDS, "The type of the ticket's equipment item is one of")
  equipmentTypeIds?: string[];
}

export class SlaConditionsOutDto {
  @ApiProperty({ type: [String], format: 'uuid' }) organizationIds!: string[];
  @ApiProperty({ enum: TICKET_PRIORITIES, isArray: true }) priorities!: TicketPriority[];
  @ApiProperty({ type: [String], format: 'uuid' }) typeIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) contractIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) serviceObjectIds!: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) equipmentTypeIds!: string[];
}

export class SlaTargetsOutDto {
  @ApiProperty({ type: Number, nullable: true }) firstResponseSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) resolutionSeconds!: number | null;
}

export class PriorityTargetsOutDto {
  @ApiPropertyOptional({ type: SlaTargetsOutDto }) low?: SlaTargetsOutDto;
  @ApiPropertyOptional({ type: SlaTargetsOutDto }) normal?: SlaTargetsOutDto;
  @ApiPropertyOptional({ type: SlaTargetsOutDto }) high?: SlaTargetsOutDto;
  @ApiPropertyOptional({ type: SlaTargetsOutDto }) urgent?: SlaTargetsOutDto;
}

export class SlaPolicyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first active matching policy by position applies' })
  position!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'uuid' }) calendarId!: string;
  @ApiProperty({ type: SlaConditionsOutDto }) conditions!: SlaConditionsOutDto;
  @ApiProperty({ type: Number, nullable: true, description: 'Business seconds' })
  firstResponseSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Business seconds' })
  resolutionSeconds!: number | null;
  @ApiProperty({ type: PriorityTargetsOutDto }) priorityTargets!: PriorityTargetsOutDto;
  @ApiProperty({ minimum: 1, maximum: 99, description: 'Reminder at this share of a target' })
  reminderPercent!: number;
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateSlaPolicyDto extends SlaTargetsDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @IntField({ min: 0, max: 1_000_000, optional: 'non-null', default: 0 })
  position?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ ...UUID_SCHEMA })
  @LowerCaseIds()
  @IsUUID('loose')
  calendarId!: string;

  @ApiPropertyOptional({ type: SlaConditionsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaConditionsDto)
  conditions?: SlaConditionsDto;

  @ApiPropertyOptional({ type: PriorityTargetsDto })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => PriorityTargetsDto)
  priorityTargets?: PriorityTargetsDto;

  @IntField({ min: 1, max: 99, optional: 'non-null', default: 75 })
  reminderPercent?: number;
}

export class UpdateSlaPolicyDto extends SlaTargetsDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @IntField({ min: 0, max: 1_000_000, optional: 'non-null' })
  position?: number;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptionalNonNull()
  @LowerCaseIds()
  @IsUUID('loose')
  calendarId?: string;

  @ApiPropertyOptional({ type: SlaConditionsDto, description: 'Replaces all conditions' })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => SlaConditionsDto)
  conditions?: SlaConditionsDto;

  @ApiPropertyOptional({ type: PriorityTargetsDto, description: 'Replaces all of them' })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => PriorityTargetsDto)
  priorityTargets?: PriorityTargetsDto;

  @IntField({ min: 1, max: 99, optional: 'non-null' })
  reminderPercent?: number;
}
