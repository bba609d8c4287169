import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  WORK_ENTRY_KINDS,
  WORK_TOTAL_GROUPS,
  type WorkEntryKind,
  type WorkTotalGroup,
} from '@relaydesk/contracts';
import { CursorField, UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { WorkEntryDto, WorkTotalsDto } from './work-entry.dto.js';
import { DateOnlyField } from './work-fields.js';

export class WorkReportFilterDto {
  @DateOnlyField({ optional: true, description: 'First work date (inclusive)' })
  from?: string;
  @DateOnlyField({ optional: true, description: 'Last work date (inclusive)' })
  to?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  organizationId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  contractId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Who did the work' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  userId?: string;

  @ApiPropertyOptional({ ...UUID_SCHEMA })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  ticketId?: string;

  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'The work on tickets about this equipment item',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID('loose')
  equipmentId?: string;

  @ApiPropertyOptional({ enum: WORK_ENTRY_KINDS })
  @IsOptional()
  @IsIn(WORK_ENTRY_KINDS)
  kind?: WorkEntryKind;
}

export class WorkReportQueryDto extends WorkReportFilterDto {
  @ApiPropertyOptional({
    enum: WORK_TOTAL_GROUPS,
    default: 'agent',
    description: 'What the totals are grouped by',
  })
  @IsOptional()
  @IsIn(WORK_TOTAL_GROUPS)
  groupBy?: WorkTotalGroup;

  @ApiPropertyOptional({ type: 'integer', format: 'int32', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @CursorField()
  cursor?: string;
}

export class WorkReportRowDto extends WorkEntryDto {
  @ApiProperty() ticketNumber!: number;
  @ApiProperty() ticketSubject!: string;
  @ApiProperty({ type: String, nullable: true }) organizationName!: string | null;
  @ApiProperty({ type: String, nullable: true }) contractNumber!: string | null;
}

export class WorkReportGroupDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The id (or month, YYYY-MM) grouped by',
  })
  key!: string | null;
  @ApiProperty() label!: string;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty() billedSeconds!: number;
  @ApiProperty() amount!: number;
}

export class WorkReportDto {
  @ApiProperty({ type: [WorkReportRowDto], description: 'Entries, newest work date first' })
  items!: WorkReportRowDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ type: WorkTotalsDto, description: 'Over every entry the filters match' })
  totals!: WorkTotalsDto;
  @ApiProperty({ type: [WorkReportGroupDto] }) groups!: WorkReportGroupDto[];
}
