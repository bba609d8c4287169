import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { FIELD_LIMITS, VersionField } from '../../../common/openapi/request-fields.js';
import { KbPersonDto } from './kb-article.dto.js';

export class KbRevisionSummaryDto {
  @ApiProperty({ description: '1, 2, 3… per article' }) number!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: KbPersonDto, nullable: true }) author!: KbPersonDto | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The revision this one restored, if it was a restore',
  })
  restoredFrom!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class KbRevisionDto extends KbRevisionSummaryDto {
  @ApiProperty({ description: 'Markdown as saved' }) body!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
}

export class KbDiffLineDto {
  @ApiProperty({ enum: ['same', 'add', 'remove'] }) op!: 'same' | 'add' | 'remove';
  @ApiProperty() text!: string;
}

export class KbRevisionDiffDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [KbDiffLineDto] }) title!: KbDiffLineDto[];
  @ApiProperty({ type: [KbDiffLineDto] }) body!: KbDiffLineDto[];
  @ApiProperty({ type: [String] }) tagsAdded!: string[];
  @ApiProperty({ type: [String] }) tagsRemoved!: string[];
}

export class KbDiffQueryDto {
  @ApiProperty({
    type: 'integer',
    format: 'int32',
    minimum: 1,
    maximum: FIELD_LIMITS.int32,
    description: 'The older revision to compare with',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(FIELD_LIMITS.int32)
  from!: number;
}

export class KbRestoreDto {
  @VersionField() version!: number;
}
