import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNumber, Max, Min } from 'class-validator';
import { IntField, VersionField } from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull } from '../../../common/validation/dto-decorators.js';

export const REVIEW_INTERVAL_MIN = 1;
export const REVIEW_INTERVAL_MAX = 120;

export class KbSettingsDto {
  @ApiProperty({ description: 'Public sections are readable without signing in' })
  publicEnabled!: boolean;
  @ApiProperty({
    description: 'The review queue lists published articles not reviewed for this many months',
  })
  reviewIntervalMonths!: number;
  @ApiProperty({
    description:
      "The automatic answer: a new client ticket's acknowledgement lists matching articles",
  })
  autoAnswerEnabled!: boolean;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description:
      "The share of an article title's words a new ticket must contain for the automatic answer to offer it",
  })
  autoAnswerMinScore!: number;
  @ApiProperty() version!: number;
}

/** Every setting is optional: one left out keeps its value (a form need not know them all). */
export class UpdateKbSettingsDto {
  @VersionField() version!: number;
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  publicEnabled?: boolean;
  @IntField({ min: REVIEW_INTERVAL_MIN, max: REVIEW_INTERVAL_MAX, optional: 'non-null' })
  reviewIntervalMonths?: number;
  @ApiPropertyOptional()
  @IsOptionalNonNull()
  @IsBoolean()
  autoAnswerEnabled?: boolean;
  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptionalNonNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  autoAnswerMinScore?: number;
}
