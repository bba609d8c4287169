import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { SUPPORT_LEVELS, type SupportLevel } from '@relaydesk/contracts';
import { DATE_TIME_SCHEMA, IsDateTime } from '../../../common/openapi/request-fields.js';

export class SupportLevelReportQueryDto {
  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description:
      'Tickets that reached a level at or after this instant; default: 30 days before `to`',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description: 'Tickets that reached a level before this instant; default: now',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;
}

export class SupportLevelFiguresDto {
  @ApiProperty({ enum: SUPPORT_LEVELS }) level!: SupportLevel;
  @ApiProperty({ description: 'Tickets that reached the level in [from, to)' }) tickets!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Average seconds a ticket spent at the level: from reaching it until it left it (escalated ' +
      'or moved to a group of another level), was resolved, or now; null without tickets',
  })
  averageSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median of the same, in seconds' })
  medianSeconds!: number | null;
  @ApiProperty({ description: 'Of those tickets, how many were escalated onwards from this level' })
  escalatedOnwards!: number;
}

export class SupportLevelReportDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ type: [SupportLevelFiguresDto], description: 'Levels 1, 2 and 3, in order' })
  levels!: SupportLevelFiguresDto[];
}
