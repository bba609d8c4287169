import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { KB_LANGUAGES, type KbLanguage } from '@relaydesk/contracts';
import { DATE_TIME_SCHEMA, IsDateTime } from '../../../common/openapi/request-fields.js';

export const DEFLECTION_GROUP_BY = ['day', 'week', 'month'] as const;
export type DeflectionGroupBy = (typeof DEFLECTION_GROUP_BY)[number];

export class KbDeflectionReportQueryDto {
  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description:
      'Sessions whose first open is at or after this instant; default: 30 days before `to`',
  })
  @IsOptional()
  @IsDateTime()
  from?: string;

  @ApiPropertyOptional({
    ...DATE_TIME_SCHEMA,
    description: 'Sessions whose first open is before this instant; default: now',
  })
  @IsOptional()
  @IsDateTime()
  to?: string;

  @ApiPropertyOptional({
    enum: DEFLECTION_GROUP_BY,
    default: 'day',
    description:
      'Length of the periods in `byPeriod`: UTC calendar days, ISO weeks from Monday, months',
  })
  @IsOptional()
  @IsIn(DEFLECTION_GROUP_BY)
  groupBy?: DeflectionGroupBy;
}

export class KbDeflectionFiguresDto {
  @ApiProperty({
    description:
      'Sessions that ended without a ticket; a client counts at most once per UTC day (and per ' +
      'article in `byArticle`)',
  })
  deflections!: number;
  @ApiProperty({ description: 'Sessions with opened suggestions that still ended in a ticket' })
  filed!: number;
  @ApiProperty({ description: 'Sessions whose window has not ended yet: not decided' })
  pending!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'deflections / (deflections + filed), two decimals; null when both are 0',
  })
  rate!: number | null;
}

export class KbDeflectionPeriodDto extends KbDeflectionFiguresDto {
  @ApiProperty({ example: '2026-03-01', description: 'First day of the period (UTC)' })
  period!: string;
}

export class KbDeflectionArticleDto extends KbDeflectionFiguresDto {
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: KB_LANGUAGES }) language!: KbLanguage;
  @ApiProperty({ description: 'Sessions in which the article was opened' })
  opens!: number;
}

export class KbDeflectionReportDto extends KbDeflectionFiguresDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ enum: DEFLECTION_GROUP_BY }) groupBy!: DeflectionGroupBy;
  @ApiProperty({
    description:
      'Hours after a session’s last open within which a ticket filed with it is not a deflection',
  })
  windowHours!: number;
  @ApiProperty({
    type: [KbDeflectionPeriodDto],
    description: 'Oldest first, by the day of each session’s first open; empty periods left out',
  })
  byPeriod!: KbDeflectionPeriodDto[];
  @ApiProperty({
    type: [KbDeflectionArticleDto],
    description: 'Most deflections first, then most opens; at most 100 articles',
  })
  byArticle!: KbDeflectionArticleDto[];
}
