import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  KB_ARTICLE_SORTS,
  KB_ARTICLE_STATUSES,
  KB_LANGUAGES,
  type KbArticleSort,
  type KbArticleStatus,
  type KbLanguage,
} from '@relaydesk/contracts';
import { PageQueryDto } from '../../../common/pagination/page-query.dto.js';
import { FIELD_LIMITS, UUID_SCHEMA, VersionField } from '../../../common/openapi/request-fields.js';
import {
  IsNotBlank,
  IsOptionalNonNull,
  LowerCaseIds,
} from '../../../common/validation/dto-decorators.js';

export const TITLE_MAX = 300;
export const BODY_MAX = 200_000;
export const TAGS_MAX = 20;
export const TAG_MAX = 50;
const TAG_FORMAT = /^[^\s,]+$/;

export class KbPersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class KbTranslationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: KB_LANGUAGES }) language!: KbLanguage;
  @ApiProperty() title!: string;
}

/** An article in a list or search result: no body. */
export class KbArticleSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sectionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: KB_LANGUAGES }) language!: KbLanguage;
  @ApiProperty({ enum: KB_ARTICLE_STATUSES }) status!: KbArticleStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class KbArticleDto extends KbArticleSummaryDto {
  @ApiProperty({ description: 'The body as readers see it: Markdown rendered and sanitized' })
  bodyHtml!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The Markdown source: for staff (editors); null for others',
  })
  body!: string | null;
  @ApiProperty({ format: 'uuid' }) translationGroupId!: string;
  @ApiProperty({
    type: [KbTranslationDto],
    description: 'The other languages of this article that the reader sees',
  })
  translations!: KbTranslationDto[];
  @ApiProperty({ type: KbPersonDto, nullable: true }) author!: KbPersonDto | null;
  @ApiProperty({ type: KbPersonDto, nullable: true }) reviewedBy!: KbPersonDto | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt!: string | null;
  @ApiProperty() helpfulCount!: number;
  @ApiProperty() notHelpfulCount!: number;
  @ApiProperty({ description: 'Views counted so far (flushed every minute)' }) viewCount!: number;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: "The caller's own vote (null: none, or not signed in)",
  })
  myVote!: boolean | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class KbArticlePageDto {
  @ApiProperty({ type: [KbArticleSummaryDto] }) items!: KbArticleSummaryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

export class KbArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ ...UUID_SCHEMA, description: 'Articles of this section only' })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID()
  sectionId?: string;
  @ApiPropertyOptional({ enum: KB_LANGUAGES })
  @IsOptional()
  @IsIn(KB_LANGUAGES)
  language?: KbLanguage;
  @ApiPropertyOptional({
    enum: KB_ARTICLE_STATUSES,
    description: 'Staff only matters: others see published ones',
  })
  @IsOptional()
  @IsIn(KB_ARTICLE_STATUSES)
  status?: KbArticleStatus;
  @ApiPropertyOptional({
    enum: KB_ARTICLE_SORTS,
    default: 'recent',
    description:
      'recent: most recently updated first; popular: most viewed first. A cursor holds to the order it came from',
  })
  @IsOptional()
  @IsIn(KB_ARTICLE_SORTS)
  sort?: KbArticleSort;
}

class ArticleFields {
  @ApiProperty({ maxLength: TITLE_MAX })
  @IsString()
  @IsNotBlank()
  @MaxLength(TITLE_MAX)
  title!: string;
  @ApiProperty({ maxLength: BODY_MAX, description: 'Markdown; raw HTML is shown as text' })
  @IsString()
  @MaxLength(BODY_MAX)
  body!: string;
  @ApiPropertyOptional({
    type: [String],
    items: { type: 'string', maxLength: TAG_MAX, pattern: TAG_FORMAT.source },
    maxItems: TAGS_MAX,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @IsString({ each: true })
  @MaxLength(TAG_MAX, { each: true })
  @Matches(TAG_FORMAT, { each: true, message: 'a tag has no spaces or commas' })
  tags?: string[];
}

export class CreateKbArticleDto extends ArticleFields {
  @ApiProperty(UUID_SCHEMA)
  @LowerCaseIds()
  @IsUUID()
  sectionId!: string;
  @ApiProperty({ enum: KB_LANGUAGES })
  @IsIn(KB_LANGUAGES)
  language!: KbLanguage;
  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'The article this one translates (joins its translation group)',
  })
  @IsOptional()
  @LowerCaseIds()
  @IsUUID()
  translationOf?: string;
}

export class UpdateKbArticleDto {
  @VersionField() version!: number;
  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOptionalNonNull()
  @IsString()
  @IsNotBlank()
  @MaxLength(TITLE_MAX)
  title?: string;
  @ApiPropertyOptional({ maxLength: BODY_MAX })
  @IsOptionalNonNull()
  @IsString()
  @MaxLength(BODY_MAX)
  body?: string;
  @ApiPropertyOptional({
    type: [String],
    items: { type: 'string', maxLength: TAG_MAX, pattern: TAG_FORMAT.source },
    maxItems: TAGS_MAX,
  })
  @IsOptionalNonNull()
  @IsArray()
  @ArrayMaxSize(TAGS_MAX)
  @IsString({ each: true })
  @MaxLength(TAG_MAX, { each: true })
  @Matches(TAG_FORMAT, { each: true, message: 'a tag has no spaces or commas' })
  tags?: string[];
  @ApiPropertyOptional(UUID_SCHEMA)
  @IsOptionalNonNull()
  @LowerCaseIds()
  @IsUUID()
  sectionId?: string;
}

export class KbStatusChangeDto {
  @VersionField() version!: number;
  @ApiProperty({ enum: KB_ARTICLE_STATUSES })
  @IsIn(KB_ARTICLE_STATUSES)
  status!: KbArticleStatus;
}

export class KbReviewDto {
  @VersionField() version!: number;
}

export { FIELD_LIMITS };
