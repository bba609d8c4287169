import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DATE_TIME_SCHEMA, IsDateTime } from '../../../common/openapi/request-fields.js';

export const SATISFACTION_GROUP_BY = ['agent', 'day', 'week', 'month'] as const;
export type SatisfactionGroupBy = (typeof SATISFACTION_GROUP_BY)[number];

export class SatisfactionReportQueryDto {
  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description: 'Ratings given at or after this instant; default: 30 days before `to`',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description: 'Ratings given before this instant; default: now',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: SATISFACTION_GROUP_BY,
    default: 'month',
    description:
      'Length of the periods in `byPeriod` (UTC calendar days, ISO weeks from Monday, months); ' +
      '`agent` leaves `byPeriod` empty. `byAgent` is always filled.',
  })
  @IsOptional()
  @IsIn(SATISFACTION_GROUP_BY)
  groupBy?: SatisfactionGroupBy;
}

export class RatingDistributionDto {
  @ApiProperty({ name: '1' }) 1!: number;
  @ApiProperty({ name: '2' }) 2!: number;
  @ApiProperty({ name: '3' }) 3!: number;
  @ApiProperty({ name: '4' }) 4!: number;
  @ApiProperty({ name: '5' }) 5!: number;
}

export class AgentSatisfactionDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The assignee when the rating was given; null: the ticket was unassigned',
  })
  agentId!: string | null;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Mean rating, two decimals' }) average!: number;
}

export class PeriodSatisfactionDto {
  @ApiProperty({ example: '2026-03-01', description: 'First day of the period (UTC)' })
  period!: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: 'Mean rating, two decimals' }) average!: number;
}

export class SatisfactionReportDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Ratings given in the range (a ticket rated twice counts twice)' })
  count!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Mean rating, two decimals; null without ratings',
  })
  average!: number | null;
  @ApiProperty({ type: RatingDistributionDto, description: 'How many ratings of each value' })
  distribution!: RatingDistributionDto;
  @ApiProperty({ type: [AgentSatisfactionDto], description: 'Most ratings first' })
  byAgent!: AgentSatisfactionDto[];
  @ApiProperty({
    type: [PeriodSatisfactionDto],
    description: 'Oldest first; periods without ratings are left out',
  })
  byPeriod!: PeriodSatisfactionDto[];
}
