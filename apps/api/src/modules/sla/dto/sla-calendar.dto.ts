import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { WorkingInterval } from '@relaydesk/contracts';
import { IsNotBlank, IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';
import { VersionField } from '../../../common/openapi/request-fields.js';

const TIME = /^([01]\d|2[0-4]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_INTERVALS = 12;
const MAX_DATES = 1000;
/** HH:MM and YYYY-MM-DD as documented: the pattern also fixes the length. */
const TIME_SCHEMA = { pattern: TIME.source, maxLength: 5 } as const;
const DATE_SCHEMA = { format: 'date', pattern: DATE.source, maxLength: 10 } as const;

export class WorkingIntervalDto implements WorkingInterval {
  @ApiProperty({ example: '09:00', ...TIME_SCHEMA, description: 'Local time, HH:MM' })
  @IsString()
  @Matches(TIME, { message: '$property must be HH:MM' })
  start!: string;

  @ApiProperty({ example: '18:00', ...TIME_SCHEMA, description: '24:00 ends the day' })
  @IsString()
  @Matches(TIME, { message: '$property must be HH:MM' })
  end!: string;
}

/** One weekday: optional intervals, validated one by one. */
function Day(example: WorkingInterval[]) {
  return applyDecorators(
    ApiPropertyOptional({
      type: [WorkingIntervalDto],
      maxItems: MAX_INTERVALS,
      example,
      description: 'Working intervals, in order; empty or left out: a day off',
    }),
    IsOptionalNonNull(),
    IsArray(),
    ArrayMaxSize(MAX_INTERVALS),
    IsObject({ each: true }), // ValidateNested alone lets [] through as an item
    ValidateNested({ each: true }),
    Type(() => WorkingIntervalDto),
  );
}

const WORK = [{ start: '09:00', end: '18:00' }];

/** Working hours per weekday, in the calendar's time zone. */
export class WeekDto {
  @Day(WORK) mon?: WorkingIntervalDto[];
  @Day(WORK) tue?: WorkingIntervalDto[];
  @Day(WORK) wed?: WorkingIntervalDto[];
  @Day(WORK) thu?: WorkingIntervalDto[];
  @Day(WORK) fri?: WorkingIntervalDto[];
  @Day([]) sat?: WorkingIntervalDto[];
  @Day([]) sun?: WorkingIntervalDto[];
}

export class CalendarExceptionDto {
  @ApiProperty({ example: '2026-03-07', ...DATE_SCHEMA, description: 'Local date, YYYY-MM-DD' })
  @IsString()
  @Matches(DATE, { message: '$property must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({
    type: [WorkingIntervalDto],
    maxItems: MAX_INTERVALS,
    description: 'The working hours of that date instead of its weekday’s (empty: a day off)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_INTERVALS)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => WorkingIntervalDto)
  intervals!: WorkingIntervalDto[];
}

export class SlaCalendarDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ example: 'Europe/Moscow', description: 'IANA time zone' }) timeZone!: string;
  @ApiProperty({ type: WeekDto }) week!: WeekDto;
  @ApiProperty({ type: [String], example: ['2026-01-01'], description: 'Days off, YYYY-MM-DD' })
  holidays!: string[];
  @ApiProperty({ type: [CalendarExceptionDto] }) exceptions!: CalendarExceptionDto[];
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateSlaCalendarDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ example: 'Europe/Moscow', maxLength: 64, description: 'IANA time zone' })
  @IsString()
  @MaxLength(64)
  timeZone!: string;

  @ApiProperty({ type: WeekDto, description: 'At least one day must have working time' })
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => WeekDto)
  week!: WeekDto;

  @ApiPropertyOptional({
    type: [String],
    ...DATE_SCHEMA,
    maxItems: MAX_DATES,
    example: ['2026-01-01'],
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @Matches(DATE, { each: true, message: 'each value in $property must be YYYY-MM-DD' })
  holidays?: string[];

  @ApiPropertyOptional({ type: [CalendarExceptionDto], maxItems: MAX_DATES })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => CalendarExceptionDto)
  exceptions?: CalendarExceptionDto[];
}

export class UpdateSlaCalendarDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ type: WeekDto, description: 'Replaces the whole week' })
  @IsOptionalNonNull()
  @IsObject() // ValidateNested alone lets a missing object or [] through
  @ValidateNested()
  @Type(() => WeekDto)
  week?: WeekDto;

  @ApiPropertyOptional({ type: [String], ...DATE_SCHEMA, maxItems: MAX_DATES })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @Matches(DATE, { each: true, message: 'each value in $property must be YYYY-MM-DD' })
  holidays?: string[];

  @ApiPropertyOptional({ type: [CalendarExceptionDto], maxItems: MAX_DATES })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_DATES)
  @IsObject({ each: true }) // ValidateNested alone lets [] through as an item
  @ValidateNested({ each: true })
  @Type(() => CalendarExceptionDto)
  exceptions?: CalendarExceptionDto[];
}
