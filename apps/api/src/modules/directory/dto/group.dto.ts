import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  GROUP_DISTRIBUTIONS,
  SUPPORT_LEVELS,
  type GroupDistribution,
  type SupportLevel,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
  QueryBoolean,
} from '../../../common/validation/dto-decorators.js';
import { UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';

export const MAX_GROUP_MEMBERS = 1000;

const SUPPORT_LEVEL_TEXT =
  'Support line: 1 (L1), 2 (L2) or 3 (L3); escalation moves tickets to the next one. null: none';
const DISTRIBUTION_TEXT =
  'Who gets a ticket that lands in the group without an agent: `manual` (nobody, it waits in ' +
  'the queue), `round_robin` (members in turn) or `least_open` (the member with the fewest ' +
  'open tickets). Inactive and out-of-office members are skipped.';

export class GroupDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Team lead' })
  leadId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({
    type: Number,
    enum: SUPPORT_LEVELS,
    nullable: true,
    description: SUPPORT_LEVEL_TEXT,
  })
  supportLevel!: SupportLevel | null;
  @ApiProperty({ enum: GROUP_DISTRIBUTIONS, description: DISTRIBUTION_TEXT })
  distribution!: GroupDistribution;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Staff users in the group' })
  memberIds!: string[];
  @ApiProperty({ description: 'Send it back with a change; a stale one is a 409' })
  version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class GroupPageDto {
  @ApiProperty({ type: [GroupDto] }) items!: GroupDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page' })
  nextCursor!: string | null;
}

export class GroupListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ type: Boolean, description: 'Only active (true) or inactive (false)' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Only groups this user is a member of' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  memberId?: string;
}

export class CreateGroupDto {
  @ApiProperty({ minLength: 1, maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active staff user',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  leadId?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    enum: SUPPORT_LEVELS,
    nullable: true,
    description: SUPPORT_LEVEL_TEXT,
  })
  @IsOptional()
  @IsInt()
  @IsIn(SUPPORT_LEVELS)
  supportLevel?: SupportLevel | null;

  @ApiPropertyOptional({ enum: GROUP_DISTRIBUTIONS, description: DISTRIBUTION_TEXT })
  @IsOptionalNonNull()
  @IsIn(GROUP_DISTRIBUTIONS)
  distribution?: GroupDistribution;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_GROUP_MEMBERS,
    description: 'Active staff users; each other id is a 422 of its own',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  memberIds?: string[];
}

export class UpdateGroupDto {
  @VersionField({ description: 'The version you read; a stale one is a 409' })
  version!: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptionalNonNull()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @IsNotBlank()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiPropertyOptional({
    type: String,
    ...UUID_SCHEMA,
    nullable: true,
    description: 'An active staff user',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  leadId?: string | null;

  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    type: Number,
    enum: SUPPORT_LEVELS,
    nullable: true,
    description: SUPPORT_LEVEL_TEXT,
  })
  @IsOptional()
  @IsInt()
  @IsIn(SUPPORT_LEVELS)
  supportLevel?: SupportLevel | null;

  @ApiPropertyOptional({ enum: GROUP_DISTRIBUTIONS, description: DISTRIBUTION_TEXT })
  @IsOptionalNonNull()
  @IsIn(GROUP_DISTRIBUTIONS)
  distribution?: GroupDistribution;

  @ApiPropertyOptional({
    type: [String],
    ...UUID_SCHEMA,
    maxItems: MAX_GROUP_MEMBERS,
    description:
      'The whole new member set: replaces the old one. New members must be active staff users; ' +
      'current members may stay even if deactivated.',
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(MAX_GROUP_MEMBERS)
  @LowerCaseIds()
  @IsUUID('loose', { each: true })
  @ArrayUnique()
  memberIds?: string[];
}
