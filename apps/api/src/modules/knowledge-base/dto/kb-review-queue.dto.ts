import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CursorField } from '../../../common/openapi/request-fields.js';
import { KbArticleSummaryDto, KbPersonDto } from './kb-article.dto.js';
import { REVIEW_INTERVAL_MAX, REVIEW_INTERVAL_MIN } from './kb-settings.dto.js';

export class KbReviewQueueQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    format: 'int32',
    minimum: REVIEW_INTERVAL_MIN,
    maximum: REVIEW_INTERVAL_MAX,
    description: 'Not reviewed for this many months (default: the setting reviewIntervalMonths)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(REVIEW_INTERVAL_MIN)
  @Max(REVIEW_INTERVAL_MAX)
  months?: number;

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

export class KbReviewQueueItemDto extends KbArticleSummaryDto {
  @ApiProperty({ type: KbPersonDto, nullable: true }) reviewedBy!: KbPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The last review, or the creation of an article never reviewed: the queue order',
  })
  lastReviewedOrCreatedAt!: string;
  @ApiProperty({ description: 'For "mark reviewed"' }) version!: number;
}

export class KbReviewQueuePageDto {
  @ApiProperty({ type: [KbReviewQueueItemDto] }) items!: KbReviewQueueItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'The interval the page was read with' }) months!: number;
}

export class KbReviewQueueCountDto {
  @ApiProperty({ description: 'Articles due (counted up to `cap`)' }) count!: number;
  @ApiProperty({ description: 'The count stops here: a badge shows "cap+"' }) cap!: number;
  @ApiProperty() months!: number;
}
