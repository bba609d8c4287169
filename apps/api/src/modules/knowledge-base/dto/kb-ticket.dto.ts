import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { KB_LANGUAGES, type KbLanguage } from '@relaydesk/contracts';
import { FIELD_LIMITS, IntField, UUID_SCHEMA } from '../../../common/openapi/request-fields.js';
import { IsOptionalNonNull, LowerCaseIds } from '../../../common/validation/dto-decorators.js';
import { KbSearchHitDto } from './kb-search.dto.js';

/** "Publish to knowledge base" from a resolved or closed ticket: what the draft becomes. */
export class KbDraftFromTicketDto {
  @ApiPropertyOptional({
    ...UUID_SCHEMA,
    description: 'The section of the draft; without it, the first staff section (else the first)',
  })
  @IsOptionalNonNull()
  @LowerCaseIds()
  @IsUUID()
  sectionId?: string;
  @ApiPropertyOptional({
    enum: KB_LANGUAGES,
    description: "The draft's language; without it, the requester's (else the caller's)",
  })
  @IsOptionalNonNull()
  @IsIn(KB_LANGUAGES)
  language?: KbLanguage;
  @ApiPropertyOptional({
    description: 'Name the author under each answer (default: no names)',
    default: false,
  })
  @IsOptionalNonNull()
  @IsBoolean()
  includeAuthors?: boolean;
}

export class KbReplySuggestionsQueryDto {
  @ApiPropertyOptional({
    maxLength: FIELD_LIMITS.search,
    description:
      "Words to search for (as /kb/search). Without it: the articles matching the ticket's subject and description (as /kb/suggestions)",
  })
  @IsOptional()
  @IsString()
  @MaxLength(FIELD_LIMITS.search)
  q?: string;
  @IntField({ min: 1, max: 10, optional: true, default: 5 })
  @Type(() => Number)
  limit?: number;
}

/** An article offered in a reply: can the ticket's requester open it, and where. */
export class KbReplySuggestionDto extends KbSearchHitDto {
  @ApiProperty({
    description:
      "Whether the ticket's requester may open the article now (published, in a section open to them): a link to it is worth sending",
  })
  requesterCanOpen!: boolean;
  @ApiProperty({
    description: "The article's page in the client portal, from the configured PUBLIC_URL",
  })
  portalUrl!: string;
}

export class KbReplySuggestionsDto {
  @ApiProperty({ type: [KbReplySuggestionDto] }) items!: KbReplySuggestionDto[];
}
