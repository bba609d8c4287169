import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { RefDto } from '../../tickets/index.js';
import {
  CursorField,
  DATE_TIME_SCHEMA,
  IsDateTime,
  UUID_SCHEMA,
} from '../../../common/openapi/request-fields.js';

export const DEPUTYSHIP_STATES = ['upcoming', 'active', 'ended'] as const;
export type DeputyshipState = (typeof DEPUTYSHIP_STATES)[number];

/** The longest period one deputyship may cover; a longer absence is named again. */
export const DEPUTYSHIP_MAX_DAYS = 90;
/** Upcoming and active deputyships a principal may have at once. */
export const DEPUTYSHIP_MAX_OPEN = 10;
export const DEPUTYSHIP_NOTE_MAX = 500;

export class CreateDeputyshipDto {
  @ApiProperty({ ...UUID_SCHEMA, description: 'An active staff user other than the principal' })
  @LowerCaseIds()
  @IsUUID()
  deputyId!: string;

  @ApiProperty({
    ...DATE_TIME_SCHEMA,
    description: 'When the deputy’s access begins; a time in the past means now',
  })
  @IsDateTime()
  startsAt!: string;

  @ApiProperty({
    ...DATE_TIME_SCHEMA,
    description: `Later than startsAt and in the future; at most ${DEPUTYSHIP_MAX_DAYS} days after the start`,
  })
  @IsDateTime()
  endsAt!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DEPUTYSHIP_NOTE_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(DEPUTYSHIP_NOTE_MAX)
  note?: string | null;
}

export class DeputyshipListQueryDto {
  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField()
  cursor?: string;

  @ApiPropertyOptional({
    enum: ['principal', 'deputy'],
    default: 'principal',
    description: 'principal: the deputies this user named; deputy: whom this user stands in for',
  })
  @IsOptionalNonNull()
  @IsIn(['principal', 'deputy'])
  as?: 'principal' | 'deputy';
}

export class DeputyshipDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: RefDto, description: 'Whose tickets the deputy works' }) principal!: RefDto;
  @ApiProperty({ type: RefDto }) deputy!: RefDto;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'Access ends at this instant' }) endsAt!: string;
  @ApiProperty({ enum: DEPUTYSHIP_STATES, description: 'At the time of the request' })
  state!: DeputyshipState;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: RefDto, nullable: true }) createdBy!: RefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Set when it was ended before its planned end',
  })
  canceledAt!: string | null;
}

/** Newest end first: active and upcoming deputyships come before ended ones. */
export class DeputyshipPageDto {
  @ApiProperty({ type: [DeputyshipDto] }) items!: DeputyshipDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}
