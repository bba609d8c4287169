import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
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
}
