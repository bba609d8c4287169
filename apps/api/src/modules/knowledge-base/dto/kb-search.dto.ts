import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { KB_LANGUAGES, type KbLanguage } from '@relaydesk/contracts';
import { FIELD_LIMITS, IntField } from '../../../common/openapi/request-fields.js';
import { KbArticleSummaryDto } from './kb-article.dto.js';

export class KbSearchQueryDto {
  @ApiPropertyOptional({
    maxLength: FIELD_LIMITS.search,
    description: 'Words; "quotes" and -not work. Without words, no items',
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
  @ApiPropertyOptional({ enum: KB_LANGUAGES })
  @IsOptional()
  @IsIn(KB_LANGUAGES)
  language?: KbLanguage;
  @IntField({ min: 1, max: 50, optional: true, default: 20 })
  @Type(() => Number)
  limit?: number;
}

export class KbSuggestionsQueryDto {
  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Free text (a new ticket’s subject and description): any of its words may match. Without words, no items',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  text?: string;
  @ApiPropertyOptional({ enum: KB_LANGUAGES })
  @IsOptional()
  @IsIn(KB_LANGUAGES)
  language?: KbLanguage;
  @IntField({ min: 1, max: 10, optional: true, default: 5 })
  @Type(() => Number)
  limit?: number;
}

export class KbSearchHitDto extends KbArticleSummaryDto {
  @ApiProperty({ description: 'Relevance, higher is better' }) rank!: number;
  @ApiProperty({
    description:
      'Fragments of the body with the matches in <mark>…</mark>; everything else is HTML-escaped',
  })
  highlight!: string;
}

export class KbSearchResultDto {
  @ApiProperty({ type: [KbSearchHitDto] }) items!: KbSearchHitDto[];
}

export class KbTypeaheadItemDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: KB_LANGUAGES }) language!: KbLanguage;
}

export class KbTypeaheadResultDto {
  @ApiProperty({ type: [KbTypeaheadItemDto] }) items!: KbTypeaheadItemDto[];
}
